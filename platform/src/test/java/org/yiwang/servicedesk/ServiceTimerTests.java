package org.yiwang.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yiwang.catalog.CalendarDay;
import org.yiwang.catalog.CalendarDayKind;
import org.yiwang.catalog.WorkingDaySchedule;

/** The request timer against the 2026 State Council schedule (National Day week and its make-up Saturday). */
class ServiceTimerTests {

	private static final ServiceTimer TIMER = new ServiceTimer(schedule());

	private static WorkingDaySchedule schedule() {
		List<CalendarDay> days = new ArrayList<>();
		for (LocalDate d = LocalDate.of(2026, 10, 1); !d.isAfter(LocalDate.of(2026, 10, 7)); d = d.plusDays(1)) {
			days.add(new CalendarDay(d, CalendarDayKind.HOLIDAY, "国庆节", "system", Instant.EPOCH));
		}
		days.add(new CalendarDay(LocalDate.of(2026, 9, 20), CalendarDayKind.MAKEUP_WORKDAY, "国庆节调休上班", "system",
				Instant.EPOCH));
		days.add(new CalendarDay(LocalDate.of(2026, 10, 10), CalendarDayKind.MAKEUP_WORKDAY, "国庆节调休上班", "system",
				Instant.EPOCH));
		return WorkingDaySchedule.of(days);
	}

	@Test
	void a_limit_skips_the_weekend() {
		// filed on Friday 4 December: Monday, Tuesday, Wednesday
		assertThat(TIMER.dueOn(LocalDate.of(2026, 12, 4), 3)).isEqualTo(LocalDate.of(2026, 12, 9));
		assertThat(TIMER.warnOn(LocalDate.of(2026, 12, 4), 3)).isEqualTo(LocalDate.of(2026, 12, 8));
	}

	@Test
	void a_request_filed_on_a_saturday_starts_on_monday() {
		assertThat(TIMER.dueOn(LocalDate.of(2026, 12, 5), 1)).isEqualTo(LocalDate.of(2026, 12, 7));
		// a one-day limit is escalated on the day it is filed
		assertThat(TIMER.warnOn(LocalDate.of(2026, 12, 5), 1)).isEqualTo(LocalDate.of(2026, 12, 5));
	}

	@Test
	void the_national_day_week_does_not_count_and_its_make_up_saturday_does() {
		// filed Wednesday 30 September: 8 and 9 October, then Saturday 10 October (调休上班)
		assertThat(TIMER.dueOn(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
		assertThat(TIMER.workingDays(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 7))).isZero();
		assertThat(TIMER.workingDays(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 10))).isEqualTo(3);
		// Sunday 20 September is a working day; Saturday 19 is not
		assertThat(TIMER.workingDays(LocalDate.of(2026, 9, 18), LocalDate.of(2026, 9, 21))).isEqualTo(2);
	}

	@Test
	void finished_the_day_it_was_filed_took_no_working_day() {
		assertThat(TIMER.workingDays(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 7))).isZero();
	}
}
