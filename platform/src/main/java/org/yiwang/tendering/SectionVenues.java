package org.yiwang.tendering;

import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yiwang.system.Refusal;
import org.yiwang.venue.BookingView;
import org.yiwang.venue.TenderBookings;
import org.yiwang.venue.Venues;

/**
 * A published section's rooms: its district's opening hall at the bid deadline and an evaluation room for the
 * committee's day, booked in the publishing transaction (venue module). When no room can be had the venue's refusal
 * stops the publication, so staff see the problem before anything is published; a deadline that moves (amendment,
 * objection answered, procedure resumed) moves the bookings in the same way. Synchronous on purpose: after the
 * commit would be too late to refuse.
 */
@Component
public class SectionVenues {

	private final Venues venues;

	private final Sections sections;

	SectionVenues(Venues venues, Sections sections) {
		this.venues = venues;
		this.sections = sections;
	}

	/**
	 * What publishing the section now would book, or the problem that would stop it (a message key and its two
	 * arguments), for the staff's publish form: the problem shows before anyone presses publish.
	 */
	public record Check(Optional<BookingView> opening, Optional<BookingView> evaluation, String problem,
			Object[] arguments) {

		public boolean online() {
			return problem == null && opening.isEmpty() && evaluation.isEmpty();
		}
	}

	public Check check(SectionView section) {
		if (section.bidDeadline() == null) {
			return new Check(Optional.empty(), Optional.empty(), null, new Object[0]);
		}
		try {
			TenderBookings bookings = venues.checkTender(section.tradeCode().value(), section.region(),
					section.bidDeadline());
			return new Check(bookings.opening(), bookings.evaluation(), null, new Object[0]);
		}
		catch (Refusal refusal) {
			return new Check(Optional.empty(), Optional.empty(), refusal.messageKey(), refusal.arguments());
		}
	}

	@EventListener
	void on(NoticePublished notice) {
		if (notice.bidDeadline() == null) {
			return;
		}
		String title = notice.projectName() + " " + notice.sectionName();
		if (notice.type() == NoticeType.TENDER) {
			venues.bookTender(notice.tradeCode().value(), notice.region(), title, notice.bidDeadline());
		}
		else if (notice.type() == NoticeType.AMENDMENT || notice.type() == NoticeType.CLARIFICATION) {
			venues.moveTender(notice.tradeCode().value(), notice.region(), title, notice.bidDeadline());
		}
	}

	@EventListener
	void on(TenderingChanged.ObjectionAnswered answered) {
		move(answered.section(), answered.deadline());
	}

	@EventListener
	void on(TenderingChanged.ProcedureResumed resumed) {
		move(resumed.section(), resumed.deadlineAfter());
	}

	private void move(SectionId id, java.time.Instant deadline) {
		if (deadline == null) {
			return;
		}
		sections.byId(id).ifPresent(s -> venues.moveTender(s.tradeCode().value(), s.region(),
				s.projectName() + " " + s.name(), deadline));
	}
}
