package org.yiwang.servicedesk;

/** What the user said when staff called back after the rectification (回访). */
public enum RevisitOutcome {
	RESOLVED, UNRESOLVED
}
