package org.yiwang.purchasing;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;

/** A volume-based procurement round (带量采购) as people see it. */
public record RoundView(UUID id, RegionCode region, CategoryCode category, int templateVersion, String title,
		String productScope, Money ceilingPrice, int maxWinners, int minBids, Instant reportDeadline,
		Instant bidDeadline, RoundStatus status, Long totalQuantity, String createdBy, Instant createdAt,
		Instant decidedAt, long version, TradeCode tradeCode, String resultText, String resultSignature) {
}
