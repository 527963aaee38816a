package org.yiwang.procurement;

/** A framework agreement's stage: registered, its call published, in force with its entrants, or failed. */
public enum FrameworkStatus {
	SUBMITTED, PUBLISHED, IN_FORCE, FAILED
}
