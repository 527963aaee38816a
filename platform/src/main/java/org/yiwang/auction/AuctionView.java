package org.yiwang.auction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yiwang.catalog.AuctionKind;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.TradeCode;

/**
 * An auction's live state, as the server knows it at {@code serverTime}. Bidders appear by number only.
 *
 * @param endsAt when the auction ends as things stand; null while a Dutch auction descends (the end would tell the
 *        floor, which is the confidential reserve)
 * @param price the highest accepted bid; null before the first
 * @param minimumBid what the next bid must reach
 * @param ranking each bidder number with its best bid, best first
 * @param winnerName the buyer's name, shown once the auction is closed
 * @param kind English, Dutch or a sealed round. Dutch: {@code price} is the price an acceptance takes now (the
 *        accepted one once accepted), {@code increment} the decrement, {@code countdownSeconds} the step interval.
 *        Sealed, until the close: no price, no bids, no ranking, no count ({@code lastSeq} 0);
 *        {@code countdownSeconds} is the window
 * @param nextStepAt Dutch: when the price steps down next (at the floor: when its interval, and the auction, ends); null
 *        otherwise
 */
public record AuctionView(UUID listing, TradeCode tradeCode, String title, AuctionStatus status, Instant startsAt,
		Instant timedFrom, Instant endsAt, int countdownSeconds, Money startingPrice, Money increment, Money price,
		Money minimumBid, String leaderNumber, long lastSeq, List<BidView> bids, List<BidView> ranking,
		boolean reserveMet, String winnerName, Instant closedAt, Instant serverTime, AuctionKind kind,
		Instant nextStepAt) {

	AuctionView at(Instant now) {
		return new AuctionView(listing, tradeCode, title, status, startsAt, timedFrom, endsAt, countdownSeconds,
				startingPrice, increment, price, minimumBid, leaderNumber, lastSeq, bids, ranking, reserveMet, winnerName,
				closedAt, now, kind, nextStepAt);
	}
}
