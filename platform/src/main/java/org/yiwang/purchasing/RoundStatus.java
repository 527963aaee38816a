package org.yiwang.purchasing;

/** A volume-based procurement round: open for quantities and bids, decided with winners, or failed. */
public enum RoundStatus {
	OPEN, DECIDED, FAILED
}
