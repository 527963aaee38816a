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
	RETENDERED
}
