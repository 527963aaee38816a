package org.yiwang.auction;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Money;

/**
 * The acknowledgement of an accepted bid, given only after it was committed.
 *
 * @param seq its place in the auction's one total order
 * @param endsAt the auction's end after this bid
 * @param replayed the same idempotency key was seen before: this is the first answer again, nothing new was bid
 */
public record BidReceipt(UUID auction, long seq, String bidderNumber, Money amount, Instant placedAt, Instant endsAt,
		boolean replayed) {
}
