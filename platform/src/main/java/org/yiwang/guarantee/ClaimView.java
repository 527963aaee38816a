package org.yiwang.guarantee;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Money;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/**
 * A claim on a bidder's security.
 *
 * @param reference the guarantee letter number, or the deposit sub-account number
 * @param amount the security claimed on: the guarantee's amount, or the cash held
 * @param replayed true when an issuer's payment came again under its idempotency key
 */
public record ClaimView(UUID id, TradeCode tradeCode, SecurityForm form, String reference, EntityId issuer,
		EntityId bidder, EntityId beneficiary, Money amount, ClaimGround ground, String text, ClaimStatus status,
		Instant filedAt, Instant decidedAt, String decisionReason, Money paidAmount, Instant paidAt, boolean replayed) {
}
