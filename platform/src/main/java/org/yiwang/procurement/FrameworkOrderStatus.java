package org.yiwang.procurement;

/** A second-stage order: entrants re-competing until its deadline, placed with a supplier, or failed (no offer). */
public enum FrameworkOrderStatus {
	COMPETING, PLACED, FAILED
}
