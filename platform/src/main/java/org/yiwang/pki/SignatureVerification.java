package org.yiwang.pki;

import java.time.Instant;

/**
 * The outcome of checking a signature: who signed, or precisely why it is not accepted.
 *
 * @param signer the signer's certificate as parsed; null when the certificate could not be read
 * @param failure null when valid
 * @param revokedAt the revocation date when {@code failure} is {@link VerificationFailure#REVOKED}
 * @param algorithm the signature algorithm checked, e.g. {@code SM3withSM2}
 */
public record SignatureVerification(boolean valid, CertificateView signer, VerificationFailure failure,
		Instant revokedAt, String algorithm) {

	static SignatureVerification valid(CertificateView signer, String algorithm) {
		return new SignatureVerification(true, signer, null, null, algorithm);
	}

	static SignatureVerification failed(CertificateView signer, VerificationFailure failure, Instant revokedAt,
			String algorithm) {
		return new SignatureVerification(false, signer, failure, revokedAt, algorithm);
	}

	/** The message key of the outcome, for pages and problem details. */
	public String messageKey() {
		return valid ? "pki.signature.valid" : failure.messageKey();
	}
}
