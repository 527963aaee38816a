package org.yiwang.guarantee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.yiwang.kernel.Money;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/**
 * A recorded e-guarantee as its applicant and issuer see it, with the verification code that lets anyone else check
 * it on the public page.
 */
public record GuaranteeView(UUID id, UUID application, String letterNumber, String verificationCode, EntityId issuer,
		String issuerName, String beneficiaryName, String beneficiaryCreditCode, EntityId applicant,
		String applicantCreditCode, TradeCode tradeCode, Money amount, LocalDate validFrom, LocalDate validUntil,
		String pdfSha256, String algorithm, String signerFingerprint, GuaranteeStatus status, Instant recordedAt) {
}
