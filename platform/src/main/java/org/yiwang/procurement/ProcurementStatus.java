package org.yiwang.procurement;

/** Where a procurement case stands. */
public enum ProcurementStatus {
	/** Registered by the purchaser, awaiting the district's staff. */
	SUBMITTED,
	/** The notice is public: suppliers respond (or, for a single source, the publicity runs). */
	PUBLISHED,
	/** Responses opened: the team negotiates in rounds (a single source: the price is agreed). */
	NEGOTIATING,
	/** Final offers are called: each supplier seals one until the deadline. */
	FINAL_OFFERS,
	/** The result is published. */
	CONCLUDED,
	/** The case failed (too few suppliers, all over budget, an objection upheld). */
	FAILED
}
