package org.yiwang.intermediary;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;

/** The marketplace's other past-tense facts; each is appended to the audit log with the change. */
public sealed interface IntermediaryChanged extends Auditable {

	record ProviderJoined(Actor actor, UUID entity, String serviceTypes, RegionCode region, Instant occurredAt)
			implements IntermediaryChanged {

		public String action() {
			return "intermediary.provider.services";
		}

		public String target() {
			return "entity:" + entity;
		}
	}

	record StaffAdded(Actor actor, UUID entity, UUID staff, RegionCode region, Instant occurredAt)
			implements IntermediaryChanged {

		public String action() {
			return "intermediary.staff.added";
		}

		public String target() {
			return "entity:" + entity;
		}
	}

	record ThresholdRevised(Actor actor, String serviceType, String threshold, RegionCode region, Instant occurredAt)
			implements IntermediaryChanged {

		public String action() {
			return "intermediary.serviceType.revised";
		}

		public String target() {
			return "serviceType:" + serviceType;
		}
	}

	/** A fact about one request. */
	record RequestStep(Actor actor, String action, UUID request, String detail, RegionCode region, Instant occurredAt)
			implements IntermediaryChanged {

		public String target() {
			return "request:" + request;
		}
	}
}
