package org.yiwang.tendering;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.yiwang.pki.SignatureAlgorithm;
import org.yiwang.system.Refusal;

/**
 * The two fields every signing act of a procedure takes besides the signature: the algorithm a party names (SM2 when
 * it names none) and the certificate it sent, kept as text beside the signature.
 */
final class SignatureFields {

	private SignatureFields() {
	}

	/** The named algorithm, {@code SM3withSM2} when blank; an unknown name is refused with the accepted ones. */
	static SignatureAlgorithm algorithm(String name) {
		SignatureAlgorithm algorithm = name == null || name.isBlank() ? SignatureAlgorithm.SM3_WITH_SM2
				: SignatureAlgorithm.parse(name);
		if (algorithm == null) {
			throw Refusal.invalid("algorithm", "tendering.contract.algorithm", name);
		}
		return algorithm;
	}

	/** PEM text as sent, DER as base64; null when no certificate was sent. */
	static String certificateText(byte[] certificate) {
		if (certificate == null || certificate.length == 0) {
			return null;
		}
		String text = new String(certificate, StandardCharsets.US_ASCII);
		return text.contains("-----BEGIN") ? text : Base64.getEncoder().encodeToString(certificate);
	}
}
