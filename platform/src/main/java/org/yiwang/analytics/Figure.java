package org.yiwang.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One chart's data: its points with the same figure a year and a month before, so every chart carries its
 * year-on-year and month-on-month change.
 *
 * @param key the chart's name in URLs and message keys ({@code analytics.chart.<key>})
 * @param unit {@code count}, {@code wan} (万元), {@code percent} or {@code days}
 * @param dimension what the points are: {@code month}, {@code category}, {@code region}, {@code procedure}, {@code bidders}
 * @param stage the stage of the facts behind each point (the drill-down lists them)
 */
public record Figure(String key, String unit, String dimension, Stage stage, List<Point> points) {

	public Figure {
		points = List.copyOf(points);
	}

	/**
	 * @param key a month ({@code 2026-11}), a category or region code, a procedure, a number of bidders
	 * @param month the month the point's facts fall in
	 * @param value null where undefined (a rate over nothing)
	 */
	public record Point(String key, String month, BigDecimal value, BigDecimal previousYear, BigDecimal previousMonth) {

		public BigDecimal yearOnYear() {
			return change(value, previousYear);
		}

		public BigDecimal monthOnMonth() {
			return change(value, previousMonth);
		}

		/** The change in percent, or null when there is nothing to compare with. */
		static BigDecimal change(BigDecimal now, BigDecimal before) {
			if (now == null || before == null || before.signum() == 0) {
				return null;
			}
			return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before.abs(), 1, RoundingMode.HALF_UP);
		}
	}
}
