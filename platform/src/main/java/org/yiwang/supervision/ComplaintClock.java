package org.yiwang.supervision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.yiwang.catalog.WorkingDaySchedule;

/**
 * The statutory clock of a complaint, in days of Beijing time: pure arithmetic over the working calendar, so tests
 * drive it day by day. Calendar days for the tendering law's filing period, working days everywhere else.
 */
final class ComplaintClock {

	static final int TENDERING_FILING_DAYS = 10;

	static final int PROCUREMENT_OBJECTION_WORKING_DAYS = 7;

	static final int PROCUREMENT_ANSWER_WORKING_DAYS = 7;

	static final int PROCUREMENT_FILING_WORKING_DAYS = 15;

	static final int RULING_WORKING_DAYS = 30;

	/** A period that does not count, from its first day to its last (inclusive); an open one has no last day. */
	record Pause(LocalDate from, LocalDate until) {

		boolean covers(LocalDate day) {
			return !day.isBefore(from) && (until == null || !day.isAfter(until));
		}
	}

	private final WorkingDaySchedule calendar;

	ComplaintClock(WorkingDaySchedule calendar) {
		this.calendar = calendar;
	}

	/**
	 * The last day a complaint may be filed. Tendering law: 10 days from the day the complainant knew, and the days an
	 * objection waited for its answer (from the day raised to the day answered, or to {@code today} while unanswered)
	 * are added. Procurement: 15 working days after the 质疑's answer period of 7 working days ends.
	 */
	LocalDate lastFilingDay(ComplaintRegime regime, boolean objectionNeeded, LocalDate knownOn,
			LocalDate objectionRaisedOn, LocalDate objectionAnsweredOn, LocalDate today) {
		if (regime == ComplaintRegime.PROCUREMENT) {
			LocalDate answerDue = calendar.after(objectionRaisedOn, PROCUREMENT_ANSWER_WORKING_DAYS).lastDay();
			return calendar.after(answerDue, PROCUREMENT_FILING_WORKING_DAYS).lastDay();
		}
		long waited = 0;
		if (objectionNeeded && objectionRaisedOn != null) {
			LocalDate answered = objectionAnsweredOn == null ? today : objectionAnsweredOn;
			waited = Math.max(0, ChronoUnit.DAYS.between(objectionRaisedOn, answered));
		}
		return knownOn.plusDays(TENDERING_FILING_DAYS + waited);
	}

	/** The last day a procurement 质疑 may be raised: 7 working days after the supplier knew (政府采购法 Art. 52). */
	LocalDate lastObjectionDay(LocalDate knownOn) {
		return calendar.after(knownOn, PROCUREMENT_OBJECTION_WORKING_DAYS).lastDay();
	}

	/** The last day the regulator decides whether to accept a complaint received on {@code filedOn}. */
	LocalDate acceptanceDue(ComplaintRegime regime, LocalDate filedOn) {
		return calendar.after(filedOn, regime.acceptanceWorkingDays()).lastDay();
	}

	/** The day the ruling's 30 working days start after: acceptance (tendering law) or receipt (procurement). */
	static LocalDate rulingClockStart(ComplaintRegime regime, LocalDate filedOn, LocalDate acceptedOn) {
		return regime == ComplaintRegime.PROCUREMENT ? filedOn : acceptedOn;
	}

	/**
	 * The last day of the ruling period: the 30th working day after {@code start} that no pause covers. Empty while a
	 * pause is open: the clock stands still and the day is not known yet.
	 */
	Optional<LocalDate> rulingDue(LocalDate start, List<Pause> pauses) {
		if (pauses.stream().anyMatch(p -> p.until() == null)) {
			return Optional.empty();
		}
		LocalDate day = start;
		int counted = 0;
		while (counted < RULING_WORKING_DAYS) {
			day = day.plusDays(1);
			LocalDate d = day;
			if (calendar.isWorkingDay(d) && pauses.stream().noneMatch(p -> p.covers(d))) {
				counted++;
			}
		}
		return Optional.of(day);
	}

	/** Working days of the ruling period used up to {@code today} (inclusive), pauses not counted. */
	int rulingDaysUsed(LocalDate start, List<Pause> pauses, LocalDate today) {
		int used = 0;
		for (LocalDate day = start.plusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
			LocalDate d = day;
			if (calendar.isWorkingDay(d) && pauses.stream().noneMatch(p -> p.covers(d))) {
				used++;
			}
		}
		return used;
	}
}
