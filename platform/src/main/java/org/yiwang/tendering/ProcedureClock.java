package org.yiwang.tendering;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.yiwang.catalog.WorkingDaySchedule;
import org.yiwang.system.Refusal;

/**
 * The clock of one published section: when documents are issued, until when, the bid deadline, and whether the
 * procedure is paused by objections waiting for an answer. Pure state and rules; every decision takes the platform
 * clock's {@code now} from the caller, so tests drive it to the microsecond.
 *
 * <p>The rules: the deadline is at least {@code bidPeriodDays} after documents are first issued and documents stay
 * available at least {@code documentDays} (招标投标法 Art. 24, 实施条例 Art. 16); a clarification that may affect bids,
 * made less than {@code amendmentNoticeDays} before the deadline, moves the deadline to that many days after it and
 * never earlier (实施条例 Art. 21); objections are accepted until {@code objectionDeadlineDays} before the deadline and
 * pause the procedure until answered (Art. 22). When the last open objection is answered the deadline moves on by
 * the time the procedure stood still, so bidders lose none of their time. A bid is accepted only while not paused and
 * strictly before the deadline (招标投标法 Art. 28).
 */
final class ProcedureClock {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** A broken rule: the form field it concerns, the message key and its arguments. */
	record Violation(String field, String messageKey, Object... arguments) {
	}

	private final ProcedureRules rules;

	private final Instant documentsFrom;

	private final Instant documentsUntil;

	private Instant deadline;

	private Instant pausedSince;

	private int openObjections;

	ProcedureClock(ProcedureRules rules, Instant documentsFrom, Instant documentsUntil, Instant deadline,
			Instant pausedSince, int openObjections) {
		this.rules = rules;
		this.documentsFrom = documentsFrom;
		this.documentsUntil = documentsUntil;
		this.deadline = deadline;
		this.pausedSince = pausedSince;
		this.openObjections = openObjections;
	}

	/** The dates a notice proposes, against the rules; empty when they hold. */
	static List<Violation> check(ProcedureRules rules, Instant documentsFrom, Instant documentsUntil, Instant deadline,
			WorkingDaySchedule calendar) {
		List<Violation> violations = new ArrayList<>();
		if (documentsFrom == null || documentsUntil == null || deadline == null) {
			violations.add(new Violation(documentsFrom == null ? "documentsFrom"
					: documentsUntil == null ? "documentsUntil" : "bidDeadline", "tendering.notice.datesRequired"));
			return violations;
		}
		if (!documentsUntil.isAfter(documentsFrom)) {
			violations.add(new Violation("documentsUntil", "tendering.notice.documentsOrder"));
		}
		else if (documentsUntil.isBefore(earliestDocumentsUntil(rules, documentsFrom, calendar))) {
			violations.add(new Violation("documentsUntil", rules.documentWorkingDays()
					? "tendering.rule.documentWorkingDays" : "tendering.rule.documentDays", rules.documentDays()));
		}
		if (documentsUntil.isAfter(deadline)) {
			violations.add(new Violation("documentsUntil", "tendering.notice.documentsAfterDeadline"));
		}
		if (deadline.isBefore(earliestDeadline(rules, documentsFrom))) {
			violations.add(new Violation("bidDeadline", "tendering.rule.bidPeriod", rules.bidPeriodDays()));
		}
		return violations;
	}

	static Instant earliestDeadline(ProcedureRules rules, Instant documentsFrom) {
		return documentsFrom.plus(Duration.ofDays(rules.bidPeriodDays()));
	}

	/**
	 * When documents may stop being available at the earliest: calendar days after {@code documentsFrom}, or working
	 * days by the working calendar (holidays and make-up workdays), at the same time of day.
	 */
	static Instant earliestDocumentsUntil(ProcedureRules rules, Instant documentsFrom, WorkingDaySchedule calendar) {
		if (!rules.documentWorkingDays()) {
			return documentsFrom.plus(Duration.ofDays(rules.documentDays()));
		}
		ZonedDateTime from = documentsFrom.atZone(CHINA);
		return from.with(calendar.after(from.toLocalDate(), rules.documentDays()).lastDay()).toInstant();
	}

