package org.yiwang.servicedesk;

import java.math.BigDecimal;
import java.util.List;

/**
 * The center's public figures, aggregates only: requests handled, the share within the limit, and satisfaction (the
 * share of ratings 基本满意 or better), overall and per item. Percentages are null without data.
 */
public record PublicFigures(long handled, BigDecimal withinLimitPercent, long rated, BigDecimal satisfiedPercent,
		List<ItemFigures> items) {

	public record ItemFigures(String item, long handled, BigDecimal withinLimitPercent, BigDecimal meanWorkingDays) {
	}
}
