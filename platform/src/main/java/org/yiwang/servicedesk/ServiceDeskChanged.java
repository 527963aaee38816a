package org.yiwang.servicedesk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;

/** The service desk's past-tense facts; each is appended to the audit log with the change. */
public sealed interface ServiceDeskChanged extends Auditable {

	record ItemRevised(Actor actor, String item, int timeLimitDays, RegionCode region, Instant occurredAt)
			implements ServiceDeskChanged {

		public String action() {
			return "servicedesk.item.revised";
		}

		public String target() {
			return "service-item:" + item;
		}
	}

	/** Something about one request. */
	sealed interface RequestChanged extends ServiceDeskChanged {

		UUID request();

		default String target() {
			return "service-request:" + request();
		}
	}

	record RequestFiled(Actor actor, UUID request, String number, String item, Channel channel, LocalDate dueOn,
			RegionCode region, Instant occurredAt) implements RequestChanged {

		public String action() {
			return "servicedesk.request.filed";
		}
	}

	record DocumentAdded(Actor actor, UUID request, UUID document, String sha256, RegionCode region, Instant occurredAt)
			implements RequestChanged {

		public String action() {
			return "servicedesk.document.added";
		}
	}

	record RequestAssigned(Actor actor, UUID request, String assignee, RegionCode region, Instant occurredAt)
			implements RequestChanged {

		public String action() {
			return "servicedesk.request.assigned";
		}
	}

	/** Still open on the day before its limit runs out (or later): the district's staff are told. */
	record RequestEscalated(Actor actor, UUID request, LocalDate dueOn, String assignee, RegionCode region,
			Instant occurredAt) implements RequestChanged {

		public String action() {
			return "servicedesk.request.escalated";
		}
	}

	record RequestFinished(Actor actor, UUID request, int workingDays, boolean withinLimit, RegionCode region,
			Instant occurredAt) implements RequestChanged {

		public String action() {
			return "servicedesk.request.finished";
		}
	}

	record ServiceRated(Actor actor, UUID request, SatisfactionLevel level, String staff, RegionCode region,
			Instant occurredAt) implements RequestChanged {

		public String action() {
			return level.bad() ? "servicedesk.rating.bad" : "servicedesk.rating.given";
		}
	}

	record RectificationReplied(Actor actor, UUID request, RegionCode region, Instant occurredAt) implements RequestChanged {

		public String action() {
			return "servicedesk.rectification.replied";
		}
	}

	record RectificationRevisited(Actor actor, UUID request, RevisitOutcome outcome, RegionCode region,
			Instant occurredAt) implements RequestChanged {

		public String action() {
			return "servicedesk.rectification.revisited";
		}
	}
}
