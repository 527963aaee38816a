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
 * @param commitment sealed round: SHA-256 (hex) of {@code YIWANG-SEALED-PRICE-V1|listing|number|price|salt}; the
 *        price and salt are disclosed at the close so anyone can check it (null in other auctions)
 * @param salt sealed round: the commitment's random salt, for the bidder only (null in other auctions)
 */
public record BidReceipt(UUID auction, long seq, String bidderNumber, Money amount, Instant placedAt, Instant endsAt,
		boolean replayed, String commitment, String salt) {

	BidReceipt(UUID auction, long seq, String bidderNumber, Money amount, Instant placedAt, Instant endsAt,
			boolean replayed) {
		this(auction, seq, bidderNumber, amount, placedAt, endsAt, replayed, null, null);
	}

	BidReceipt replay() {
		return new BidReceipt(auction, seq, bidderNumber, amount, placedAt, endsAt, true, commitment, salt);
	}
}
