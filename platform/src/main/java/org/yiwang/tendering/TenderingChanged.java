package org.yiwang.tendering;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/** The tendering module's past-tense facts besides {@link NoticePublished}; each is appended to the audit log. */
public sealed interface TenderingChanged extends Auditable {

	record MandateRecorded(Actor actor, UUID mandate, EntityId tenderer, EntityId agency, RegionCode region,
			Instant occurredAt) implements TenderingChanged {

		public String action() {
			return "tendering.mandate.recorded";
		}

		public String target() {
			return "mandate:" + mandate;
		}
	}

	/** A section was registered (or corrected and resubmitted) and waits for its region's staff. */
	record SectionSubmitted(Actor actor, SectionId section, TradeCode tradeCode, EntityId tenderer, int templateVersion,
			RegionCode region, Instant occurredAt) implements TenderingChanged {

		public String action() {
			return "tendering.section.submitted";
		}

		public String target() {
			return "section:" + section;
		}
	}

	/** Staff checked a section or its notice: accepted, or returned with a reason. */
	record SectionChecked(Actor actor, SectionId section, TradeCode tradeCode, String step, boolean accepted,
			String reason, RegionCode region, Instant occurredAt) implements TenderingChanged {

		public String action() {
			return "tendering." + step + (accepted ? ".accepted" : ".returned");
		}

		public String target() {
			return "section:" + section;
		}
	}

	record NoticeSubmitted(Actor actor, SectionId section, TradeCode tradeCode, Instant bidDeadline, RegionCode region,
			Instant occurredAt) implements TenderingChanged {

		public String action() {
			return "tendering.notice.submitted";
		}

		public String target() {
			return "section:" + section;
		}
	}

	record DocumentUploaded(Actor actor, SectionId section, UUID document, String fileName, long size, String sha256,
			String sm3, RegionCode region, Instant occurredAt) implements TenderingChanged {

		public String action() {
			return "tendering.document.uploaded";
		}

		public String target() {
			return "document:" + document;
		}
	}

	/**
	 * The tenderer or its agency signed a tender document's exact bytes with a certificate bound to it. It carries what
	 * anyone needs to check the document once the notice is out (the portal keeps it): hashes, algorithm, the detached
	 * signature (Base64 DER) and the signer certificate (PEM), both public by nature.
	 */
	record DocumentSigned(Actor actor, SectionId section, UUID document, String sha256, String signerFingerprint,
			String signerEntityName, RegionCode region, Instant occurredAt, TradeCode tradeCode, String fileName,
			String sm3, String signatureAlgorithm, String signature, String signerCertificate, String signerSubject)
			implements TenderingChanged {

		public String action() {
			return "tendering.document.signed";
		}

		public String target() {
			return "document:" + document;
		}
	}

	/** A bidder stated its project manager for the section; the ID number only masked here (the audit log is read). */
	record ProjectManagerStated(Actor actor, SectionId section, EntityId bidder, String name, String maskedIdNumber,
			RegionCode region, Instant occurredAt) implements TenderingChanged {

		public String action() {
			return "tendering.interest.projectManager";
		}

		public String target() {
			return "section:" + section;
		}
	}

	record InterestRegistered(Actor actor, SectionId section, EntityId bidder, RegionCode region, Instant occurredAt)
			implements TenderingChanged {

		public String action() {
			return "tendering.interest.registered";
		}

		public String target() {
			return "section:" + section;
		}
	}

	record DocumentDownloaded(Actor actor, SectionId section, UUID document, EntityId bidder, RegionCode region,
			Instant occurredAt) implements TenderingChanged {

		public String action() {
			return "tendering.document.downloaded";
		}

		public String target() {
			return "document:" + document;
		}
	}

	/** A question was asked; the audit log keeps the actor, pages never show who asked. */
	record QuestionAsked(Actor actor, SectionId section, UUID question, RegionCode region, Instant occurredAt)
			implements TenderingChanged {

		public String action() {
			return "tendering.question.asked";
		}

		public String target() {
			return "question:" + question;
		}
	}

