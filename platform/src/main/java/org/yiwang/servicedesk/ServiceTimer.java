package org.yiwang.servicedesk;

import java.time.LocalDate;

import org.yiwang.catalog.WorkingDaySchedule;

/**
 * A request's timer in working days by the working calendar: the limit runs from the day after filing (a request
 * filed on a Saturday or a holiday starts with the next working day), is escalated on its last-but-one working day,
 * and a request finished on its last working day is within the limit.
 */
record ServiceTimer(WorkingDaySchedule schedule) {

	LocalDate dueOn(LocalDate filedOn, int limit) {
		return schedule.after(filedOn, limit).lastDay();
	}

	/** The day a still-open request is escalated: one working day before the limit ends (for one day, the day filed). */
	LocalDate warnOn(LocalDate filedOn, int limit) {
		return schedule.after(filedOn, limit - 1).lastDay();
	}

	/** Working days from filing to finishing, the day of filing not counted (finished the same day: 0). */
	int workingDays(LocalDate filedOn, LocalDate finishedOn) {
		int days = 0;
		for (LocalDate day = filedOn.plusDays(1); !day.isAfter(finishedOn); day = day.plusDays(1)) {
			days += schedule.isWorkingDay(day) ? 1 : 0;
		}
		return days;
	}
}
