package org.yiwang.envelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A batch's tree head as the platform signs it: five lines of ASCII, each ending in LF, so that
 * {@code openssl dgst -sm3 -verify platform-pub.pem -sigopt distid:1234567812345678 -signature sth.sig sth.txt}
 * checks it:
 * <pre>
 * yiwang-tree-head v1
 * batch: 42
 * tree-size: 17
 * root: 0f1e…(64 hex)
 * time: 2026-11-27T10:41:02.123456Z
 * </pre>
 */
public record TreeHead(long batch, long treeSize, byte[] root, Instant time) {

	private static final Pattern FORMAT = Pattern.compile(
			"yiwang-tree-head v1\nbatch: (\\d{1,18})\ntree-size: (\\d{1,18})\nroot: ([0-9a-f]{64})\ntime: ([0-9TZ:.\\-]{20,40})\n");

	public byte[] encoded() {
		return ("yiwang-tree-head v1\nbatch: " + batch + "\ntree-size: " + treeSize + "\nroot: "
				+ HexFormat.of().formatHex(root) + "\ntime: " + time + "\n").getBytes(StandardCharsets.US_ASCII);
	}

	public static TreeHead parse(byte[] bytes) throws EnvelopeException {
		Matcher m = FORMAT.matcher(new String(bytes, StandardCharsets.US_ASCII));
		if (!m.matches()) {
			throw new EnvelopeException(EnvelopeException.Problem.BAD_INPUT, "not a yiwang-tree-head v1");
		}
		try {
			return new TreeHead(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), HexFormat.of().parseHex(m.group(3)),
					Instant.parse(m.group(4)));
		}
		catch (RuntimeException e) {
			throw new EnvelopeException(EnvelopeException.Problem.BAD_INPUT, "a tree head field is out of range", e);
		}
	}
}
