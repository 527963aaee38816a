package org.yiwang.catalog.web;

import java.math.BigDecimal;

import org.yiwang.catalog.AuctionKind;
import org.yiwang.catalog.EvaluationMethod;
import org.yiwang.catalog.Procedure;
import org.yiwang.catalog.ProcedureTemplate;
import org.yiwang.catalog.TemplateRevision;

/** The procedure template form: the version in force, edited, with the reason for the change. */
class TemplateForm {

	private Procedure procedure;

	private Integer bidPeriodDays;

	private Integer documentAvailabilityDays;

	private Integer amendmentNoticeDays;

	private Integer objectionDeadlineDays;

	private Integer objectionAnswerDays;

	private Integer candidatePublicityDays;

	private Integer decryptionWindowMinutes;

	private Integer listingPeriodDays;

	private boolean listingInWorkingDays;

	private Integer countdownMinutes;

	private Integer minBids;

	private boolean prequalification;

	private boolean auction;

	private boolean backupDecryption = true;

	private EvaluationMethod evaluationMethod;

	private BigDecimal securityMaxPercent;

	private String reason;

	private AuctionKind auctionKind = AuctionKind.ENGLISH;

	private Integer dutchStepSeconds;

	private Integer dutchFloorPercent;

	private Integer sealedWindowMinutes;

	private Integer basedOn;

	static TemplateForm of(ProcedureTemplate t) {
		TemplateForm form = new TemplateForm();
		form.procedure = t.procedure();
		form.bidPeriodDays = t.bidPeriodDays();
		form.documentAvailabilityDays = t.documentAvailabilityDays();
		form.amendmentNoticeDays = t.amendmentNoticeDays();
		form.objectionDeadlineDays = t.objectionDeadlineDays();
		form.objectionAnswerDays = t.objectionAnswerDays();
		form.candidatePublicityDays = t.candidatePublicityDays();
		form.decryptionWindowMinutes = t.decryptionWindowMinutes();
		form.listingPeriodDays = t.listingPeriodDays();
		form.listingInWorkingDays = t.listingInWorkingDays();
		form.countdownMinutes = t.countdownMinutes();
		form.minBids = t.minBids();
		form.prequalification = t.prequalification();
		form.auction = t.auction();
		form.backupDecryption = t.backupDecryption();
		form.evaluationMethod = t.evaluationMethod();
		form.securityMaxPercent = t.securityMaxPercent();
		form.basedOn = t.version();
		form.auctionKind = t.auctionKind();
		form.dutchStepSeconds = t.dutchStepSeconds();
		form.dutchFloorPercent = t.dutchFloorPercent();
		form.sealedWindowMinutes = t.sealedWindowMinutes();
		return form;
	}

	TemplateRevision command() {
		return new TemplateRevision(procedure, bidPeriodDays, documentAvailabilityDays, amendmentNoticeDays, objectionDeadlineDays, objectionAnswerDays, candidatePublicityDays, decryptionWindowMinutes, listingPeriodDays, listingInWorkingDays, countdownMinutes, minBids, prequalification, auction, evaluationMethod, securityMaxPercent, reason, basedOn, backupDecryption,
				auctionKind == null ? AuctionKind.ENGLISH : auctionKind, dutchStepSeconds, dutchFloorPercent,
				sealedWindowMinutes);
	}

	public Procedure getProcedure() {
		return procedure;
	}

	public void setProcedure(Procedure procedure) {
		this.procedure = procedure;
	}

	public Integer getBidPeriodDays() {
		return bidPeriodDays;
	}

	public void setBidPeriodDays(Integer bidPeriodDays) {
		this.bidPeriodDays = bidPeriodDays;
	}

	public Integer getDocumentAvailabilityDays() {
		return documentAvailabilityDays;
	}

	public void setDocumentAvailabilityDays(Integer documentAvailabilityDays) {
		this.documentAvailabilityDays = documentAvailabilityDays;
	}

