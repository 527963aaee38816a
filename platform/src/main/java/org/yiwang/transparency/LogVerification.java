package org.yiwang.transparency;

/**
 * The outcome of recomputing the whole log from its leaves: every leaf hash, every stored subtree and every signed
 * tree head's root and signature.
 *
 * @param firstBrokenIndex the first leaf (or, for a tree head, its size) that does not hold; null when intact
 * @param problem a message key ({@code transparency.broken.*}); null when intact
 */
public record LogVerification(boolean intact, long leavesChecked, long treeHeadsChecked, Long firstBrokenIndex,
		String problem) {
}
