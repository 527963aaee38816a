package org.yiwang.envelope;

/**
 * Why an envelope (or a key, a certificate, a price sheet, a receipt given to the tools) is not accepted. Each
 * {@link Problem} is one specific, actionable reason; callers map it to a message in the user's language.
 */
public final class EnvelopeException extends Exception {

	/** The specific reasons, in the order a reader meets them in a file. */
	public enum Problem {
		/** The file does not start with the magic {@code YWSEALED}: not a sealed bid at all. */
		NOT_AN_ENVELOPE,
		/** A format version this reader does not know. */
		UNSUPPORTED_VERSION,
		/** The file ends before the structure the header announces (header, a chunk, the signature). */
		TRUNCATED,
		/** The header is not the JSON the format prescribes, or a field is missing, too long or out of range. */
		MALFORMED_HEADER,
		/** The header length exceeds the format's bound. */
		HEADER_TOO_LARGE,
		/** Bytes follow the signature. */
		TRAILING_DATA,
		/** The signature field is empty or absent. */
		UNSIGNED,
		/** The signer certificate in the header cannot be read, or its key is not accepted. */
		MALFORMED_SIGNER,
		/** The signature does not match the envelope's bytes under the signer certificate. */
		SIGNATURE_MISMATCH,
		/** The content key is not wrapped to the key given. */
		NOT_A_RECIPIENT,
		/** The key given is named as a recipient but cannot unwrap the content key (wrong private key). */
		WRONG_KEY,
		/** A chunk fails authentication: the content was altered, reordered or cut. */
		CONTENT_TAMPERED,
		/** The decrypted content is not the archive the format prescribes. */
		MALFORMED_CONTENT,
		/** Input given to seal or to a tool is not usable (missing file, malformed PEM, key not matching certificate). */
		BAD_INPUT
	}

	private final Problem problem;

	public EnvelopeException(Problem problem, String detail) {
		super(problem + ": " + detail);
		this.problem = problem;
	}

	public EnvelopeException(Problem problem, String detail, Throwable cause) {
		super(problem + ": " + detail, cause);
		this.problem = problem;
	}

	public Problem problem() {
		return problem;
	}
}
