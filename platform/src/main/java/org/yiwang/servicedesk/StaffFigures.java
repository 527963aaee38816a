package org.yiwang.servicedesk;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One staff member's month: requests finished, mean working days per request, the share finished within the limit
 * (percent), and the ratings of those requests (mean score 1–5, count of bad ones). Means are null without data.
 */
public record StaffFigures(String staff, YearMonth month, int completed, BigDecimal meanWorkingDays,
		BigDecimal withinLimitPercent, int rated, BigDecimal meanRating, int bad) {
}
