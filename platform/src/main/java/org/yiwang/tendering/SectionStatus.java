package org.yiwang.tendering;

/**
 * Where a section stands before bids: registered by the tenderer or its agency, checked by the staff of its region,
 * then its notice drafted, checked and published. The procedure's own clock (documents period, bid deadline, pauses)
 * runs once it is published.
 */
public enum SectionStatus {
	/** Waiting for the staff of its region to check it. */
	SUBMITTED,
	/** Returned by staff with a reason; the tenderer or agency corrects and resubmits it. */
	RETURNED,
	/** Checked by staff: the notice may be drafted and documents uploaded. */
	REGISTERED,
	/** The notice waits for staff to check and publish it. */
	NOTICE_SUBMITTED,
	/** Staff returned the notice with a reason. */
	NOTICE_RETURNED,
	/** The notice is published and signed; the procedure's clock runs. */
	PUBLISHED;

	/** The notice and documents may still be changed by the tenderer or agency. */
	public boolean noticeEditable() {
		return this == REGISTERED || this == NOTICE_RETURNED;
	}
}
