package org.yiwang.auction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.yiwang.catalog.WorkingDaySchedule;
import org.yiwang.catalog.WorkingPeriod;

/**
 * Counts listing periods, in working days by the catalogue's working calendar (holidays and make-up workdays) or in
 * calendar days, as the listing says.
 */
final class WorkingDays {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private WorkingDays() {
	}

	/**
	 * The end of a period of {@code days} that starts the day after {@code from} (Asia/Shanghai): midnight at the end
	 * of its last day, and the years it runs through without a holiday schedule (working-day periods only).
	 */
	static ListingPeriod periodEnd(Instant from, int days, boolean working, WorkingDaySchedule schedule) {
		LocalDate start = LocalDate.ofInstant(from, CHINA);
		if (!working) {
			return new ListingPeriod(endOf(start.plusDays(days)), List.of());
		}
		WorkingPeriod period = schedule.after(start, days);
		return new ListingPeriod(endOf(period.lastDay()), period.unscheduledYears());
	}

	/**
	 * The years a period already fixed runs through (the day after {@code from} to the day before {@code end}) for which
	 * the calendar holds no holiday schedule.
	 */
	static List<Integer> unscheduledYears(Instant from, Instant end, WorkingDaySchedule schedule) {
		LocalDate first = LocalDate.ofInstant(from, CHINA).plusDays(1);
		LocalDate last = LocalDate.ofInstant(end.minusSeconds(1), CHINA);
		return last.isBefore(first) ? List.of() : schedule.unscheduledYears(first, last);
	}

	private static Instant endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay(CHINA).toInstant();
	}
}
