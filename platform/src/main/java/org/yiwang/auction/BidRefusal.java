package org.yiwang.auction;

/**
 * Why a bid was refused; each has a message key {@code auction.bid.refused.<NAME>}. A refused bid changes nothing
 * and is audited.
 */
public enum BidRefusal {
	/** Not a number. */
	MALFORMED,
	/** More than two decimals: refused, never rounded. */
	DECIMALS,
	/** Zero or negative. */
	NOT_POSITIVE,
	/** More than ten times the price to beat: taken for a typing mistake. */
	ABSURD,
	/** The first bid must reach the starting price (网络司法拍卖规定 Art. 20). */
	BELOW_START,
	/** A bid must beat the current price by at least the increment. */
	BELOW_INCREMENT,
	/** Bidding has not opened yet. */
	NOT_STARTED,
	/** The countdown ran out: the auction has ended. */
	ENDED,
	/** The bidder is not a qualified transferee of this listing. */
	NOT_QUALIFIED,
	/** The bidder's security is no longer held. */
	NO_SECURITY,
	/** The idempotency key is missing or malformed. */
	KEY,
	/** The same idempotency key was used for another bid. */
	KEY_REUSED,
	/** Dutch: another bidder accepted first; the auction is over. */
	TAKEN,
	/** Sealed round: this bidder already submitted its one price. */
	ALREADY_SEALED,
	/** The auction is of another kind: a Dutch auction takes acceptances, the others take bids or sealed prices. */
	WRONG_KIND
}
