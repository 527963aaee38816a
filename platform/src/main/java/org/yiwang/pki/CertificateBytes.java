package org.yiwang.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.yiwang.kernel.Sha256;

/**
 * Reads certificates and CRLs as people upload them: PEM (one object, text around it ignored) or DER. Anything else
 * is {@link VerificationFailure#MALFORMED_CERTIFICATE}, never an exception escaping as a 500.
 */
final class CertificateBytes {

	/** Uploads are bounded: a real CA certificate or CRL of a CA of this kind is a few KB. */
	static final int MAX_BYTES = 64 * 1024;

	private CertificateBytes() {
	}

	static X509CertificateHolder certificate(byte[] bytes) throws Rejected {
		Object parsed = parse(bytes);
		if (parsed instanceof X509CertificateHolder holder) {
			return holder;
		}
		if (parsed instanceof byte[] der) {
			try {
				return new X509CertificateHolder(der);
			}
			catch (IOException | RuntimeException e) {
				throw new Rejected(VerificationFailure.MALFORMED_CERTIFICATE);
			}
		}
		throw new Rejected(VerificationFailure.MALFORMED_CERTIFICATE);
	}

	static X509CRLHolder crl(byte[] bytes) throws Rejected {
		Object parsed = parse(bytes);
		if (parsed instanceof X509CRLHolder holder) {
			return holder;
		}
		if (parsed instanceof byte[] der) {
			try {
				return new X509CRLHolder(der);
			}
			catch (IOException | RuntimeException e) {
				throw new Rejected(VerificationFailure.MALFORMED_CERTIFICATE);
			}
		}
		throw new Rejected(VerificationFailure.MALFORMED_CERTIFICATE);
	}

	/** A PEM object, or the bytes themselves when they look like DER (an ASN.1 SEQUENCE). */
	private static Object parse(byte[] bytes) throws Rejected {
		if (bytes == null || bytes.length == 0 || bytes.length > MAX_BYTES) {
			throw new Rejected(VerificationFailure.MALFORMED_CERTIFICATE);
		}
		if (bytes[0] == 0x30) {
			try {
				ASN1Primitive.fromByteArray(bytes);
				return bytes;
			}
			catch (IOException | RuntimeException e) {
				throw new Rejected(VerificationFailure.MALFORMED_CERTIFICATE);
			}
		}
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.US_ASCII);
				PEMParser pem = new PEMParser(reader)) {
			Object object = pem.readObject();
			if (object == null) {
				throw new Rejected(VerificationFailure.MALFORMED_CERTIFICATE);
			}
			return object;
		}
		catch (IOException | RuntimeException e) {
			throw new Rejected(VerificationFailure.MALFORMED_CERTIFICATE);
		}
	}

	static String fingerprint(byte[] der) {
		return Sha256.hex(der);
	}

	static String pem(String type, byte[] der) {
		String body = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}
}
