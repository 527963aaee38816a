package org.yiwang.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yiwang.catalog.CalendarDay;
import org.yiwang.catalog.CalendarDayKind;
import org.yiwang.catalog.Holidays2026;
import org.yiwang.catalog.WorkingDaySchedule;

/** Listing periods counted by the working calendar: 2026's holidays and make-up workdays, and a year without them. */
class WorkingDaysTests {

	private static final WorkingDaySchedule Y2026 = Holidays2026.schedule();

	private static Instant china(int year, int month, int day, int hour) {
		return LocalDateTime.of(year, month, day, hour, 0).toInstant(ZoneOffset.ofHours(8));
	}

	@Test
	void twenty_working_days_across_the_spring_festival_skip_its_nine_days_and_count_both_make_up_saturdays() {
		// Published Tuesday 10 February: 11, 12, 13, 14 (Saturday, worked), then 15–23 off, 24–27, 28 (Saturday,
		// worked), then 2–6, 9–13 and 16 March: the 20th working day.
		ListingPeriod period = WorkingDays.periodEnd(china(2026, 2, 10, 10), 20, true, Y2026);
		assertThat(period.end()).isEqualTo(china(2026, 3, 17, 0));
		assertThat(period.scheduled()).isTrue();
		// Weekends only, it would have ended on 10 March, six working days short.
		assertThat(WorkingDays.periodEnd(china(2026, 2, 10, 10), 20, true, WorkingDaySchedule.withoutHolidays()).end())
			.isEqualTo(china(2026, 3, 11, 0));
	}

	@Test
	void twenty_working_days_across_mid_autumn_and_national_day_count_the_worked_sunday_and_saturday() {
		// Published Friday 18 September: 20 (Sunday, worked), 21–24, (25–27 off) 28–30, (1–7 October off) 8, 9,
		// 10 (Saturday, worked), 12–16, 19–22: the 20th working day is Thursday 22 October.
		ListingPeriod period = WorkingDays.periodEnd(china(2026, 9, 18, 15), 20, true, Y2026);
		assertThat(period.end()).isEqualTo(china(2026, 10, 23, 0));
		assertThat(period.unscheduledYears()).isEmpty();
	}

	@Test
	void a_period_into_a_year_without_a_schedule_says_which_year() {
		ListingPeriod period = WorkingDays.periodEnd(china(2026, 12, 20, 9), 20, true, Y2026);
		// 21–25, 28–31 December, then 2027 by weekends only: 1, 4–8, 11–15 January.
		assertThat(period.end()).isEqualTo(china(2027, 1, 16, 0));
		assertThat(period.unscheduledYears()).containsExactly(2027);
		assertThat(period.unscheduledYearsText()).isEqualTo("2027");
		// A schedule entered for 2027 (here: 1 January off) moves the end and the warning goes away.
		List<CalendarDay> days = new ArrayList<>(Holidays2026.days());
		days.add(new CalendarDay(java.time.LocalDate.of(2027, 1, 1), CalendarDayKind.HOLIDAY, "元旦", "test", Instant.EPOCH));
		ListingPeriod scheduled = WorkingDays.periodEnd(china(2026, 12, 20, 9), 20, true, WorkingDaySchedule.of(days));
		assertThat(scheduled.end()).isEqualTo(china(2027, 1, 19, 0));
		assertThat(scheduled.scheduled()).isTrue();
	}

	@Test
	void a_calendar_day_period_ignores_the_calendar_and_warns_of_nothing() {
		ListingPeriod period = WorkingDays.periodEnd(china(2026, 9, 30, 9), 10, false, Y2026);
		assertThat(period.end()).isEqualTo(china(2026, 10, 11, 0));
		assertThat(period.unscheduledYears()).isEmpty();
	}

	@Test
	void an_extension_of_five_working_days_from_the_end_of_a_period_skips_the_national_day() {
		// A period ending at midnight after Wednesday 30 September, extended by five working days: 8, 9, 10, 12, 13.
		ListingPeriod extended = WorkingDays.periodEnd(china(2026, 10, 1, 0).minusSeconds(1), 5, true, Y2026);
		assertThat(extended.end()).isEqualTo(china(2026, 10, 14, 0));
	}

	@Test
	void a_fixed_period_reports_the_unscheduled_years_it_runs_through() {
		assertThat(WorkingDays.unscheduledYears(china(2026, 12, 20, 9), china(2027, 1, 16, 0), Y2026)).containsExactly(2027);
		assertThat(WorkingDays.unscheduledYears(china(2026, 9, 18, 15), china(2026, 10, 23, 0), Y2026)).isEmpty();
		assertThat(WorkingDays.unscheduledYears(china(2025, 12, 1, 9), china(2026, 1, 10, 0), Y2026)).containsExactly(2025);
	}
}
