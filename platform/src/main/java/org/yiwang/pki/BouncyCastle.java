package org.yiwang.pki;

import java.nio.charset.StandardCharsets;
import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * One BouncyCastle provider instance, passed explicitly rather than installed JVM-wide, so the JDK's own providers
 * keep serving everything else (TLS, password hashing).
 */
final class BouncyCastle {

	static final Provider PROVIDER = new BouncyCastleProvider();

	/** The SM2 signer ID of GM/T 0009; OpenSSL needs {@code -sigopt distid:1234567812345678} to use it too. */
	static final byte[] SM2_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

	private BouncyCastle() {
	}
}
