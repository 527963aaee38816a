package org.yiwang.auction;

import java.time.Instant;

import org.yiwang.kernel.Money;

/** An accepted bid as every participant sees it: the bidder number only, never the name. */
public record BidView(long seq, String bidderNumber, Money amount, Instant placedAt) {
}
