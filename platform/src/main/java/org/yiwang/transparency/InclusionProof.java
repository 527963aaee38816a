package org.yiwang.transparency;

import java.util.List;

/**
 * RFC 9162 inclusion proof: the audit path (lower-case hex, bottom up) from {@code leaf} to the root of the tree of
 * {@code treeSize} leaves.
 */
public record InclusionProof(LogLeaf leaf, long treeSize, List<String> auditPath) {
}
