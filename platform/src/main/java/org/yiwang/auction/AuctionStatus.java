package org.yiwang.auction;

/** A running auction, or how it ended. */
public enum AuctionStatus {
	RUNNING, SOLD, FAILED
}
