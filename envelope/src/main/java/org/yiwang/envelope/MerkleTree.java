package org.yiwang.envelope;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 6962 (Certificate Transparency) Merkle trees with SHA-256: leaf hash SHA-256(0x00 || leaf), node hash
 * SHA-256(0x01 || left || right), the split at the largest power of two below n; audit paths and their
 * verification as in RFC 9162 section 2.1.3.
 */
public final class MerkleTree {

	private MerkleTree() {
	}

	public static byte[] leafHash(byte[] leaf) {
		MessageDigest sha = Crypto.sha256();
		sha.update((byte) 0);
		sha.update(leaf);
		return sha.digest();
	}

	static byte[] nodeHash(byte[] left, byte[] right) {
		MessageDigest sha = Crypto.sha256();
		sha.update((byte) 1);
		sha.update(left);
		sha.update(right);
		return sha.digest();
	}

	/** MTH(D[n]) over leaf hashes. */
	public static byte[] root(List<byte[]> leafHashes) {
		if (leafHashes.isEmpty()) {
			return Crypto.sha256(new byte[0]);
		}
		return root(leafHashes, 0, leafHashes.size());
	}

	private static byte[] root(List<byte[]> hashes, int from, int to) {
		int n = to - from;
		if (n == 1) {
			return hashes.get(from);
		}
		int k = split(n);
		return nodeHash(root(hashes, from, from + k), root(hashes, from + k, to));
	}

	/** PATH(m, D[n]): the audit path of leaf {@code index}, bottom up. */
	public static List<byte[]> auditPath(List<byte[]> leafHashes, int index) {
		List<byte[]> path = new ArrayList<>();
		path(leafHashes, 0, leafHashes.size(), index, path);
		return path;
	}

	private static void path(List<byte[]> hashes, int from, int to, int m, List<byte[]> out) {
		int n = to - from;
		if (n == 1) {
			return;
		}
		int k = split(n);
		if (m < k) {
			path(hashes, from, from + k, m, out);
			out.add(root(hashes, from + k, to));
		}
		else {
			path(hashes, from + k, to, m - k, out);
			out.add(root(hashes, from, from + k));
		}
	}

	/** RFC 9162 2.1.3.2: does the path lead from the leaf hash at {@code index} to {@code root} of a tree of {@code size}? */
	public static boolean verify(byte[] leafHash, long index, long size, List<byte[]> path, byte[] root) {
		if (index < 0 || index >= size) {
			return false;
		}
		long fn = index;
		long sn = size - 1;
		byte[] r = leafHash;
		for (byte[] p : path) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = nodeHash(p, r);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				r = nodeHash(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(r, root);
	}

	private static int split(int n) {
		int k = Integer.highestOneBit(n);
		return k == n ? k / 2 : k;
	}
}
