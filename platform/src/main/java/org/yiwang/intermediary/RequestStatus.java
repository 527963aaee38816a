package org.yiwang.intermediary;

/** Where a service request stands. */
public enum RequestStatus {
	OPEN, SELECTED, CONTRACTED, DELIVERED, ACCEPTED, RATED, FAILED
}
