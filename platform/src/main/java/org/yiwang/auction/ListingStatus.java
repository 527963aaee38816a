package org.yiwang.auction;

/** Where a listing stands. */
public enum ListingStatus {
	/** Waiting for the district's staff. */
	SUBMITTED,
	/** Returned by staff with a reason. */
	RETURNED,
	/** Public; transferees register until the period ends. */
	PUBLISHED,
	/** One qualified transferee: transfer by agreement at not less than the listing price. */
	AGREEMENT,
	/** Two or more: an online auction runs. */
	AUCTION,
	/** Transferred: by agreement or to the auction's winner. */
	SOLD,
	/** No transferee, or the auction did not reach the reserve. */
	FAILED
}
