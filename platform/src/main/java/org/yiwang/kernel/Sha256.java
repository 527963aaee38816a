package org.yiwang.kernel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as the platform writes it down everywhere (audit chain, records, commitments, stored files' names): lower-case
 * hex of the digest; a text is hashed as its UTF-8 bytes.
 */
public final class Sha256 {

	private static final HexFormat HEX = HexFormat.of();

	private Sha256() {
	}

	public static String hex(byte[] bytes) {
		try {
			return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	public static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}
}
