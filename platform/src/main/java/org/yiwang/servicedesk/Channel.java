package org.yiwang.servicedesk;

/** How a request reached the center. */
public enum Channel {
	/** Filed by a signed-in user on the web. */
	WEB,
	/** Filed by staff at the counter for a walk-in. */
	COUNTER,
	/** Opened by another module's own step (a registration review, a refund). */
	AUTOMATIC
}
