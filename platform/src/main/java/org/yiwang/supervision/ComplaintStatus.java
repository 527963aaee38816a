package org.yiwang.supervision;

/** Where a complaint stands: received, accepted for handling, not accepted (不予受理), or ruled. */
public enum ComplaintStatus {
	FILED, ACCEPTED, NOT_ACCEPTED, RULED;

	public boolean open() {
		return this == FILED || this == ACCEPTED;
	}
}
