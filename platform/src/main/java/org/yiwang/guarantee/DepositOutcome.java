package org.yiwang.guarantee;

/** How a reported arrival matched its deposit sub-account. Only {@link #MATCHED} counts as security. */
public enum DepositOutcome {
	/** Paid by the bidder, at least the required amount. */
	MATCHED,
	/** The payer's name is not the bidder's: someone else paid, which the rules do not accept. */
	WRONG_PAYER,
	/** Less than the required amount. */
	SHORT,
	/** No such sub-account: kept for the bank to return. */
	UNKNOWN_ACCOUNT
}
