package org.yiwang.pki;

/** Why a sealed bid envelope is refused. Each reason has a message in {@code messages*.properties}. */
public enum EnvelopeFailure {

	/** Not a sealed bid: it does not start with the format's magic bytes. */
	NOT_AN_ENVELOPE("pki.envelope.notAnEnvelope"),
	/** A format version this platform does not read. */
	UNSUPPORTED_VERSION("pki.envelope.unsupportedVersion"),
	/** The file ends early (an interrupted upload or copy). */
	TRUNCATED("pki.envelope.truncated"),
	/** The header or the signer certificate in it is malformed, or a header field is too long or out of range. */
	MALFORMED("pki.envelope.malformed"),
	/** The header exceeds 64 KB. */
	HEADER_TOO_LARGE("pki.envelope.headerTooLarge"),
	/** Bytes follow the signature. */
	TRAILING_DATA("pki.envelope.trailingData"),
	/** No signature. */
	UNSIGNED("pki.envelope.unsigned"),
	/** The signature does not match the envelope under the certificate in its header: it was altered. */
	SIGNATURE_MISMATCH("pki.envelope.signatureMismatch"),
	/** The signer certificate was not issued by a CA the platform trusts. */
	UNTRUSTED_SIGNER("pki.envelope.untrustedSigner"),
	/** The signer certificate (or a CA on its path) has expired, or is not yet valid. */
	SIGNER_EXPIRED("pki.envelope.signerExpired"),
	/** The signer certificate is revoked; the argument is the revocation date. */
	SIGNER_REVOKED("pki.envelope.signerRevoked"),
	/** The signer certificate's key is too weak. */
	SIGNER_WEAK_KEY("pki.envelope.signerWeakKey"),
	/** The content key is not wrapped to this section's opening key: sealed for another section or with an old key. */
	NOT_SEALED_TO_OPENING_KEY("pki.envelope.notSealedToOpeningKey"),
	/** The file could not be read. */
	UNREADABLE("pki.envelope.unreadable");

	private final String messageKey;

	EnvelopeFailure(String messageKey) {
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}
}
