package org.yiwang.catalog;

import java.math.BigDecimal;
import java.time.Instant;

import org.yiwang.kernel.CategoryCode;

/**
 * One immutable version of a category's procedure: the durations and flags the procedure enforces. A transaction
 * records the version it started under and keeps it, whatever later versions say.
 *
 * @param bidPeriodDays least days from documents issued to bid deadline (招标投标法 Art. 24)
 * @param documentAvailabilityDays least days the documents are available (实施条例 Art. 16)
 * @param amendmentNoticeDays a clarification that may affect bids, made closer than this to the deadline, moves it
 *        (实施条例 Art. 21)
 * @param objectionDeadlineDays objections to documents are accepted until this many days before the deadline (Art. 22)
 * @param objectionAnswerDays objections are answered within this many days (Art. 22)
 * @param candidatePublicityDays least days award candidates are publicised (Art. 54)
 * @param decryptionWindowMinutes how long bidders have to decrypt their bids at opening
 * @param listingPeriodDays least listing (挂牌) period, in working days if {@code listingInWorkingDays}
 * @param countdownMinutes the countdown each valid bid restarts in the timed bidding period
 * @param minBids fewer valid bids than this and the transaction fails (招标投标法 Art. 28: 3)
 * @param securityMaxPercent bid security at most this percentage of the estimated price (实施条例 Art. 26: 2)
 * @param backupDecryption at opening, the key custodians may decrypt a bid whose bidder failed to within the window;
 *        when not, such a bid counts as withdrawn
 * @param auctionKind how the listing's auction runs (English unless the template says otherwise)
 * @param dutchStepSeconds Dutch: the price steps down by the listing's decrement every so many seconds
 * @param dutchFloorPercent Dutch: the floor (the listing's reserve) is at least this percentage of the starting price
 * @param sealedWindowMinutes sealed round: how long it takes prices
 */
