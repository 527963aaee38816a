package org.yiwang.purchasing;

import java.math.BigDecimal;
import java.time.Instant;

/** Staff publish a round: region, category, what is bought, the price ceiling, how many winners, two deadlines. */
public record NewRound(String region, String category, String title, String productScope, BigDecimal ceilingPrice,
		Integer maxWinners, Instant reportDeadline, Instant bidDeadline) {
}