	public Integer getAmendmentNoticeDays() {
		return amendmentNoticeDays;
	}

	public void setAmendmentNoticeDays(Integer amendmentNoticeDays) {
		this.amendmentNoticeDays = amendmentNoticeDays;
	}

	public Integer getObjectionDeadlineDays() {
		return objectionDeadlineDays;
	}

	public void setObjectionDeadlineDays(Integer objectionDeadlineDays) {
		this.objectionDeadlineDays = objectionDeadlineDays;
	}

	public Integer getObjectionAnswerDays() {
		return objectionAnswerDays;
	}

	public void setObjectionAnswerDays(Integer objectionAnswerDays) {
		this.objectionAnswerDays = objectionAnswerDays;
	}

	public Integer getCandidatePublicityDays() {
		return candidatePublicityDays;
	}

	public void setCandidatePublicityDays(Integer candidatePublicityDays) {
		this.candidatePublicityDays = candidatePublicityDays;
	}

	public Integer getDecryptionWindowMinutes() {
		return decryptionWindowMinutes;
	}

	public void setDecryptionWindowMinutes(Integer decryptionWindowMinutes) {
		this.decryptionWindowMinutes = decryptionWindowMinutes;
	}

	public Integer getListingPeriodDays() {
		return listingPeriodDays;
	}

	public void setListingPeriodDays(Integer listingPeriodDays) {
		this.listingPeriodDays = listingPeriodDays;
	}

	public boolean isListingInWorkingDays() {
		return listingInWorkingDays;
	}

	public void setListingInWorkingDays(boolean listingInWorkingDays) {
		this.listingInWorkingDays = listingInWorkingDays;
	}

	public Integer getCountdownMinutes() {
		return countdownMinutes;
	}

	public void setCountdownMinutes(Integer countdownMinutes) {
		this.countdownMinutes = countdownMinutes;
	}

	public Integer getMinBids() {
		return minBids;
	}

	public void setMinBids(Integer minBids) {
		this.minBids = minBids;
	}

	public boolean isPrequalification() {
		return prequalification;
	}

	public void setPrequalification(boolean prequalification) {
		this.prequalification = prequalification;
	}

	public boolean isAuction() {
		return auction;
	}

	public void setAuction(boolean auction) {
		this.auction = auction;
	}

	public EvaluationMethod getEvaluationMethod() {
		return evaluationMethod;
	}

	public void setEvaluationMethod(EvaluationMethod evaluationMethod) {
		this.evaluationMethod = evaluationMethod;
	}

	public BigDecimal getSecurityMaxPercent() {
		return securityMaxPercent;
	}

	public void setSecurityMaxPercent(BigDecimal securityMaxPercent) {
		this.securityMaxPercent = securityMaxPercent;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public Integer getBasedOn() {
		return basedOn;
	}

	public void setBasedOn(Integer basedOn) {
		this.basedOn = basedOn;
	}


	public boolean isBackupDecryption() {
		return backupDecryption;
	}

	public void setBackupDecryption(boolean backupDecryption) {
		this.backupDecryption = backupDecryption;
	}

	public AuctionKind getAuctionKind() {
		return auctionKind;
	}

	public void setAuctionKind(AuctionKind auctionKind) {
		this.auctionKind = auctionKind;
	}

	public Integer getDutchStepSeconds() {
		return dutchStepSeconds;
	}

	public void setDutchStepSeconds(Integer dutchStepSeconds) {
		this.dutchStepSeconds = dutchStepSeconds;
	}

	public Integer getDutchFloorPercent() {
		return dutchFloorPercent;
	}

	public void setDutchFloorPercent(Integer dutchFloorPercent) {
		this.dutchFloorPercent = dutchFloorPercent;
	}

	public Integer getSealedWindowMinutes() {
		return sealedWindowMinutes;
	}

	public void setSealedWindowMinutes(Integer sealedWindowMinutes) {
		this.sealedWindowMinutes = sealedWindowMinutes;
	}
}
