package org.yiwang.transparency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A tree head as the platform signed it: {@code treeHead} is the exact text signed with the platform SM2 key
 * (SM3withSM2, signer ID 1234567812345678) and time-stamped (RFC 3161, over its SHA-256):
 * <pre>
 * yiwang-log-tree-head v1
 * tree-size: 1234
 * root: 0f1e…(64 hex)
 * time: 2026-12-07T02:10:00.123456Z
 * </pre>
 *
 * @param signature base64 DER SM2 signature over {@code treeHead} (UTF-8)
 * @param timestampToken base64 DER RFC 3161 TimeStampToken over SHA-256 of {@code treeHead}
 * @param mergeDelaySeconds the log's maximum merge delay: a fact is in a signed tree head within this many seconds
 */
public record SignedTreeHead(long treeSize, String root, Instant signedAt, String treeHead, String signature,
		String timestampToken, long mergeDelaySeconds) {

	static String text(long treeSize, String rootHex, Instant signedAt) {
		return "yiwang-log-tree-head v1\ntree-size: " + treeSize + "\nroot: " + rootHex + "\ntime: " + signedAt + "\n";
	}

	byte[] bytes() {
		return treeHead.getBytes(StandardCharsets.UTF_8);
	}
}
