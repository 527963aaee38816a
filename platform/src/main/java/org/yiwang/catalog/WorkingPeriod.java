package org.yiwang.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * A period counted in working days: its last day, and the years it runs through for which the calendar holds no
 * holiday schedule (there only Saturdays and Sundays were skipped, so the end may be too early). Empty when the
 * whole period was counted against a schedule.
 */
public record WorkingPeriod(LocalDate lastDay, List<Integer> unscheduledYears) {

	public WorkingPeriod {
		unscheduledYears = List.copyOf(unscheduledYears);
	}

	/** Whether every day of the period was counted against a holiday schedule. */
	public boolean scheduled() {
		return unscheduledYears.isEmpty();
	}
}
