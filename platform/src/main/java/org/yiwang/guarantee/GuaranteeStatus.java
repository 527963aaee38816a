package org.yiwang.guarantee;

/** A recorded guarantee: valid security, or released once the trade no longer needs it. */
public enum GuaranteeStatus {
	VALID, RELEASED
}
