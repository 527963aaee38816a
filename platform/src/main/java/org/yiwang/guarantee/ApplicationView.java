package org.yiwang.guarantee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.yiwang.kernel.Money;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/**
 * An application for an e-guarantee as the bidder and the chosen issuer see it: what the letter must say.
 *
 * @param amount the security required; the letter's amount must be at least this
 * @param bidValidityEnd the letter must be valid until at least this day
 */
public record ApplicationView(UUID id, TradeCode tradeCode, String sectionName, EntityId beneficiary,
		String beneficiaryName, String beneficiaryCreditCode, EntityId applicant, String applicantName,
		String applicantCreditCode, EntityId issuer, String issuerName, Money amount, LocalDate bidValidityEnd,
		ApplicationStatus status, Instant appliedAt) {
}
