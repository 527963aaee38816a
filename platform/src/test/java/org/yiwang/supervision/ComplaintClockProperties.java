package org.yiwang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.yiwang.catalog.Holidays2026;
import org.yiwang.catalog.WorkingDaySchedule;
import org.yiwang.supervision.ComplaintClock.Pause;

/**
 * The complaint clock keeps the statutory rules whatever the days: 10 calendar days plus the objection's wait, 3 (or
 * 5) working days to accept, 30 working days to rule with the periods that do not count left out, against the 2026
 * holiday schedule (Spring Festival, National Day and their make-up workdays included).
 */
class ComplaintClockProperties {

	private final WorkingDaySchedule calendar = Holidays2026.schedule();

	private final ComplaintClock clock = new ComplaintClock(calendar);

	@Provide
	Arbitrary<LocalDate> days2026() {
		return Arbitraries.integers().between(0, 300).map(n -> LocalDate.of(2026, 1, 1).plusDays(n));
	}

	@Provide
	Arbitrary<ComplaintRegime> regimes() {
		return Arbitraries.of(ComplaintRegime.class);
	}

	/** Working days after {@code start} up to and including {@code last} that no pause covers. */
	private int counted(LocalDate start, LocalDate last, List<Pause> pauses) {
		int n = 0;
		for (LocalDate d = start.plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
			LocalDate day = d;
			if (calendar.isWorkingDay(day) && pauses.stream().noneMatch(p -> p.covers(day))) {
				n++;
			}
		}
		return n;
	}

	private static List<Pause> pauses(LocalDate start, List<Integer> offsets) {
		List<Pause> pauses = new ArrayList<>();
		LocalDate from = start;
		for (int i = 0; i + 1 < offsets.size(); i += 2) {
			from = from.plusDays(offsets.get(i));
			LocalDate until = from.plusDays(offsets.get(i + 1));
			pauses.add(new Pause(from, until));
			from = until.plusDays(1);
		}
		return pauses;
	}

	@Property
	void the_ruling_falls_on_the_thirtieth_counted_working_day(@ForAll("days2026") LocalDate start,
			@ForAll List<@IntRange(min = 0, max = 20) Integer> offsets) {
		List<Pause> pauses = pauses(start, offsets.subList(0, Math.min(offsets.size(), 8)));
		LocalDate due = clock.rulingDue(start, pauses).orElseThrow();
		assertThat(counted(start, due, pauses)).isEqualTo(30);
		assertThat(calendar.isWorkingDay(due)).isTrue();
		assertThat(pauses).noneMatch(p -> p.covers(due));
	}

	@Property
	void without_pauses_the_ruling_is_thirty_working_days_after_the_start(@ForAll("days2026") LocalDate start) {
		assertThat(clock.rulingDue(start, List.of())).contains(calendar.after(start, 30).lastDay());
	}

	@Property
	void a_pause_never_brings_the_ruling_forward_and_adds_exactly_its_working_days(@ForAll("days2026") LocalDate start,
			@ForAll @IntRange(min = 1, max = 40) int after, @ForAll @IntRange(min = 0, max = 30) int length) {
		LocalDate plain = clock.rulingDue(start, List.of()).orElseThrow();
		Pause pause = new Pause(start.plusDays(after), start.plusDays(after + length));
		LocalDate paused = clock.rulingDue(start, List.of(pause)).orElseThrow();
		assertThat(paused).isAfterOrEqualTo(plain);
		// working days inside the pause that fell before the new due date are exactly the extra working days counted
		int inside = 0;
		for (LocalDate d = pause.from(); !d.isAfter(pause.until()) && !d.isAfter(paused); d = d.plusDays(1)) {
			if (calendar.isWorkingDay(d)) {
				inside++;
			}
		}
		assertThat(counted(start, paused, List.of())).isEqualTo(30 + inside);
	}

	@Property
	void an_open_pause_stops_the_clock(@ForAll("days2026") LocalDate start, @ForAll @IntRange(min = 0, max = 40) int after) {
		assertThat(clock.rulingDue(start, List.of(new Pause(start.plusDays(after), null)))).isEmpty();
	}

	@Property
	void the_days_used_reach_thirty_on_the_due_day_and_not_before(@ForAll("days2026") LocalDate start,
			@ForAll @IntRange(min = 0, max = 60) int today) {
		LocalDate due = clock.rulingDue(start, List.of()).orElseThrow();
		LocalDate day = start.plusDays(today);
		int used = clock.rulingDaysUsed(start, List.of(), day);
		assertThat(used).isEqualTo(counted(start, day, List.of()));
		if (!day.isAfter(due)) {
			assertThat(used).isLessThanOrEqualTo(30);
		}
		assertThat(clock.rulingDaysUsed(start, List.of(), due)).isEqualTo(30);
	}

	@Property
	void acceptance_is_due_on_the_third_working_day_or_the_fifth_in_procurement(@ForAll("days2026") LocalDate filed,
			@ForAll("regimes") ComplaintRegime regime) {
		LocalDate due = clock.acceptanceDue(regime, filed);
		assertThat(counted(filed, due, List.of())).isEqualTo(regime == ComplaintRegime.TENDERING ? 3 : 5);
		assertThat(calendar.isWorkingDay(due)).isTrue();
	}

	@Property
	void a_tender_complaint_may_be_filed_for_ten_days_plus_the_objection_wait(@ForAll("days2026") LocalDate known,
			@ForAll @IntRange(min = 0, max = 9) int raisedAfter, @ForAll @IntRange(min = 0, max = 15) int waited) {
		assertThat(clock.lastFilingDay(ComplaintRegime.TENDERING, false, known, null, null, known))
			.isEqualTo(known.plusDays(10));
		LocalDate raised = known.plusDays(raisedAfter);
		LocalDate answered = raised.plusDays(waited);
		LocalDate last = clock.lastFilingDay(ComplaintRegime.TENDERING, true, known, raised, answered, answered);
		assertThat(ChronoUnit.DAYS.between(known, last)).isEqualTo(10 + waited);
	}

	@Property
	void while_the_objection_waits_the_filing_period_does_not_run_out(@ForAll("days2026") LocalDate known,
			@ForAll @IntRange(min = 0, max = 9) int raisedAfter, @ForAll @IntRange(min = 0, max = 60) int today) {
		LocalDate raised = known.plusDays(raisedAfter);
		LocalDate now = raised.plusDays(today);
		assertThat(clock.lastFilingDay(ComplaintRegime.TENDERING, true, known, raised, null, now)).isAfterOrEqualTo(now);
	}

	@Property
	void a_procurement_complaint_has_fifteen_working_days_after_the_seven_day_answer_period(
			@ForAll("days2026") LocalDate raised) {
		LocalDate last = clock.lastFilingDay(ComplaintRegime.PROCUREMENT, true, raised, raised, null, raised);
		assertThat(counted(raised, last, List.of())).isEqualTo(22);
		assertThat(calendar.isWorkingDay(last)).isTrue();
	}

	@Example
	void over_the_national_day_holiday_acceptance_waits_for_working_days() {
		// filed on Wednesday 30 September 2026: 1-7 October are holidays, so the 3 working days are Thursday 8,
		// Friday 9 and Saturday 10 October (a make-up workday)
		assertThat(clock.acceptanceDue(ComplaintRegime.TENDERING, LocalDate.of(2026, 9, 30)))
			.isEqualTo(LocalDate.of(2026, 10, 10));
	}
}
