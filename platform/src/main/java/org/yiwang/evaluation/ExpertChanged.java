package org.yiwang.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;

/** The expert pool's and the draw's past-tense facts; each is appended to the audit log with the change. */
public sealed interface ExpertChanged extends Auditable {

	record ExpertRegistered(Actor actor, UUID expert, String username, List<String> specialties, RegionCode region,
			Instant occurredAt) implements ExpertChanged {

		public String action() {
			return "evaluation.expert.registered";
		}

		public String target() {
			return "expert:" + expert;
		}
	}

	record ExpertUpdated(Actor actor, UUID expert, List<String> specialties, RegionCode region, Instant occurredAt)
			implements ExpertChanged {

		public String action() {
			return "evaluation.expert.updated";
		}

		public String target() {
			return "expert:" + expert;
		}
	}

	record ExpertCertificateBound(Actor actor, UUID expert, String fingerprint, RegionCode region, Instant occurredAt)
			implements ExpertChanged {

		public String action() {
			return "evaluation.expert.certificateBound";
		}

		public String target() {
			return "expert:" + expert;
		}
	}

	record ExpertUnavailable(Actor actor, UUID expert, LocalDate from, LocalDate until, RegionCode region,
			Instant occurredAt) implements ExpertChanged {

		public String action() {
			return "evaluation.expert.unavailable";
		}

		public String target() {
			return "expert:" + expert;
		}
	}

	record ExpertCreditRecorded(Actor actor, UUID expert, ExpertCreditKind kind, Integer rating, LocalDate until,
			RegionCode region, Instant occurredAt) implements ExpertChanged {

		public String action() {
			return "evaluation.expert.credit." + kind.name().toLowerCase();
		}

		public String target() {
			return "expert:" + expert;
		}
	}

	record ExpertSignedIn(Actor actor, UUID expert, String fingerprint, RegionCode region, Instant occurredAt)
			implements ExpertChanged {

		public String action() {
			return "evaluation.expert.signedIn";
		}

		public String target() {
			return "expert:" + expert;
		}
	}

	/** The commitment of a draw is recorded: the hashes of the seed and of the eligible pool, nothing else. */
	record DrawCommitted(Actor actor, UUID draw, String section, int round, String seedSha256, String poolSha256,
			RegionCode region, Instant occurredAt) implements ExpertChanged {

		public String action() {
			return "evaluation.draw.committed";
		}

		public String target() {
			return "draw:" + draw;
		}
	}

	/** Experts were picked (the first seats, or a redraw); the log records how many, not who. */
	record DrawPicked(Actor actor, UUID draw, int picks, RegionCode region, Instant occurredAt) implements ExpertChanged {

		public String action() {
			return "evaluation.draw.picked";
		}

		public String target() {
			return "draw:" + draw;
		}
	}

	record DrawAnswered(Actor actor, UUID draw, int pick, DrawOutcome outcome, RegionCode region, Instant occurredAt)
			implements ExpertChanged {

		public String action() {
			return "evaluation.draw.answered";
		}

		public String target() {
			return "draw:" + draw + "/pick:" + pick;
		}
	}

	record DrawRevealed(Actor actor, UUID draw, RegionCode region, Instant occurredAt) implements ExpertChanged {

		public String action() {
			return "evaluation.draw.revealed";
		}

		public String target() {
			return "draw:" + draw;
		}
	}

	record DrawAvoidanceAdded(Actor actor, String section, UUID avoidance, RegionCode region, Instant occurredAt)
			implements ExpertChanged {

		public String action() {
			return "evaluation.draw.avoidanceAdded";
		}

		public String target() {
			return "section:" + section;
		}
	}

	/** A state change was refused; nothing of it was recorded. */
	record ChangeRefused(Actor actor, String attempted, String target, String reason, RegionCode region,
			Instant occurredAt) implements ExpertChanged {

		public String action() {
			return "evaluation." + attempted + ".refused";
		}
	}
}
