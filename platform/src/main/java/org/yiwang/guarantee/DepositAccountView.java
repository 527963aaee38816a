package org.yiwang.guarantee;

import java.time.Instant;

import org.yiwang.kernel.Money;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/** A bidder's own deposit sub-account for one trade, and what must arrive on it. */
public record DepositAccountView(String accountNumber, TradeCode tradeCode, String sectionName, EntityId bidder,
		String bidderName, Money amountRequired, Instant openedAt) {
}
