package org.yiwang.envelope;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.util.HexFormat;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The one BouncyCastle provider (passed explicitly, never installed JVM-wide) and digests the format uses. */
public final class Crypto {

	public static final Provider PROVIDER = new BouncyCastleProvider();

	/** The SM2 signer ID of GM/T 0009; OpenSSL needs {@code -sigopt distid:1234567812345678}. */
	public static final byte[] SM2_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

	private Crypto() {
	}

	public static MessageDigest sm3() {
		try {
			return MessageDigest.getInstance("SM3", PROVIDER);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public static byte[] sha256(byte[] bytes) {
		return sha256().digest(bytes);
	}

	public static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	/** A public key's identifier in envelopes: SHA-256 of its SubjectPublicKeyInfo DER, lower-case hex. */
	public static String keyId(PublicKey key) {
		return hex(sha256(key.getEncoded()));
	}
}
