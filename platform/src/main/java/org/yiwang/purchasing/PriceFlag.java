package org.yiwang.purchasing;

/**
 * How a declared listing price compares with the reference prices of other provinces for the same registration
 * number and specification: the outlier rule is "above the lowest other-province price".
 */
public enum PriceFlag {
	/** At or below the lowest other-province price. */
	WITHIN,
	/** Above the lowest other-province price: staff see the gap and must give a reason to approve. */
	ABOVE_LOWEST,
	/** No other province's price is known: staff must give a reason to approve. */
	NO_REFERENCE;

	public boolean needsReason() {
		return this != WITHIN;
	}
}
