package org.yiwang.purchasing;

/** A hospital's order, step by step: placed, delivered by the distributor, received by the hospital, settled. */
public enum OrderStatus {
	PLACED, DELIVERED, RECEIVED, SETTLED
}
