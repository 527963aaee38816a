package org.yiwang.tendering;

/**
 * Where a section stands: registered by the tenderer or its agency, checked by the staff of its region, then its
 * notice drafted, checked and published. The procedure's own clock (documents period, bid deadline, pauses) runs once
 * it is published. After the deadline it is opened (or fails), evaluated, its candidates publicized, awarded and its
 * contract recorded.
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
	PUBLISHED,
	/** The bid deadline passed with enough bids: the remote opening hall is open (check-in, decryption, read-out). */
	OPENING,
	/** Fewer bids than the law requires, or too few left after decryption: announced as failed; may be re-tendered. */
	FAILED,
	/** The opening record is signed and published; the bids go to evaluation. */
	OPENED,
	/** The evaluation report named candidates; they are publicized (中标候选人公示). */
	PUBLICIZING,
	/** The tenderer confirmed the winner; the award notice (中标通知书) is issued. */
	AWARDED,
	/** The contract, signed by both parties, is recorded and published. */
	CONTRACTED;

	/** The notice and documents may still be changed by the tenderer or agency. */
	public boolean noticeEditable() {
		return this == REGISTERED || this == NOTICE_RETURNED;
	}
}
