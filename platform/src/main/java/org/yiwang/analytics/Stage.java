package org.yiwang.analytics;

/** The stages of a transaction (and the other countable happenings) a fact records. */
public enum Stage {

	/** A tender, procurement or listing notice was published. */
	PUBLISHED,
	/** A section's bids were opened. */
	OPENED,
	/** A section was awarded, a procurement concluded, a listing sold. */
	AWARDED,
	/** A section failed, a procurement ended without result, an auction went unsold. */
	FAILED,
	/** A contract was made public. */
	CONTRACT,
	/** A bid security was given: an e-guarantee or a cash deposit. */
	SECURITY,
	/** A market entity was approved into the registry. */
	ENTITY,
	/** A complaint was filed with a regulator. */
	COMPLAINT,
	/** A supervision alert was raised. */
	ALERT,
	/** An expert took a seat on an evaluation committee. */
	EXPERT_SEAT,
	/** A failed section was re-tendered (a new round of the same section and trade code). */
	RETENDERED,
	/** A service was rated 基本满意 or better (好评); the fact's person is the staff member rated. */
	GOOD_RATING,
	/** A service was rated 不满意 or worse (差评). */
	BAD_RATING,
	/** A room was booked; the duration is the time it is occupied, the month the month it is occupied in. */
	ROOM_BOOKED,
	/** A booking was cancelled: the same month and duration as the booking, subtracted from the hours booked. */
	ROOM_CANCELLED
}
