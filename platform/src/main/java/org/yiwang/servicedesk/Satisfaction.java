package org.yiwang.servicedesk;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.yiwang.kernel.Acting;
import org.yiwang.servicedesk.ServiceDeskChanged.RectificationReplied;
import org.yiwang.servicedesk.ServiceDeskChanged.RectificationRevisited;
import org.yiwang.servicedesk.ServiceDeskChanged.ServiceRated;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * 好差评: the user rates a finished request once (five levels, the national reasons, words of their own); a bad rating
 * (不满意 or worse) opens a rectification due {@code yiwang.servicedesk.rectification-working-days} working days later
 * (15 by default), which the region's staff answer with a reply and close with a revisit of the user. The user sees
 * the whole outcome on the request's page.
 */
@Service
public class Satisfaction {

	private final ServiceRecords records;

	private final ServiceDesk desk;

	private final DeskTransactions work;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int rectificationDays;

	Satisfaction(ServiceRecords records, ServiceDesk desk, DeskTransactions work, ApplicationEventPublisher events,
			Clock clock, @Value("${yiwang.servicedesk.rectification-working-days:15}") int rectificationDays) {
		this.records = records;
		this.desk = desk;
		this.work = work;
		this.events = events;
		this.clock = clock;
		this.rectificationDays = rectificationDays;
	}

	/** The requester rates the finished request. */
	public RatingView rate(UUID id, NewRating rating) {
		Acting user = Actors.required();
		SatisfactionLevel level = level(rating.level());
		List<RatingReason> reasons = reasons(rating.reasons(), level);
		String comment = ServiceDesk.text("comment", rating.comment(), 500);
		if (reasons.contains(RatingReason.OTHER) && comment == null) {
			throw Refusal.invalid("comment", "servicedesk.rating.otherNeedsComment");
		}
		return work.platform(() -> {
			ServiceRequestView request = desk.readable(user, id);
			if (request.requester() == null || !request.requester().equals(user.actor().username())) {
				throw Refusal.forbidden("servicedesk.rating.requesterOnly");
			}
			if (request.open()) {
				throw Refusal.conflict("level", "servicedesk.rating.notFinished");
			}
			if (records.rating(id).isPresent()) {
				throw Refusal.conflict("level", "servicedesk.rating.already");
			}
			Instant now = clock.instant();
			records.addRating(id, request.region(), level, reasons, comment, request.finishedBy(),
					user.actor().username(), now);
			if (level.bad()) {
				records.openRectification(id, request.region(), now,
						desk.timer().dueOn(desk.today(), rectificationDays));
			}
			events.publishEvent(new ServiceRated(user.actor(), id, level, request.finishedBy(), request.region(), now));
			return records.rating(id).orElseThrow();
		});
	}

	private static SatisfactionLevel level(String text) {
		try {
			return SatisfactionLevel.valueOf(text == null ? "" : text.strip());
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid("level", "servicedesk.rating.level");
		}
	}

	/** Each reason from the national list and fitting the level; a bad rating needs at least one. */
	private static List<RatingReason> reasons(Set<String> given, SatisfactionLevel level) {
		List<RatingReason> reasons = new ArrayList<>();
		for (String code : given == null ? Set.<String>of() : given) {
			RatingReason reason;
			try {
				reason = RatingReason.valueOf(code.strip());
			}
			catch (IllegalArgumentException e) {
				throw Refusal.invalid("reasons", "servicedesk.rating.reasonUnknown");
			}
			if (!reason.fits(level)) {
				throw Refusal.invalid("reasons", "servicedesk.rating.reasonMismatch");
			}
			if (!reasons.contains(reason)) {
				reasons.add(reason);
			}
		}
		if (level.bad() && reasons.isEmpty()) {
			throw Refusal.invalid("reasons", "servicedesk.rating.badNeedsReason");
		}
		reasons.sort(null);
		return reasons;
	}

	public Optional<RatingView> rating(UUID id) {
		Acting acting = Actors.required();
		return work.as(acting, () -> {
			desk.readable(acting, id);
			return records.rating(id);
		});
	}

	public Optional<RectificationView> rectification(UUID id) {
		Acting acting = Actors.required();
		return work.as(acting, () -> {
			desk.readable(acting, id);
			return records.rectification(id);
		});
	}

	/** The region's staff answer the bad rating: what was put right. */
	public RectificationView reply(UUID id, String reply) {
		Acting staff = ServiceDesk.requireStaff();
		String text = ServiceDesk.name("reply", reply, 2000, "servicedesk.rectification.replyRequired");
		return work.as(staff, () -> {
			ServiceRequestView request = desk.readable(staff, id);
			records.rectification(id).orElseThrow(() -> Refusal.notFound("servicedesk.rectification.none"));
			Instant now = clock.instant();
			if (records.reply(id, text, staff.actor().username(), now) == 0) {
				throw Refusal.conflict("reply", "servicedesk.rectification.notOpen");
			}
			events.publishEvent(new RectificationReplied(staff.actor(), id, request.region(), now));
			return records.rectification(id).orElseThrow();
		});
	}

	/** The region's staff record the revisit of the user (回访): resolved or not, with a note; this closes it. */
	public RectificationView revisit(UUID id, String outcome, String note) {
		Acting staff = ServiceDesk.requireStaff();
		RevisitOutcome revisit;
		try {
			revisit = RevisitOutcome.valueOf(outcome == null ? "" : outcome.strip());
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid("revisit", "servicedesk.rectification.revisitOutcome");
		}
		String said = ServiceDesk.name("revisitNote", note, 1000, "servicedesk.rectification.noteRequired");
		return work.as(staff, () -> {
			ServiceRequestView request = desk.readable(staff, id);
			records.rectification(id).orElseThrow(() -> Refusal.notFound("servicedesk.rectification.none"));
			Instant now = clock.instant();
			if (records.revisit(id, revisit, said, staff.actor().username(), now) == 0) {
				throw Refusal.conflict("revisit", "servicedesk.rectification.notReplied");
			}
			events.publishEvent(new RectificationRevisited(staff.actor(), id, revisit, request.region(), now));
			return records.rectification(id).orElseThrow();
		});
	}
}
