package org.yiwang.guarantee;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A guarantee letter as the issuer's system posts it: the structured fields, the PDF, and the issuer's signature
 * over the canonical form of the fields and the PDF's SHA-256 ({@link CanonicalLetter}).
 *
 * @param pdf the letter as PDF, base64
 * @param signature the signature, base64 (DER for SM2 and ECDSA)
 * @param algorithm {@code SM3_WITH_SM2}, {@code SHA256_WITH_ECDSA} or {@code SHA256_WITH_RSA}
 * @param certificate the signer's certificate, PEM or base64 DER; it must be bound to the issuer in the registry
 */
public record LetterSubmission(String letterNumber, String tradeCode, String beneficiaryCreditCode,
		String applicantCreditCode, BigDecimal amount, LocalDate validFrom, LocalDate validUntil, String pdf,
		String signature, String algorithm, String certificate) {
}
