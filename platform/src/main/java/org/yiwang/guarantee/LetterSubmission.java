package org.yiwang.guarantee;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A guarantee letter as the issuer's system posts it: the structured fields, the PDF, and the issuer's signature
 * over the canonical form of the fields and the PDF's SHA-256 ({@link CanonicalLetter}).
 *
 * @param pdf the letter as PDF, base64
 * @param signature the signature, base64 (DER for SM2 and ECDSA)
 * @param algorithm {@code SM3_WITH_SM2}, {@code SHA256_WITH_ECDSA} or {@code SHA256_WITH_RSA}
 * @param certificate the signer's certificate, PEM or base64 DER; it must be bound to the issuer in the registry
 */
public record LetterSubmission(
		@Schema(description = "The issuer's letter number, unique on the platform", example = "BH-2026-000123") String letterNumber,
		@Schema(description = "The trade code the letter secures", example = "CQ-500103-2026-00017-01") String tradeCode,
		@Schema(description = "The tenderer's unified social credit code") String beneficiaryCreditCode,
		@Schema(description = "The bidder's unified social credit code") String applicantCreditCode,
		@Schema(description = "Yuan, at most two decimals; signed with exactly two", example = "80000.00") BigDecimal amount,
		@Schema(example = "2026-11-27") LocalDate validFrom,
		@Schema(description = "Must not be before the bid validity end", example = "2027-03-31") LocalDate validUntil,
		@Schema(description = "The letter as PDF, base64; at most 1 MB, starting with %PDF-") String pdf,
		@Schema(description = "Base64 signature over the canonical form (docs/bid-security.md)") String signature,
		@Schema(allowableValues = { "SM3_WITH_SM2", "SHA256_WITH_ECDSA", "SHA256_WITH_RSA" }) String algorithm,
		@Schema(description = "The signer's certificate, PEM or base64 DER, bound to the issuer in the registry") String certificate) {
}
