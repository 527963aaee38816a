package org.yiwang.pki;

/**
 * Why a certificate or a signature is not accepted. Each reason has a message in {@code messages*.properties}
 * telling the person what to do.
 */
public enum VerificationFailure {

	/** The bytes are neither a PEM nor a DER certificate (or CRL, or signature container). */
	MALFORMED_CERTIFICATE("pki.failure.malformedCertificate"),
	/** No trusted CA issued it, or the path to a trusted root is broken. */
	UNTRUSTED_ISSUER("pki.failure.untrustedIssuer"),
	/** Past its notAfter, or an issuer on its path is. */
	EXPIRED("pki.failure.expired"),
	/** Before its notBefore. */
	NOT_YET_VALID("pki.failure.notYetValid"),
	/** On a revocation list of its issuer; the argument is the revocation date. */
	REVOKED("pki.failure.revoked"),
	/** RSA under 2048 bits, or a curve other than P-256 and SM2. */
	WEAK_KEY("pki.failure.weakKey"),
	/** The signature is well formed but does not match these bytes under this certificate's key. */
	SIGNATURE_MISMATCH("pki.failure.signatureMismatch"),
	/** The signature algorithm asked for does not fit the certificate's key. */
	ALGORITHM_MISMATCH("pki.failure.algorithmMismatch"),
	/** The signature bytes cannot be decoded (not DER, wrong length, not CMS). */
	MALFORMED_SIGNATURE("pki.failure.malformedSignature");

	private final String messageKey;

	VerificationFailure(String messageKey) {
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}
}
