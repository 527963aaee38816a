package org.yiwang.catalog;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An edit of a category's procedure template, made against the version the editor saw ({@code basedOn}). Days and
 * minutes that do not apply to the category's procedure are left empty. The auction kind comes with its settings
 * (Dutch: step seconds and floor percent; sealed: window minutes; English: none, any given are dropped); a revision
 * without a kind keeps the template's.
 */
public record TemplateRevision(
		@NotNull(message = "{template.procedure.required}") Procedure procedure,
		@Min(value = 0, message = "{template.nonNegative}") @Max(value = 365, message = "{template.daysMax}") Integer bidPeriodDays,
		@Min(value = 0, message = "{template.nonNegative}") @Max(value = 365, message = "{template.daysMax}") Integer documentAvailabilityDays,
		@Min(value = 0, message = "{template.nonNegative}") @Max(value = 365, message = "{template.daysMax}") Integer amendmentNoticeDays,
		@Min(value = 0, message = "{template.nonNegative}") @Max(value = 365, message = "{template.daysMax}") Integer objectionDeadlineDays,
		@Min(value = 0, message = "{template.nonNegative}") @Max(value = 365, message = "{template.daysMax}") Integer objectionAnswerDays,
		@Min(value = 0, message = "{template.nonNegative}") @Max(value = 365, message = "{template.daysMax}") Integer candidatePublicityDays,
		@Min(value = 0, message = "{template.nonNegative}") @Max(value = 1440, message = "{template.minutesMax}") Integer decryptionWindowMinutes,
		@Min(value = 0, message = "{template.nonNegative}") @Max(value = 365, message = "{template.daysMax}") Integer listingPeriodDays,
		boolean listingInWorkingDays,
		@Min(value = 0, message = "{template.nonNegative}") @Max(value = 1440, message = "{template.minutesMax}") Integer countdownMinutes,
		@NotNull(message = "{template.minBids.required}") @Min(value = 1, message = "{template.minBids.min}") @Max(value = 100, message = "{template.minBids.max}") Integer minBids,
		boolean prequalification,
		boolean auction,
		EvaluationMethod evaluationMethod,
		@DecimalMin(value = "0", message = "{template.nonNegative}") @DecimalMax(value = "100", message = "{template.percentMax}") BigDecimal securityMaxPercent,
		@NotBlank(message = "{template.reason.required}") @Size(max = 500, message = "{template.reason.size}") String reason,
		@NotNull(message = "{template.basedOn.required}") Integer basedOn,
		boolean backupDecryption,
		AuctionKind auctionKind,
		Integer dutchStepSeconds,
		Integer dutchFloorPercent,
		Integer sealedWindowMinutes) {

	/** A revision that keeps the template's auction kind and its settings ({@code auctionKind} null). */
	public TemplateRevision(Procedure procedure, Integer bidPeriodDays, Integer documentAvailabilityDays,
			Integer amendmentNoticeDays, Integer objectionDeadlineDays, Integer objectionAnswerDays,
			Integer candidatePublicityDays, Integer decryptionWindowMinutes, Integer listingPeriodDays,
			boolean listingInWorkingDays, Integer countdownMinutes, Integer minBids, boolean prequalification,
			boolean auction, EvaluationMethod evaluationMethod, BigDecimal securityMaxPercent, String reason,
			Integer basedOn, boolean backupDecryption) {
		this(procedure, bidPeriodDays, documentAvailabilityDays, amendmentNoticeDays, objectionDeadlineDays,
				objectionAnswerDays, candidatePublicityDays, decryptionWindowMinutes, listingPeriodDays,
				listingInWorkingDays, countdownMinutes, minBids, prequalification, auction, evaluationMethod,
				securityMaxPercent, reason, basedOn, backupDecryption, null, null, null, null);
	}

	/** A revision that allows the custodians' backup decryption at opening (the default). */
	public TemplateRevision(Procedure procedure, Integer bidPeriodDays, Integer documentAvailabilityDays,
			Integer amendmentNoticeDays, Integer objectionDeadlineDays, Integer objectionAnswerDays,
			Integer candidatePublicityDays, Integer decryptionWindowMinutes, Integer listingPeriodDays,
			boolean listingInWorkingDays, Integer countdownMinutes, Integer minBids, boolean prequalification,
			boolean auction, EvaluationMethod evaluationMethod, BigDecimal securityMaxPercent, String reason,
			Integer basedOn) {
		this(procedure, bidPeriodDays, documentAvailabilityDays, amendmentNoticeDays, objectionDeadlineDays,
				objectionAnswerDays, candidatePublicityDays, decryptionWindowMinutes, listingPeriodDays,
				listingInWorkingDays, countdownMinutes, minBids, prequalification, auction, evaluationMethod,
				securityMaxPercent, reason, basedOn, true);
	}

	static TemplateRevision of(ProcedureTemplate template, String reason) {
		return new TemplateRevision(template.procedure(), template.bidPeriodDays(), template.documentAvailabilityDays(),
				template.amendmentNoticeDays(), template.objectionDeadlineDays(), template.objectionAnswerDays(),
				template.candidatePublicityDays(), template.decryptionWindowMinutes(), template.listingPeriodDays(),
				template.listingInWorkingDays(), template.countdownMinutes(), template.minBids(), template.prequalification(),
				template.auction(), template.evaluationMethod(), template.securityMaxPercent(), reason, template.version(),
				template.backupDecryption(), template.auctionKind(), template.dutchStepSeconds(),
				template.dutchFloorPercent(), template.sealedWindowMinutes());
	}
}
