package org.yiwang.guarantee;

import java.time.Instant;
import java.time.LocalDate;

import org.yiwang.kernel.Money;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/**
 * Valid bid security a bidder holds for a trade.
 *
 * @param reference the guarantee letter number, or the deposit sub-account number
 * @param validUntil the last day a guarantee is in force; empty for cash
 * @param lodgedAt when the security was lodged (保证金递交时间): when the issuer's letter reached the platform, or when
 * the cash was paid into the bidder's deposit sub-account
 */
public record SecurityHeld(EntityId bidder, TradeCode tradeCode, SecurityForm form, Money amount, String reference,
		LocalDate validUntil, Instant lodgedAt) {
}
