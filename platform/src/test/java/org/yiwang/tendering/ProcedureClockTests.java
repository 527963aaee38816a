package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yiwang.catalog.Holidays2026;
import org.yiwang.catalog.WorkingDaySchedule;
import org.yiwang.kernel.Money;
import org.yiwang.system.Refusal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The procedure's clock as a state machine driven by the platform clock: random sequences of time passing, bid
 * attempts, clarifications and objections never let a bid in at or after the deadline or while paused, never move the
 * deadline earlier, and a pause always ends with the deadline moved on by the time the procedure stood still.
 */
class ProcedureClockTests {

	private static final WorkingDaySchedule NO_HOLIDAYS = WorkingDaySchedule.withoutHolidays();

	static final ProcedureRules WORKS = new ProcedureRules(20, 5, false, 15, 10, 3, new BigDecimal("2.00"));

	static final ProcedureRules PROCUREMENT = new ProcedureRules(20, 5, true, 15, 10, 3, new BigDecimal("2.00"));

	static final Instant ISSUED = LocalDateTime.of(2026, 12, 1, 9, 0).toInstant(ZoneOffset.ofHours(8));

	static final Instant DEADLINE = ISSUED.plus(Duration.ofDays(25));

	static ProcedureClock published() {
		return new ProcedureClock(WORKS, ISSUED, ISSUED.plus(Duration.ofDays(7)), DEADLINE, null, 0);
	}

	// ---- the deadline to the millisecond, with the application's own kind of clock ----------------------------

	@Test
	void a_bid_one_millisecond_before_the_deadline_is_accepted_at_the_deadline_and_after_it_is_refused() {
		ProcedureClock procedure = published();
		Clock before = Clock.tick(Clock.fixed(DEADLINE.minusMillis(1), ZoneOffset.UTC), Duration.ofNanos(1_000));
		Clock at = Clock.tick(Clock.fixed(DEADLINE, ZoneOffset.UTC), Duration.ofNanos(1_000));
		Clock after = Clock.tick(Clock.fixed(DEADLINE.plusMillis(1), ZoneOffset.UTC), Duration.ofNanos(1_000));
		assertThat(procedure.acceptsBid(before.instant())).isTrue();
		assertThat(procedure.acceptsBid(at.instant())).isFalse();
		assertThat(procedure.acceptsBid(after.instant())).isFalse();
		assertThat(procedure.acceptsBid(DEADLINE.minusNanos(1_000))).as("one microsecond before").isTrue();
	}

	@Test
	void rejectsBidWhilePausedByAnObjectionEvenLongBeforeTheDeadline() {
		ProcedureClock procedure = published();
		Instant now = ISSUED.plus(Duration.ofDays(2));
		procedure.raiseObjection(now);
		assertThat(procedure.acceptsBid(now.plusSeconds(1))).isFalse();
		procedure.answerObjection(now.plus(Duration.ofDays(1)));
		assertThat(procedure.acceptsBid(now.plus(Duration.ofDays(1)).plusSeconds(1))).isTrue();
		assertThat(procedure.deadline()).isEqualTo(DEADLINE.plus(Duration.ofDays(1)));
	}

	// ---- the notice's dates --------------------------------------------------------------------------------------

	@Test
	void twenty_days_from_documents_to_deadline_pass_and_one_microsecond_less_is_refused() {
		Instant until = ISSUED.plus(Duration.ofDays(5));
		assertThat(ProcedureClock.check(WORKS, ISSUED, until, ISSUED.plus(Duration.ofDays(20)), NO_HOLIDAYS)).isEmpty();
		assertThat(ProcedureClock.check(WORKS, ISSUED, until, ISSUED.plus(Duration.ofDays(20)).minusNanos(1_000), NO_HOLIDAYS))
			.extracting(ProcedureClock.Violation::messageKey).containsExactly("tendering.rule.bidPeriod");
	}

	@Test
	void documents_must_be_available_five_days_and_not_beyond_the_deadline() {
		assertThat(ProcedureClock.check(WORKS, ISSUED, ISSUED.plus(Duration.ofDays(5)).minusSeconds(1), DEADLINE, NO_HOLIDAYS))
			.extracting(ProcedureClock.Violation::messageKey).containsExactly("tendering.rule.documentDays");
		assertThat(ProcedureClock.check(WORKS, ISSUED, DEADLINE.plusSeconds(1), DEADLINE, NO_HOLIDAYS))
			.extracting(ProcedureClock.Violation::messageKey).containsExactly("tendering.notice.documentsAfterDeadline");
		assertThat(ProcedureClock.check(WORKS, ISSUED, ISSUED, DEADLINE, NO_HOLIDAYS))
			.extracting(ProcedureClock.Violation::messageKey).containsExactly("tendering.notice.documentsOrder");
		assertThat(ProcedureClock.check(WORKS, null, ISSUED, DEADLINE, NO_HOLIDAYS))
			.extracting(ProcedureClock.Violation::messageKey).containsExactly("tendering.notice.datesRequired");
	}

