package org.yiwang.guarantee;

/**
 * A recorded guarantee: valid security, released once the trade no longer needs it, or claimed by the beneficiary
 * (an approved claim).
 */
public enum GuaranteeStatus {
	VALID, RELEASED, CLAIMED
}
