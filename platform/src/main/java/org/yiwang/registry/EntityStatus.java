package org.yiwang.registry;

/** Where a registration stands: waiting for staff, approved, or returned with a reason to correct and resubmit. */
public enum EntityStatus {
	PENDING, APPROVED, RETURNED
}