public record ProcedureTemplate(CategoryCode category, int version, Procedure procedure, Integer bidPeriodDays,
		Integer documentAvailabilityDays, Integer amendmentNoticeDays, Integer objectionDeadlineDays,
		Integer objectionAnswerDays, Integer candidatePublicityDays, Integer decryptionWindowMinutes,
		Integer listingPeriodDays, boolean listingInWorkingDays, Integer countdownMinutes, int minBids,
		boolean prequalification, boolean auction, EvaluationMethod evaluationMethod, BigDecimal securityMaxPercent,
		Instant effectiveFrom, String revisedBy, String reason, boolean backupDecryption, AuctionKind auctionKind,
		Integer dutchStepSeconds, Integer dutchFloorPercent, Integer sealedWindowMinutes) {

	public ProcedureTemplate {
		auctionKind = auctionKind == null ? AuctionKind.ENGLISH : auctionKind;
	}

	/** A template whose auction (if any) is an English one. */
	public ProcedureTemplate(CategoryCode category, int version, Procedure procedure, Integer bidPeriodDays,
			Integer documentAvailabilityDays, Integer amendmentNoticeDays, Integer objectionDeadlineDays,
			Integer objectionAnswerDays, Integer candidatePublicityDays, Integer decryptionWindowMinutes,
			Integer listingPeriodDays, boolean listingInWorkingDays, Integer countdownMinutes, int minBids,
			boolean prequalification, boolean auction, EvaluationMethod evaluationMethod, BigDecimal securityMaxPercent,
			Instant effectiveFrom, String revisedBy, String reason, boolean backupDecryption) {
		this(category, version, procedure, bidPeriodDays, documentAvailabilityDays, amendmentNoticeDays,
				objectionDeadlineDays, objectionAnswerDays, candidatePublicityDays, decryptionWindowMinutes,
				listingPeriodDays, listingInWorkingDays, countdownMinutes, minBids, prequalification, auction,
				evaluationMethod, securityMaxPercent, effectiveFrom, revisedBy, reason, backupDecryption,
				AuctionKind.ENGLISH, null, null, null);
	}

	/** This template with another auction kind and its settings. */
	ProcedureTemplate withAuction(AuctionKind kind, Integer stepSeconds, Integer floorPercent, Integer windowMinutes) {
		return new ProcedureTemplate(category, version, procedure, bidPeriodDays, documentAvailabilityDays,
				amendmentNoticeDays, objectionDeadlineDays, objectionAnswerDays, candidatePublicityDays,
				decryptionWindowMinutes, listingPeriodDays, listingInWorkingDays, countdownMinutes, minBids,
				prequalification, auction, evaluationMethod, securityMaxPercent, effectiveFrom, revisedBy, reason,
				backupDecryption, kind, stepSeconds, floorPercent, windowMinutes);
	}

	/** A template that allows the custodians' backup decryption (the default). */
	public ProcedureTemplate(CategoryCode category, int version, Procedure procedure, Integer bidPeriodDays,
			Integer documentAvailabilityDays, Integer amendmentNoticeDays, Integer objectionDeadlineDays,
			Integer objectionAnswerDays, Integer candidatePublicityDays, Integer decryptionWindowMinutes,
			Integer listingPeriodDays, boolean listingInWorkingDays, Integer countdownMinutes, int minBids,
			boolean prequalification, boolean auction, EvaluationMethod evaluationMethod, BigDecimal securityMaxPercent,
			Instant effectiveFrom, String revisedBy, String reason) {
		this(category, version, procedure, bidPeriodDays, documentAvailabilityDays, amendmentNoticeDays,
				objectionDeadlineDays, objectionAnswerDays, candidatePublicityDays, decryptionWindowMinutes,
				listingPeriodDays, listingInWorkingDays, countdownMinutes, minBids, prequalification, auction,
				evaluationMethod, securityMaxPercent, effectiveFrom, revisedBy, reason, true);
	}

	/** The template a new category of a family starts with: the legal minimums where the law sets them. */
	static ProcedureTemplate initial(CategoryCode category, ProcedureFamily family, Instant now, String revisedBy) {
		return switch (family) {
			case TENDER -> new ProcedureTemplate(category, 1, Procedure.OPEN_TENDER, 20, 5, 15, 10, 3, 3, 30, null, false,
					null, 3, false, false, EvaluationMethod.WEIGHTED_SCORING, new BigDecimal("2.00"), now, revisedBy,
					"initial");
			case PROCUREMENT -> new ProcedureTemplate(category, 1, Procedure.OPEN_TENDER, 20, 5, 15, 10, 3, 1, 30, null,
					false, null, 3, false, false, EvaluationMethod.WEIGHTED_SCORING, new BigDecimal("2.00"), now, revisedBy,
					"initial");
			case LAND -> new ProcedureTemplate(category, 1, Procedure.LISTING, null, null, null, null, null, null, null, 10,
					false, 5, 1, false, true, null, null, now, revisedBy, "initial");
			case PROPERTY -> new ProcedureTemplate(category, 1, Procedure.LISTING, null, null, null, null, null, null, null,
					20, true, 5, 1, false, true, null, null, now, revisedBy, "initial");
			case LISTING, ENVIRONMENT -> new ProcedureTemplate(category, 1, Procedure.LISTING, null, null, null, null, null,
					null, null, 10, false, 5, 1, false, true, null, null, now, revisedBy, "initial");
			case CATALOG -> new ProcedureTemplate(category, 1, Procedure.CATALOG_PURCHASE, null, null, null, null, null,
					null, null, null, false, null, 1, false, false, null, null, now, revisedBy, "initial");
			case INTERMEDIARY -> new ProcedureTemplate(category, 1, Procedure.INTERMEDIARY_SELECTION, null, null, null,
					null, null, 3, null, null, false, null, 1, false, false, null, null, now, revisedBy, "initial");
		};
	}

	ProcedureTemplate next(TemplateRevision revision, Instant now, String revisedBy) {
		return new ProcedureTemplate(category, version + 1, revision.procedure(), revision.bidPeriodDays(),
				revision.documentAvailabilityDays(), revision.amendmentNoticeDays(), revision.objectionDeadlineDays(),
				revision.objectionAnswerDays(), revision.candidatePublicityDays(), revision.decryptionWindowMinutes(),
				revision.listingPeriodDays(), revision.listingInWorkingDays(), revision.countdownMinutes(),
				revision.minBids(), revision.prequalification(), revision.auction(), revision.evaluationMethod(),
				revision.securityMaxPercent(), now, revisedBy, revision.reason().strip(), revision.backupDecryption(),
				revision.auctionKind() == null ? auctionKind : revision.auctionKind(),
				revision.auctionKind() == null ? dutchStepSeconds : dutch(revision, revision.dutchStepSeconds()),
				revision.auctionKind() == null ? dutchFloorPercent : dutch(revision, revision.dutchFloorPercent()),
				revision.auctionKind() == null ? sealedWindowMinutes
						: revision.auctionKind() == AuctionKind.SEALED ? revision.sealedWindowMinutes() : null);
	}

	/** A revision without a kind keeps this template's kind and settings; with one, settings of other kinds are dropped. */
	private static Integer dutch(TemplateRevision revision, Integer setting) {
		return revision.auctionKind() == AuctionKind.DUTCH ? setting : null;
	}
}
