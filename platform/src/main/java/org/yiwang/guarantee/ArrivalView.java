package org.yiwang.guarantee;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Money;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/** A recorded arrival and how it matched; trade and bidder are empty for an unknown sub-account. */
public record ArrivalView(UUID id, String bankReference, String accountNumber, TradeCode tradeCode, EntityId bidder,
		Money amount, String payerAccount, String payerName, Instant paidAt, DepositOutcome outcome, Instant recordedAt,
		boolean replayed) {
}
