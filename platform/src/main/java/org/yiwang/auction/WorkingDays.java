package org.yiwang.auction;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Counts listing periods. Working days skip Saturdays and Sundays only: public holidays and the weekend days worked
 * in their place (调休) are not known to the platform yet, so a period over a holiday is shorter in real working
 * days than it says (a known limitation; staff extend by hand).
 */
final class WorkingDays {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private WorkingDays() {
	}

	/**
	 * The end of a period of {@code days} that starts the day after {@code from} (Asia/Shanghai): midnight at the end
	 * of its last day.
	 */
	static Instant periodEnd(Instant from, int days, boolean working) {
		LocalDate day = LocalDate.ofInstant(from, CHINA);
		int counted = 0;
		while (counted < days) {
			day = day.plusDays(1);
			if (!working || isWorkingDay(day)) {
				counted++;
			}
		}
		return day.plusDays(1).atStartOfDay(CHINA).toInstant();
	}

	static boolean isWorkingDay(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}
}
