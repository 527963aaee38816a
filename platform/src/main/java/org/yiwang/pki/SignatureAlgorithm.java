package org.yiwang.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;

/** The raw signature algorithms the platform checks, each bound to the key algorithm it needs. */
public enum SignatureAlgorithm {

	/** SM2 with SM3 (GB/T 32918), signer ID 1234567812345678; the signature is DER SEQUENCE { r, s }. */
	SM3_WITH_SM2("SM3withSM2", KeyAlgorithm.SM2),
	/** ECDSA on P-256 with SHA-256; DER SEQUENCE { r, s } as OpenSSL writes it. */
	SHA256_WITH_ECDSA("SHA256withECDSA", KeyAlgorithm.EC),
	/** RSA PKCS#1 v1.5 with SHA-256. */
	SHA256_WITH_RSA("SHA256withRSA", KeyAlgorithm.RSA);

	private final String jcaName;

	private final KeyAlgorithm keyAlgorithm;

	SignatureAlgorithm(String jcaName, KeyAlgorithm keyAlgorithm) {
		this.jcaName = jcaName;
		this.keyAlgorithm = keyAlgorithm;
	}

	public String jcaName() {
		return jcaName;
	}

	public KeyAlgorithm keyAlgorithm() {
		return keyAlgorithm;
	}

	/**
	 * Checks the signature over {@code content} with this public key, and nothing else (no certificate, no trust):
	 * the code path {@link Signatures} runs after it has accepted the signer's certificate.
	 *
	 * @return false when the signature does not match
	 * @throws SignatureException when the signature bytes cannot be decoded
	 * @throws InvalidKeyException when the key does not fit this algorithm
	 */
	public boolean verify(PublicKey key, byte[] content, byte[] signature) throws SignatureException, InvalidKeyException {
		try {
			return verify(key, new ByteArrayInputStream(content), signature);
		}
		catch (IOException e) {
			throw new UncheckedIOException("An array is always readable", e);
		}
	}

	/**
	 * As {@link #verify(PublicKey, byte[], byte[])}, over content read from a stream in 64 KB chunks: a tender document
	 * may be gigabytes and is never held whole in memory.
	 *
	 * @throws IOException when the content cannot be read
	 */
	public boolean verify(PublicKey key, InputStream content, byte[] signature)
			throws SignatureException, InvalidKeyException, IOException {
		requireWellFormed(key, signature);
		try {
			Signature verifier = Signature.getInstance(jcaName, BouncyCastle.PROVIDER);
			if (this == SM3_WITH_SM2) {
				verifier.setParameter(new SM2ParameterSpec(BouncyCastle.SM2_ID));
			}
			verifier.initVerify(key);
			byte[] buffer = new byte[64 * 1024];
			int read;
			while ((read = content.read(buffer)) != -1) {
				verifier.update(buffer, 0, read);
			}
			return verifier.verify(signature);
		}
		catch (SignatureException | InvalidKeyException e) {
			throw e;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(jcaName + " is not available", e);
		}
	}

	/**
	 * BouncyCastle answers "no match" for an undecodable SM2/ECDSA signature; people need to hear "malformed" instead,
	 * so the encoding is checked first: DER SEQUENCE of two positive INTEGERs, or for RSA the modulus' length.
	 */
	private void requireWellFormed(PublicKey key, byte[] signature) throws SignatureException {
		if (signature == null || signature.length == 0) {
			throw new SignatureException("empty signature");
		}
		if (keyAlgorithm == KeyAlgorithm.RSA) {
			if (key instanceof java.security.interfaces.RSAPublicKey rsa
					&& signature.length != (rsa.getModulus().bitLength() + 7) / 8) {
				throw new SignatureException("an RSA signature is as long as the modulus");
			}
			return;
		}
		try {
			ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(signature));
			if (sequence.size() != 2 || !Arrays.equals(sequence.getEncoded(ASN1Encoding.DER), signature)
					|| ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue().signum() <= 0
					|| ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue().signum() <= 0) {
				throw new SignatureException("not a DER SEQUENCE { r, s }");
			}
		}
		catch (java.io.IOException | RuntimeException e) {
			throw new SignatureException("not a DER SEQUENCE { r, s }", e);
		}
	}

	/** Accepts the enum name, the JCA name, or OpenSSL-style spellings such as {@code sm2}, {@code ecdsa}, {@code rsa}. */
	public static SignatureAlgorithm parse(String name) {
		if (name == null) {
			return null;
		}
		String n = name.strip().toUpperCase().replace("-", "_");
		for (SignatureAlgorithm a : values()) {
			if (a.name().equals(n) || a.jcaName.equalsIgnoreCase(name.strip())) {
				return a;
			}
		}
		return switch (n) {
			case "SM2", "SM3SM2" -> SM3_WITH_SM2;
			case "ECDSA", "EC", "ES256" -> SHA256_WITH_ECDSA;
			case "RSA", "RS256" -> SHA256_WITH_RSA;
			default -> null;
		};
	}
}
