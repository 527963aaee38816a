package org.yiwang.tendering.web;

import org.yiwang.tendering.ProjectFacts;

/**
 * The registration form's facts of the project and the tender project (datasets 500 and 501); kept across a refused
 * submission so the tenderer corrects one field instead of typing them all again.
 */
class ProjectFactsForm {

	private String projectAddress;

	private String legalPerson;

	private String industry;

	private String fundingSource;

	private String fundingRemark;

	private String projectScale;

	private String approvalDocument;

	private String mustTender;

	private String tenderType;

	private String tenderScope;

	private String supervisor;

	private String approver;

	/** The command's facts; a must-tender answer other than yes or no is left unanswered (and refused). */
	ProjectFacts facts() {
		Boolean must = "true".equals(mustTender) ? Boolean.TRUE : "false".equals(mustTender) ? Boolean.FALSE : null;
		return new ProjectFacts(projectAddress, legalPerson, industry, fundingSource, fundingRemark, projectScale,
				approvalDocument, must, tenderType, tenderScope, supervisor, approver);
	}

	public String getProjectAddress() {
		return projectAddress;
	}

	public void setProjectAddress(String projectAddress) {
		this.projectAddress = projectAddress;
	}

	public String getLegalPerson() {
		return legalPerson;
	}

	public void setLegalPerson(String legalPerson) {
		this.legalPerson = legalPerson;
	}

	public String getIndustry() {
		return industry;
	}

	public void setIndustry(String industry) {
		this.industry = industry;
	}

	public String getFundingSource() {
		return fundingSource;
	}

	public void setFundingSource(String fundingSource) {
		this.fundingSource = fundingSource;
	}

	public String getFundingRemark() {
		return fundingRemark;
	}

	public void setFundingRemark(String fundingRemark) {
		this.fundingRemark = fundingRemark;
	}

	public String getProjectScale() {
		return projectScale;
	}

	public void setProjectScale(String projectScale) {
		this.projectScale = projectScale;
	}

	public String getApprovalDocument() {
		return approvalDocument;
	}

	public void setApprovalDocument(String approvalDocument) {
		this.approvalDocument = approvalDocument;
	}

	public String getMustTender() {
		return mustTender;
	}

	public void setMustTender(String mustTender) {
		this.mustTender = mustTender;
	}

	public String getTenderType() {
		return tenderType;
	}

	public void setTenderType(String tenderType) {
		this.tenderType = tenderType;
	}

	public String getTenderScope() {
		return tenderScope;
	}

	public void setTenderScope(String tenderScope) {
		this.tenderScope = tenderScope;
	}

	public String getSupervisor() {
		return supervisor;
	}

	public void setSupervisor(String supervisor) {
		this.supervisor = supervisor;
	}

	public String getApprover() {
		return approver;
	}

	public void setApprover(String approver) {
		this.approver = approver;
	}
}
