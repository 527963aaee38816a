package org.yiwang.tendering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/**
 * The facts of a section's award and contract besides the {@link NoticePublished} records; each is appended to the
 * audit log, and the supervision module (later) learns of objections and complaints from them.
 */
public sealed interface AwardChanged extends Auditable {

	/** The evaluation result is publicized (or, with no candidate, the section failed) for the report. */
	record CandidatesPublicized(Actor actor, SectionId section, int round, UUID reportId, int candidates,
			Instant publicityEnds, RegionCode region, Instant occurredAt) implements AwardChanged {

		public String action() {
			return candidates == 0 ? "tendering.award.failed" : "tendering.award.publicized";
		}

		public String target() {
			return "section:" + section;
		}
	}

	/** An objection to the tenderer (异议) or a complaint to the regulator (投诉) was recorded. */
	record ChallengeRaised(Actor actor, SectionId section, UUID challenge, String kind, EntityId party,
			Instant answerDue, RegionCode region, Instant occurredAt) implements AwardChanged {

		public String action() {
			return "tendering.award." + kind.toLowerCase() + ".raised";
		}

		public String target() {
			return "challenge:" + challenge;
		}
	}

	record ObjectionAnswered(Actor actor, SectionId section, UUID challenge, boolean late, RegionCode region,
			Instant occurredAt) implements AwardChanged {

		public String action() {
			return "tendering.award.objection.answered";
		}

		public String target() {
			return "challenge:" + challenge;
		}
	}

	/**
	 * The tenderer confirmed the winner and the platform signed the award notice. The bid securities of everyone but
	 * the winner are released on this (asynchronously, through the guarantee module).
	 *
	 * @param reason why another than the first candidate was chosen (实施条例 Art. 55); null for rank 1
	 */
	record WinnerConfirmed(Actor actor, SectionId section, int round, TradeCode tradeCode, EntityId winner, int rank,
			Money price, String reason, String pdfSha256, boolean securityRequired, RegionCode region,
			Instant occurredAt) implements AwardChanged {

		public String action() {
			return "tendering.award.confirmed";
		}

		public String target() {
			return "section:" + section;
		}
	}

	record ContractUploaded(Actor actor, SectionId section, String sha256, String sm3, long size, RegionCode region,
			Instant occurredAt) implements AwardChanged {

		public String action() {
			return "tendering.contract.uploaded";
		}

		public String target() {
			return "section:" + section;
		}
	}

	/** One party's signature over the contract's exact bytes was verified and kept. */
	record ContractSigned(Actor actor, SectionId section, String party, EntityId entity, String signerFingerprint,
			String sha256, RegionCode region, Instant occurredAt) implements AwardChanged {

		public String action() {
			return "tendering.contract.signed";
		}

		public String target() {
			return "section:" + section;
		}
	}

	/**
	 * Both parties signed: the contract is concluded (on {@code signedOn}, Beijing date), published, and the winner's
	 * security is released.
	 *
	 * @param late more than 30 days after the award notice (招标投标法 Art. 46)
	 */
	record ContractConcluded(Actor actor, SectionId section, TradeCode tradeCode, EntityId winner, Money amount,
			LocalDate signedOn, boolean late, boolean securityRequired, RegionCode region, Instant occurredAt)
			implements AwardChanged {

		public String action() {
			return "tendering.contract.concluded";
		}

		public String target() {
			return "section:" + section;
		}
	}
}
