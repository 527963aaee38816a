package org.yiwang.auction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yiwang.kernel.Money;
import org.yiwang.kernel.TradeCode;

/**
 * An auction's live state, as the server knows it at {@code serverTime}. Bidders appear by number only.
 *
 * @param price the highest accepted bid; null before the first
 * @param minimumBid what the next bid must reach
 * @param ranking each bidder number with its best bid, best first
 * @param winnerName the buyer's name, shown once the auction is closed
 */
public record AuctionView(UUID listing, TradeCode tradeCode, String title, AuctionStatus status, Instant startsAt,
		Instant timedFrom, Instant endsAt, int countdownSeconds, Money startingPrice, Money increment, Money price,
		Money minimumBid, String leaderNumber, long lastSeq, List<BidView> bids, List<BidView> ranking,
		boolean reserveMet, String winnerName, Instant closedAt, Instant serverTime) {
}