	@Test
	void government_procurement_counts_the_documents_period_in_working_days() {
		Instant friday = LocalDateTime.of(2026, 12, 4, 9, 0).toInstant(ZoneOffset.ofHours(8));
		Instant nextFriday = friday.plus(Duration.ofDays(7));
		assertThat(ProcedureClock.earliestDocumentsUntil(PROCUREMENT, friday, NO_HOLIDAYS)).isEqualTo(nextFriday);
		assertThat(ProcedureClock.check(PROCUREMENT, friday, friday.plus(Duration.ofDays(5)), friday.plus(Duration.ofDays(25)), NO_HOLIDAYS))
			.extracting(ProcedureClock.Violation::messageKey).containsExactly("tendering.rule.documentWorkingDays");
		assertThat(ProcedureClock.check(PROCUREMENT, friday, nextFriday, friday.plus(Duration.ofDays(25)), NO_HOLIDAYS)).isEmpty();
		assertThat(ProcedureClock.check(WORKS, friday, friday.plus(Duration.ofDays(5)), friday.plus(Duration.ofDays(25)), NO_HOLIDAYS))
			.isEmpty();
	}

	@Test
	void the_working_documents_period_skips_the_national_day_holidays_and_counts_the_make_up_saturday() {
		// 2026: 10月1日–7日 off, 10月10日 (Saturday) worked. From Wednesday 30 September: 8, 9, 10, 12, 13 October.
		Instant wednesday = LocalDateTime.of(2026, 9, 30, 9, 0).toInstant(ZoneOffset.ofHours(8));
		Instant tuesday = LocalDateTime.of(2026, 10, 13, 9, 0).toInstant(ZoneOffset.ofHours(8));
		assertThat(ProcedureClock.earliestDocumentsUntil(PROCUREMENT, wednesday, Holidays2026.schedule())).isEqualTo(tuesday);
		assertThat(ProcedureClock.check(PROCUREMENT, wednesday, tuesday.minusSeconds(1), wednesday.plus(Duration.ofDays(25)),
				Holidays2026.schedule()))
			.extracting(ProcedureClock.Violation::messageKey).containsExactly("tendering.rule.documentWorkingDays");
		// Weekends only would have said 7 October, in the middle of the holiday.
		assertThat(ProcedureClock.earliestDocumentsUntil(PROCUREMENT, wednesday, NO_HOLIDAYS))
			.isEqualTo(LocalDateTime.of(2026, 10, 7, 9, 0).toInstant(ZoneOffset.ofHours(8)));
	}

	@Test
	void a_working_day_period_into_a_year_without_holidays_says_so_and_a_calendar_day_period_never_does() {
		// From Monday 28 December 2026 five working days end in January 2027, whose holidays are not entered.
		Instant monday = LocalDateTime.of(2026, 12, 28, 9, 0).toInstant(ZoneOffset.ofHours(8));
		assertThat(ProcedureClock.unscheduledYears(PROCUREMENT, monday, Holidays2026.schedule())).containsExactly(2027);
		assertThat(ProcedureClock.unscheduledYears(WORKS, monday, Holidays2026.schedule())).isEmpty();
		Instant september = LocalDateTime.of(2026, 9, 30, 9, 0).toInstant(ZoneOffset.ofHours(8));
		assertThat(ProcedureClock.unscheduledYears(PROCUREMENT, september, Holidays2026.schedule())).isEmpty();
		assertThat(ProcedureClock.unscheduledYears(PROCUREMENT, september, NO_HOLIDAYS)).containsExactly(2026);
		assertThat(ProcedureClock.unscheduledYears(PROCUREMENT, null, NO_HOLIDAYS)).isEmpty();
	}

	@Test
	void bid_security_above_two_percent_of_the_estimated_price_is_refused_to_the_fen() {
		Money price = Money.of("1234567.89");
		assertThat(TenderDesk.securityViolation(WORKS, price, Money.of("24691.35"))).isEmpty();
		assertThat(TenderDesk.securityViolation(WORKS, price, Money.of("24691.36")))
			.extracting(ProcedureClock.Violation::messageKey).containsExactly("tendering.rule.securityMax");
	}

	// ---- clarifications and objections ---------------------------------------------------------------------------

	@Test
	void an_amendment_less_than_fifteen_days_before_the_deadline_moves_it_and_a_clarification_does_not() {
		ProcedureClock procedure = published();
		Instant early = DEADLINE.minus(Duration.ofDays(16));
		assertThat(procedure.clarify(early, true)).isEqualTo(DEADLINE);
		Instant late = DEADLINE.minus(Duration.ofDays(3));
		assertThat(procedure.clarify(late, false)).isEqualTo(DEADLINE);
		assertThat(procedure.clarify(late, true)).isEqualTo(late.plus(Duration.ofDays(15)));
		assertThatThrownBy(() -> procedure.clarify(procedure.deadline(), true)).isInstanceOf(Refusal.class)
			.extracting("messageKey").isEqualTo("tendering.clarification.afterDeadline");
	}

