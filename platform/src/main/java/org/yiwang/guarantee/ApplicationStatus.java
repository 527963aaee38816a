package org.yiwang.guarantee;

/** Where a bidder's application for an e-guarantee stands. */
public enum ApplicationStatus {
	/** Waiting for the issuer's letter. */
	PENDING,
	/** The issuer's letter passed every check and is recorded. */
	ISSUED
}
