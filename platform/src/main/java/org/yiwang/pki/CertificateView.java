package org.yiwang.pki;

import java.time.Instant;
import java.util.Optional;

/**
 * What the platform knows about a certificate it has parsed (and, where returned by a validation, accepted).
 *
 * @param fingerprint SHA-256 of the DER encoding, lower-case hex: the certificate's identity for binding
 * @param subject RFC 4519 string of the subject name
 * @param serial the serial number, upper-case hex
 * @param creditCode the unified social credit code (统一社会信用代码) found in the subject, or null
 * @param authority true for a CA certificate (basic constraints cA)
 */
public record CertificateView(String fingerprint, String subject, String issuer, String serial,
		KeyAlgorithm keyAlgorithm, int keyBits, Instant notBefore, Instant notAfter, String creditCode,
		boolean authority) {

	public Optional<String> optionalCreditCode() {
		return Optional.ofNullable(creditCode);
	}
}
