package org.yiwang.guarantee;

/** The forms bid security takes. */
public enum SecurityForm {
	/** An e-guarantee letter (电子保函) of a registered issuer. */
	GUARANTEE,
	/** Cash paid into the bidder's own deposit sub-account, matched to it. */
	CASH_DEPOSIT
}
