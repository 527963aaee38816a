package org.yiwang.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;

/** The supervision module's past-tense facts about complaints and regulators' acts; each is appended to the audit log. */
public sealed interface SupervisionChanged extends Auditable {

	record ComplaintFiled(Actor actor, UUID complaint, UUID section, String department, LocalDate acceptanceDue,
			RegionCode region, Instant occurredAt) implements SupervisionChanged {

		public String action() {
			return "supervision.complaint.filed";
		}

		public String target() {
			return "complaint:" + complaint;
		}
	}

	record ComplaintAccepted(Actor actor, UUID complaint, LocalDate acceptedOn, RegionCode region, Instant occurredAt)
			implements SupervisionChanged {

		public String action() {
			return "supervision.complaint.accepted";
		}

		public String target() {
			return "complaint:" + complaint;
		}
	}

	record ComplaintNotAccepted(Actor actor, UUID complaint, UUID act, RegionCode region, Instant occurredAt)
			implements SupervisionChanged {

		public String action() {
			return "supervision.complaint.notAccepted";
		}

		public String target() {
			return "complaint:" + complaint;
		}
	}

	/** A period that does not count towards the ruling began ({@code started}) or ended. */
	record ComplaintClockChanged(Actor actor, UUID complaint, PauseKind kind, boolean started, LocalDate on,
			RegionCode region, Instant occurredAt) implements SupervisionChanged {

		public String action() {
			return started ? "supervision.complaint.paused" : "supervision.complaint.resumed";
		}

		public String target() {
			return "complaint:" + complaint;
		}
	}

	record ComplaintRuled(Actor actor, UUID complaint, UUID section, RulingOutcome outcome, UUID act, RegionCode region,
			Instant occurredAt) implements SupervisionChanged {

		public String action() {
			return "supervision.complaint.ruled";
		}

		public String target() {
			return "complaint:" + complaint;
		}
	}

	/** A regulator fixed the text of an act; it takes effect only once signed. */
	record ActPrepared(Actor actor, UUID act, ActKind kind, String actTarget, RegionCode region, Instant occurredAt)
			implements SupervisionChanged {

		public String action() {
			return "supervision.act.prepared";
		}

		public String target() {
			return "act:" + act;
		}
	}

	/**
	 * A regulator signed an act and it took effect: a suspension, an order, a ruling, a penalty. Other modules may
	 * follow orders addressed to them ({@code actTarget} names the section, entity or expert).
	 */
	record ActSigned(Actor actor, UUID act, ActKind kind, String actTarget, String signerFingerprint, boolean published,
			RegionCode region, Instant occurredAt) implements SupervisionChanged {

		public String action() {
			return "supervision.act.signed";
		}

		public String target() {
			return "act:" + act;
		}
	}
}
