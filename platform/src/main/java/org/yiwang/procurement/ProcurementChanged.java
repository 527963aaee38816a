package org.yiwang.procurement;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;

/** The case's other state changes, for the audit log: none carries a sealed amount. */
public sealed interface ProcurementChanged extends Auditable {

	UUID procurement();

	@Override
	default String target() {
		return "procurement:" + procurement();
	}

	record Registered(Actor actor, UUID procurement, String method, RegionCode region, Instant occurredAt)
			implements ProcurementChanged {
		@Override
		public String action() {
			return "procurement.case.registered";
		}
	}

	record Responded(Actor actor, UUID procurement, String supplier, String offerSha256, RegionCode region,
			Instant occurredAt) implements ProcurementChanged {
		@Override
		public String action() {
			return "procurement.response.sealed";
		}
	}

	record ResponsesOpened(Actor actor, UUID procurement, int responses, RegionCode region, Instant occurredAt)
			implements ProcurementChanged {
		@Override
		public String action() {
			return "procurement.responses.opened";
		}
	}

	record TeamRequested(Actor actor, UUID procurement, UUID draw, int representatives, int experts, RegionCode region,
			Instant occurredAt) implements ProcurementChanged {
		@Override
		public String action() {
			return "procurement.team.requested";
		}
	}

	record RoundHeld(Actor actor, UUID procurement, int round, int suppliers, RegionCode region, Instant occurredAt)
			implements ProcurementChanged {
		@Override
		public String action() {
			return "procurement.round.held";
		}
	}

	record FinalOffersCalled(Actor actor, UUID procurement, Instant deadline, RegionCode region, Instant occurredAt)
			implements ProcurementChanged {
		@Override
		public String action() {
			return "procurement.finalOffers.called";
		}
	}

	record FinalOfferSealed(Actor actor, UUID procurement, String supplier, String offerSha256, RegionCode region,
			Instant occurredAt) implements ProcurementChanged {
		@Override
		public String action() {
			return "procurement.finalOffer.sealed";
		}
	}

	record ObjectionRaised(Actor actor, UUID procurement, UUID objection, RegionCode region, Instant occurredAt)
			implements ProcurementChanged {
		@Override
		public String action() {
			return "procurement.objection.raised";
		}
	}

	record ObjectionAnswered(Actor actor, UUID procurement, UUID objection, boolean upheld, RegionCode region,
			Instant occurredAt) implements ProcurementChanged {
		@Override
		public String action() {
			return "procurement.objection.answered";
		}
	}

	record FrameworkRegistered(Actor actor, UUID procurement, RegionCode region, Instant occurredAt)
			implements ProcurementChanged {
		@Override
		public String action() {
			return "procurement.framework.registered";
		}
	}

	record FrameworkResponded(Actor actor, UUID procurement, String supplier, String offerSha256, RegionCode region,
			Instant occurredAt) implements ProcurementChanged {
		@Override
		public String action() {
			return "procurement.framework.responseSealed";
		}
	}

	/** {@code procurement} is the framework; the order is named in the action's target by its own event once placed. */
	record FrameworkOfferSealed(Actor actor, UUID procurement, UUID order, String supplier, String offerSha256,
			RegionCode region, Instant occurredAt) implements ProcurementChanged {
		@Override
		public String action() {
			return "procurement.framework.offerSealed";
		}
	}
}
