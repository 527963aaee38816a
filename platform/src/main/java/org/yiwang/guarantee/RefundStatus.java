package org.yiwang.guarantee;

/** A cash refund is instructed to the bank, then executed when the bank's system confirms it. */
public enum RefundStatus {
	INSTRUCTED, EXECUTED
}
