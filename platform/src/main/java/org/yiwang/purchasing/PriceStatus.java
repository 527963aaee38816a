package org.yiwang.purchasing;

/** Where a declared listing price stands. */
public enum PriceStatus {
	DECLARED, APPROVED, REFUSED,
	/** Approved once, replaced by a later approved price of the same product. */
	SUPERSEDED
}