	/**
	 * The years a working-day documents period from {@code documentsFrom} runs through whose holidays the calendar
	 * does not know yet: there it skipped weekends only, and the period may end on a holiday. Empty for calendar days.
	 */
	static List<Integer> unscheduledYears(ProcedureRules rules, Instant documentsFrom, WorkingDaySchedule calendar) {
		if (!rules.documentWorkingDays() || documentsFrom == null) {
			return List.of();
		}
		return calendar.after(documentsFrom.atZone(CHINA).toLocalDate(), rules.documentDays()).unscheduledYears();
	}

	Instant deadline() {
		return deadline;
	}

	Instant pausedSince() {
		return pausedSince;
	}

	boolean paused() {
		return pausedSince != null;
	}

	int openObjections() {
		return openObjections;
	}

	/** Whether a bid arriving now is accepted: not paused, and strictly before the deadline. */
	boolean acceptsBid(Instant now) {
		return pausedSince == null && now.isBefore(deadline);
	}

	/** Whether documents may be obtained now. */
	boolean documentsAvailable(Instant now) {
		return !now.isBefore(documentsFrom) && now.isBefore(documentsUntil);
	}

	/** The last moment an objection to the documents is accepted. */
	Instant objectionsUntil() {
		return deadline.minus(Duration.ofDays(rules.objectionDeadlineDays()));
	}

	/**
	 * A clarification or amendment issued now. One that may affect bids, less than the notice period before the
	 * deadline, moves the deadline to now plus the notice period; the deadline never moves earlier. Returns the
	 * deadline after it.
	 */
	Instant clarify(Instant now, boolean affectsBids) {
		if (!now.isBefore(deadline)) {
			throw Refusal.conflict(null, "tendering.clarification.afterDeadline");
		}
		if (affectsBids) {
			Instant earliest = now.plus(Duration.ofDays(rules.amendmentNoticeDays()));
			if (earliest.isAfter(deadline)) {
				deadline = earliest;
			}
		}
		return deadline;
	}

	/** An objection raised now: accepted until the objection deadline; pauses the procedure. Returns when it is due. */
	Instant raiseObjection(Instant now) {
		if (now.isAfter(objectionsUntil())) {
			throw Refusal.conflict("text", "tendering.objection.tooLate", rules.objectionDeadlineDays());
		}
		openObjections++;
		if (pausedSince == null) {
			pausedSince = now;
		}
		return now.plus(Duration.ofDays(rules.objectionAnswerDays()));
	}

	/**
	 * A regulator suspends the procedure now (实施条例 Art. 62): it stands still like while an objection waits, with no
	 * time limit, until {@link #resume}. The caller counts an active suspension as one open hold.
	 */
	void suspend(Instant now) {
		openObjections++;
		if (pausedSince == null) {
			pausedSince = now;
		}
	}

	/**
	 * The regulator lifts its suspension now. When no objection stays open either, the procedure resumes and the
	 * deadline moves on by the time it stood still. Returns the deadline after it.
	 */
	Instant resume(Instant now) {
		return answerObjection(now);
	}

	/**
	 * An objection answered now. When none stays open the procedure resumes and the deadline moves on by the time it
	 * stood still. Returns the deadline after it.
	 */
	Instant answerObjection(Instant now) {
		if (openObjections <= 0) {
			throw new IllegalStateException("No open objection to answer");
		}
		openObjections--;
		if (openObjections == 0 && pausedSince != null) {
			Duration stood = Duration.between(pausedSince, now);
			if (!stood.isNegative()) {
				deadline = deadline.plus(stood);
			}
			pausedSince = null;
		}
		return deadline;
	}
}
