package org.yiwang.registry;

/** A certificate binding waits for staff, holds, or was refused. */
public enum BindingStatus {
	PENDING, ACTIVE, REFUSED
}
