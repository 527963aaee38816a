package org.yiwang.guarantee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/** The guarantee module's past-tense facts; each is appended to the audit log with the change. */
public sealed interface GuaranteeChanged extends Auditable {

	record RequirementSet(Actor actor, UUID requirement, TradeCode tradeCode, EntityId beneficiary, Money amount,
			LocalDate bidValidityEnd, RegionCode region, Instant occurredAt) implements GuaranteeChanged {

		public String action() {
			return "guarantee.requirement.set";
		}

		public String target() {
			return "trade:" + tradeCode;
		}
	}

	record IssuerRegistered(Actor actor, EntityId issuer, String clientUsername, RegionCode region, Instant occurredAt)
			implements GuaranteeChanged {

		public String action() {
			return "guarantee.issuer.registered";
		}

		public String target() {
			return "entity:" + issuer;
		}
	}

	record GuaranteeApplied(Actor actor, UUID application, TradeCode tradeCode, EntityId applicant, EntityId issuer,
			Money amount, RegionCode region, Instant occurredAt) implements GuaranteeChanged {

		public String action() {
			return "guarantee.application.submitted";
		}

		public String target() {
			return "application:" + application;
		}
	}

	/** A letter passed every check and counts as bid security. */
	record GuaranteeIssued(Actor actor, UUID guarantee, UUID application, String letterNumber, TradeCode tradeCode,
			EntityId applicant, EntityId issuer, Money amount, LocalDate validUntil, String pdfSha256,
			String signerFingerprint, RegionCode region, Instant occurredAt) implements GuaranteeChanged {

		public String action() {
			return "guarantee.letter.recorded";
		}

		public String target() {
			return "guarantee:" + guarantee;
		}
	}

	/** A posted letter failed a check; nothing of it was recorded. */
	record GuaranteeLetterRefused(Actor actor, UUID application, String letterNumber, String reason, RegionCode region,
			Instant occurredAt) implements GuaranteeChanged {

		public String action() {
			return "guarantee.letter.refused";
		}

		public String target() {
			return "application:" + application;
		}
	}

	record DepositAccountOpened(Actor actor, String accountNumber, TradeCode tradeCode, EntityId bidder, Money required,
			RegionCode region, Instant occurredAt) implements GuaranteeChanged {

		public String action() {
			return "guarantee.deposit.accountOpened";
		}

		public String target() {
			return "deposit:" + accountNumber;
		}
	}

	record BankRegistered(Actor actor, String clientUsername, String name, RegionCode region, Instant occurredAt)
			implements GuaranteeChanged {

		public String action() {
			return "guarantee.bank.registered";
		}

		public String target() {
			return "bank:" + clientUsername;
		}
	}

	/** A bank reported an arrival; the outcome says whether it counts or what is wrong with it. */
	record DepositArrived(Actor actor, UUID arrival, String accountNumber, String bankReference, Money amount,
			DepositOutcome outcome, RegionCode region, Instant occurredAt) implements GuaranteeChanged {

		public String action() {
			return outcome == DepositOutcome.MATCHED ? "guarantee.deposit.matched" : "guarantee.deposit.flagged";
		}

		public String target() {
			return "deposit:" + accountNumber;
		}
	}

	/** A bank's report was refused (a replayed reference, a reused key); nothing of it was recorded. */
	record DepositReportRefused(Actor actor, String accountNumber, String bankReference, String reason, RegionCode region,
			Instant occurredAt) implements GuaranteeChanged {

		public String action() {
			return "guarantee.deposit.refused";
		}

		public String target() {
			return "deposit:" + accountNumber;
		}
	}

	/** A trade's transaction ended; the securities of its unsuccessful bidders are released with this. */
	record TransactionEnded(Actor actor, TradeCode tradeCode, EntityId winner, RegionCode region, Instant occurredAt)
			implements GuaranteeChanged {

		public String action() {
			return "guarantee.transaction.ended";
		}

		public String target() {
			return "trade:" + tradeCode;
		}
	}

	/** The winner signed the contract; its security is released with this. */
	record ContractSigned(Actor actor, TradeCode tradeCode, LocalDate signedOn, RegionCode region, Instant occurredAt)
			implements GuaranteeChanged {

		public String action() {
			return "guarantee.contract.signed";
		}

		public String target() {
			return "trade:" + tradeCode;
		}
	}

	record GuaranteeReleased(Actor actor, UUID release, String letterNumber, TradeCode tradeCode, EntityId issuer,
			ReleaseReason reason, RegionCode region, Instant occurredAt) implements GuaranteeChanged {

		public String action() {
			return "guarantee.letter.released";
		}

		public String target() {
			return "letter:" + letterNumber;
		}
	}

	record ReleaseAcknowledged(Actor actor, UUID release, String letterNumber, RegionCode region, Instant occurredAt)
			implements GuaranteeChanged {

		public String action() {
			return "guarantee.release.acknowledged";
		}

		public String target() {
			return "letter:" + letterNumber;
		}
	}

	record RefundInstructed(Actor actor, UUID refund, String accountNumber, TradeCode tradeCode, Money principal,
			Money interest, LocalDate dueOn, ReleaseReason reason, RegionCode region, Instant occurredAt)
			implements GuaranteeChanged {

		public String action() {
			return "guarantee.refund.instructed";
		}

		public String target() {
			return "deposit:" + accountNumber;
		}
	}

	record RefundExecuted(Actor actor, UUID refund, String accountNumber, String bankReference, Money total,
			RegionCode region, Instant occurredAt) implements GuaranteeChanged {

		public String action() {
			return "guarantee.refund.executed";
		}

		public String target() {
			return "deposit:" + accountNumber;
		}
	}

	/** A release, refund or confirmation was refused (wrong trade, double release, replayed confirmation…). */
	record ReleaseRefused(Actor actor, String target, String reason, RegionCode region, Instant occurredAt)
			implements GuaranteeChanged {

		public String action() {
			return "guarantee.release.refused";
		}
	}

	record ClaimFiled(Actor actor, UUID claim, TradeCode tradeCode, EntityId bidder, SecurityForm form, String reference,
			ClaimGround ground, RegionCode region, Instant occurredAt) implements GuaranteeChanged {

		public String action() {
			return "guarantee.claim.filed";
		}

		public String target() {
			return "claim:" + claim;
		}
	}

	record ClaimDecided(Actor actor, UUID claim, TradeCode tradeCode, ClaimStatus outcome, String reason,
			RegionCode region, Instant occurredAt) implements GuaranteeChanged {

		public String action() {
			return "guarantee.claim." + outcome.name().toLowerCase(java.util.Locale.ROOT);
		}

		public String target() {
			return "claim:" + claim;
		}
	}

	record ClaimPaid(Actor actor, UUID claim, String letterNumber, Money paidAmount, RegionCode region, Instant occurredAt)
			implements GuaranteeChanged {

		public String action() {
			return "guarantee.claim.paid";
		}

		public String target() {
			return "claim:" + claim;
		}
	}

	/** A claim, decision or payment was refused; nothing of it was recorded. */
	record ClaimRefused(Actor actor, String target, String reason, RegionCode region, Instant occurredAt)
			implements GuaranteeChanged {

		public String action() {
			return "guarantee.claim.refused";
		}
	}
}
