package org.yiwang.guarantee;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.yiwang.kernel.Money;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/**
 * A cash deposit refund: the principal goes back to the account it came from with interest at the deposit rate,
 * {@code principal × annualRate × daysHeld / 360} rounded half-up to the fen.
 *
 * @param dueOn the last day the refund may be executed (实施条例 Art. 57)
 * @param overdue not executed and past its due day, today
 */
public record RefundView(UUID id, String accountNumber, TradeCode tradeCode, EntityId bidder, String bidderName,
		String payerAccount, String payerName, Money principal, BigDecimal annualRate, LocalDate heldFrom,
		LocalDate heldUntil, int daysHeld, Money interest, Money total, ReleaseReason reason, LocalDate dueOn,
		RefundStatus status, Instant instructedAt, Instant executedAt, String bankReference, boolean overdue) {
}
