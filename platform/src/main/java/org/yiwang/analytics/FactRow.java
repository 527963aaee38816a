package org.yiwang.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A fact in a drill-down list; {@code recordId} is the public record's id, null when there is none. */
public record FactRow(Instant occurredAt, Stage stage, String region, String category, String procedure,
		String tradeCode, String title, BigDecimal budget, BigDecimal amount, Integer bidders, Boolean nonLocal,
		Boolean eGuarantee, UUID recordId) {
}
