package org.yiwang.transparency;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The verification algorithms of RFC 9162 sections 2.1.3.2 and 2.1.4.2 and the naive MTH of section 2.1.1, written
 * from the RFC for the tests alone: the log's answers are checked against these, not against its own code.
 */
final class Rfc9162 {

	private Rfc9162() {
	}

	static byte[] leaf(byte[] data) {
		return digest(new byte[] { 0 }, data);
	}

	static byte[] node(byte[] left, byte[] right) {
		return digest(new byte[] { 1 }, left, right);
	}

	/** MTH(D[n]) over leaf hashes, recursively as the RFC defines it. */
	static byte[] mth(List<byte[]> leafHashes) {
		int n = leafHashes.size();
		if (n == 0) {
			return digest();
		}
		if (n == 1) {
			return leafHashes.get(0);
		}
		int k = Integer.highestOneBit(n - 1);
		return node(mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, n)));
	}

	static boolean inclusion(byte[] leafHash, long index, long size, List<byte[]> path, byte[] root) {
		if (index >= size) {
			return false;
		}
		long fn = index, sn = size - 1;
		byte[] r = leafHash;
		for (byte[] p : path) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = node(p, r);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				r = node(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(r, root);
	}

	static boolean consistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
		if (first == second) {
			return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
		}
		if (first == 0 || first > second || proof.isEmpty()) {
			return false;
		}
		List<byte[]> path = new ArrayList<>(proof);
		if (Long.bitCount(first) == 1) {
			path.add(0, firstRoot);
		}
		long fn = first - 1, sn = second - 1;
		while ((fn & 1) == 1) {
			fn >>= 1;
			sn >>= 1;
		}
		byte[] fr = path.get(0), sr = path.get(0);
		for (byte[] c : path.subList(1, path.size())) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = node(c, fr);
				sr = node(c, sr);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				sr = node(sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
	}

	static byte[] digestOf(byte[] data) {
		return digest(data);
	}

	private static byte[] digest(byte[]... parts) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (byte[] part : parts) {
				sha.update(part);
			}
			return sha.digest();
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
