package org.yiwang.catalog;

/**
 * How a listing's online auction runs, as its procedure template says: English (增价, rising bids and a countdown),
 * Dutch (降价, a falling price the first acceptance takes) or a one-shot sealed-price round (一次报价).
 */
public enum AuctionKind {
	ENGLISH, DUTCH, SEALED
}