	record ClarificationIssued(Actor actor, SectionId section, UUID clarification, boolean affectsBids,
			Instant deadlineBefore, Instant deadlineAfter, int biddersNotified, RegionCode region, Instant occurredAt)
			implements TenderingChanged {

		public String action() {
			return "tendering.clarification.issued";
		}

		public String target() {
			return "section:" + section;
		}
	}

	record ObjectionRaised(Actor actor, SectionId section, UUID objection, EntityId objector, Instant answerDue,
			RegionCode region, Instant occurredAt) implements TenderingChanged {

		public String action() {
			return "tendering.objection.raised";
		}

		public String target() {
			return "objection:" + objection;
		}
	}

	record ObjectionAnswered(Actor actor, SectionId section, UUID objection, boolean resumed, Instant deadline,
			RegionCode region, Instant occurredAt) implements TenderingChanged {

		public String action() {
			return "tendering.objection.answered";
		}

		public String target() {
			return "objection:" + objection;
		}
	}

	/** A sealed bid was stored and receipted: it stands. */
	record BidSealed(Actor actor, SectionId section, UUID bid, TradeCode tradeCode, EntityId bidder, String sha256,
			String sm3, long size, Instant receivedAt, RegionCode region, Instant occurredAt) implements TenderingChanged {

		public String action() {
			return "tendering.bid.sealed";
		}

		public String target() {
			return "bid:" + bid;
		}
	}

	record BidWithdrawn(Actor actor, SectionId section, UUID bid, EntityId bidder, RegionCode region, Instant occurredAt)
			implements TenderingChanged {

		public String action() {
			return "tendering.bid.withdrawn";
		}

		public String target() {
			return "bid:" + bid;
		}
	}

	/** A state change was refused (a late objection, a notice breaking a rule); nothing of it was recorded. */
	record ChangeRefused(Actor actor, String attempted, String targetRecord, String reason, RegionCode region,
			Instant occurredAt) implements TenderingChanged {

		public String action() {
			return "tendering." + attempted + ".refused";
		}

		public String target() {
			return targetRecord;
		}
	}

	/** A regulator suspended a section's procedure; its clock stands still until resumed. */
	record ProcedureSuspended(Actor actor, SectionId section, UUID suspension, UUID decision, RegionCode region,
			Instant occurredAt) implements TenderingChanged {

		public String action() {
			return "tendering.section.suspended";
		}

		public String target() {
			return "section:" + section;
		}
	}

	/**
	 * A regulator's signed re-tender order was carried out: the section's round ended as failed by order, announced by
	 * a signed public record ({@code notice}); every bid security of the trade is released when it asked any.
	 *
	 * @param decision the regulator's signed act
	 * @param statusBefore where the section stood when the order ended it
	 */
	record RetenderOrdered(Actor actor, SectionId section, TradeCode tradeCode, int round, UUID decision, UUID notice,
			String statusBefore, boolean securityRequired, RegionCode region, Instant occurredAt)
			implements TenderingChanged {

		public String action() {
			return "tendering.section.retenderOrdered";
		}

		public String target() {
			return "section:" + section;
		}
	}

	/**
	 * A regulator's re-evaluation order was carried out: the round's candidates' publicity (if any) is withdrawn with a
	 * public record, the section is back to evaluation, and the round is evaluated again as {@code attempt}.
	 */
	record ReevaluationOrdered(Actor actor, SectionId section, TradeCode tradeCode, int round, int attempt,
			UUID decision, UUID notice, String statusBefore, boolean publicityWithdrawn, RegionCode region,
			Instant occurredAt) implements TenderingChanged {

		public String action() {
			return "tendering.section.reevaluationOrdered";
		}

		public String target() {
			return "section:" + section;
		}
	}

	/** A regulator lifted its suspension; the deadline moved on by the time the procedure stood still. */
	record ProcedureResumed(Actor actor, SectionId section, UUID suspension, UUID decision, Instant deadlineBefore,
			Instant deadlineAfter, RegionCode region, Instant occurredAt) implements TenderingChanged {

		public String action() {
			return "tendering.section.resumed";
		}

		public String target() {
			return "section:" + section;
		}
	}
}
