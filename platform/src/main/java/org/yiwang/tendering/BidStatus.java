package org.yiwang.tendering;

/** A bid counts only once {@link #RECEIPTED}: stored durably and answered with a platform receipt. */
public enum BidStatus {
	/** The envelope is stored and recorded; its receipt is being issued (or was interrupted and is issued on retry). */
	RECEIVED,
	/** Stored and receipted: the bid stands. */
	RECEIPTED,
	/** Withdrawn by the bidder before the deadline. */
	WITHDRAWN
}
