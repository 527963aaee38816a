package org.yiwang.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * RFC 9162 section 2.1 over stored subtrees: the tree hash, audit paths and consistency proofs of any tree size are
 * made of perfect subtrees (level, index), each stored once when it became complete. A computation first runs against
 * a recorder to learn which subtrees it needs, so that they are read in one query, then against what was read.
 */
final class LogTree {

	/** A perfect subtree: leaves [index * 2^level, (index + 1) * 2^level). Level 0 is a leaf. */
	record Node(int level, long index) {
	}

	private LogTree() {
	}

	static byte[] leafHash(byte[] leaf) {
		MessageDigest sha = sha256();
		sha.update((byte) 0);
		sha.update(leaf);
		return sha.digest();
	}

	static byte[] nodeHash(byte[] left, byte[] right) {
		MessageDigest sha = sha256();
		sha.update((byte) 1);
		sha.update(left);
		sha.update(right);
		return sha.digest();
	}

	static byte[] emptyRoot() {
		return sha256().digest();
	}

	/** What a computation needs, then what it computes. */
	static <T> T compute(Function<Function<Node, byte[]>, T> computation, Function<Set<Node>, Map<Node, byte[]>> read) {
		Set<Node> needed = new LinkedHashSet<>();
		byte[] blank = new byte[32];
		computation.apply(node -> {
			needed.add(node);
			return blank;
		});
		Map<Node, byte[]> nodes = new HashMap<>(read.apply(needed));
		return computation.apply(node -> {
			byte[] hash = nodes.get(node);
			if (hash == null) {
				throw new IllegalStateException("The log misses its subtree " + node);
			}
			return hash;
		});
	}

	/** MTH(D[from:to]): {@code from} is always aligned to the perfect subtrees of the range in RFC 9162's splits. */
	static byte[] hash(long from, long to, Function<Node, byte[]> nodes) {
		long n = to - from;
		if (Long.bitCount(n) == 1 && from % n == 0) {
			return nodes.apply(new Node(Long.numberOfTrailingZeros(n), from / n));
		}
		long k = split(n);
		return nodeHash(hash(from, from + k, nodes), hash(from + k, to, nodes));
	}

	static byte[] root(long size, Function<Node, byte[]> nodes) {
		return size == 0 ? emptyRoot() : hash(0, size, nodes);
	}

	/** PATH(m, D[0:size]), bottom up. */
	static List<byte[]> inclusion(long m, long size, Function<Node, byte[]> nodes) {
		List<byte[]> path = new ArrayList<>();
		path(m, 0, size, nodes, path);
		return path;
	}

	private static void path(long m, long from, long to, Function<Node, byte[]> nodes, List<byte[]> out) {
		long n = to - from;
		if (n <= 1) {
			return;
		}
		long k = split(n);
		if (m < k) {
			path(m, from, from + k, nodes, out);
			out.add(hash(from + k, to, nodes));
		}
		else {
			path(m - k, from + k, to, nodes, out);
			out.add(hash(from, from + k, nodes));
		}
	}

	/** PROOF(m, D[0:n]) of RFC 6962 section 2.1.2; empty when m is 0 or m = n. */
	static List<byte[]> consistency(long m, long n, Function<Node, byte[]> nodes) {
		List<byte[]> proof = new ArrayList<>();
		if (m > 0 && m < n) {
			subproof(m, 0, n, true, nodes, proof);
		}
		return proof;
	}

	private static void subproof(long m, long from, long to, boolean complete, Function<Node, byte[]> nodes,
			List<byte[]> out) {
		long n = to - from;
		if (m == n) {
			if (!complete) {
				out.add(hash(from, to, nodes));
			}
			return;
		}
		long k = split(n);
		if (m <= k) {
			subproof(m, from, from + k, complete, nodes, out);
			out.add(hash(from + k, to, nodes));
		}
		else {
			subproof(m - k, from + k, to, false, nodes, out);
			out.add(hash(from, from + k, nodes));
		}
	}

	/** The largest power of two smaller than n (n >= 2). */
	static long split(long n) {
		long k = Long.highestOneBit(n);
		return k == n ? k / 2 : k;
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}
}