	@Test
	void objections_are_accepted_until_ten_days_before_the_deadline() {
		ProcedureClock procedure = published();
		Instant last = DEADLINE.minus(Duration.ofDays(10));
		assertThatThrownBy(() -> procedure.raiseObjection(last.plusNanos(1_000))).isInstanceOf(Refusal.class)
			.extracting("messageKey").isEqualTo("tendering.objection.tooLate");
		assertThat(procedure.paused()).isFalse();
		assertThat(procedure.raiseObjection(last)).isEqualTo(last.plus(Duration.ofDays(3)));
		assertThat(procedure.paused()).isTrue();
	}

	// ---- properties ---------------------------------------------------------------------------------------------

	sealed interface Step {
	}

	record Wait(long millis) implements Step {
	}

	record BidAttempt() implements Step {
	}

	record Clarify(boolean affectsBids) implements Step {
	}

	record Objection() implements Step {
	}

	record Answer() implements Step {
	}

	@Provide
	Arbitrary<List<Step>> steps() {
		Arbitrary<Step> wait = Arbitraries.oneOf(Arbitraries.longs().between(0, 3_000),
				Arbitraries.longs().between(0, Duration.ofDays(6).toMillis()))
			.map(Wait::new);
		Arbitrary<Step> step = Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(5, wait), net.jqwik.api.Tuple.of(4, Arbitraries.just(new BidAttempt())),
				net.jqwik.api.Tuple.of(2, Arbitraries.of(true, false).map(Clarify::new)),
				net.jqwik.api.Tuple.of(1, Arbitraries.just(new Objection())),
				net.jqwik.api.Tuple.of(2, Arbitraries.just(new Answer())));
		return step.list().ofMinSize(1).ofMaxSize(60);
	}

	@Provide
	Arbitrary<Instant> starts() {
		return Combinators.combine(Arbitraries.longs().between(0, Duration.ofDays(30).toMillis()),
				Arbitraries.integers().between(0, 999)).as((ms, micros) -> ISSUED.plusMillis(ms).plusNanos(micros * 1_000L));
	}

	@Property(tries = 500)
	void no_bid_is_accepted_at_or_after_the_deadline_or_while_paused_and_the_deadline_never_moves_back(
			@ForAll("steps") List<Step> steps, @ForAll("starts") Instant start) {
		ProcedureClock procedure = published();
		Instant now = start;
		Instant deadline = procedure.deadline();
		Instant pausedAt = null;
		List<String> trace = new ArrayList<>();
		for (Step step : steps) {
			trace.add(step.toString());
			if (step instanceof Wait w) {
				now = now.plusMillis(w.millis());
			}
			else if (step instanceof BidAttempt) {
				boolean accepted = procedure.acceptsBid(now);
				if (accepted) {
					assertThat(now).as("accepted at %s, deadline %s: %s", now, procedure.deadline(), trace)
						.isBefore(procedure.deadline());
					assertThat(procedure.paused()).as("accepted while paused: %s", trace).isFalse();
				}
				else {
					assertThat(!now.isBefore(procedure.deadline()) || procedure.paused()).as("refused without reason")
						.isTrue();
				}
			}
			else if (step instanceof Clarify c) {
				try {
					Instant after = procedure.clarify(now, c.affectsBids());
					if (c.affectsBids()) {
						assertThat(after).isAfterOrEqualTo(now.plus(Duration.ofDays(15)));
					}
				}
				catch (Refusal late) {
					assertThat(now).isAfterOrEqualTo(procedure.deadline());
				}
			}
			else if (step instanceof Objection) {
				try {
					procedure.raiseObjection(now);
					if (pausedAt == null) {
						pausedAt = now;
					}
					assertThat(procedure.paused()).isTrue();
				}
				catch (Refusal late) {
					assertThat(now).isAfter(procedure.deadline().minus(Duration.ofDays(10)));
				}
			}
			else if (step instanceof Answer) {
				if (procedure.openObjections() > 0) {
					Instant before = procedure.deadline();
					procedure.answerObjection(now);
					if (procedure.openObjections() == 0) {
						assertThat(procedure.paused()).isFalse();
						assertThat(procedure.deadline()).as("resumed: moved on by the pause")
							.isEqualTo(before.plus(Duration.between(pausedAt, now)));
						pausedAt = null;
					}
					else {
						assertThat(procedure.paused()).isTrue();
					}
				}
			}
			assertThat(procedure.deadline()).as("the deadline moved back: %s", trace).isAfterOrEqualTo(deadline);
			deadline = procedure.deadline();
		}
	}
}
