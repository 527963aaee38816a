package org.yiwang.auction;

import java.time.Duration;
import java.time.Instant;

import org.yiwang.catalog.AuctionKind;
import org.yiwang.kernel.Money;

/**
 * One kind of auction's rules as a state machine over commands already stamped with the server's time, offered in
 * the order of their stamps by the auction's single writer ({@link Auctioneer}). Not thread-safe. The state is what a
 * {@link Snapshot} holds, so a failed commit can put it back.
 */
sealed interface AuctionEngine permits EnglishAuction, DutchAuction, SealedRound {

	/** An accepted bid as the auction's state recorded it. */
	record Accepted(long seq, String bidder, Money amount, Instant at, Instant endsAfter) {
	}

	/** What one bid does: accepted with its place in the total order, or refused with the reason. */
	record Decision(Accepted accepted, BidRefusal refusal) {

		public boolean isAccepted() {
			return accepted != null;
		}
	}

	/** Everything the auction's state is, so a failed write can put it back. */
	record Snapshot(Money price, String leader, Instant endsAt, long lastSeq, boolean closed) {
	}

	AuctionKind kind();

	Snapshot snapshot();

	void restore(Snapshot state);

	/** Decides a bid (an acceptance in a Dutch auction, whose amount is null; a sealed price) and applies it. */
	Decision offer(String bidder, Money amount, Instant at);

	/** Whether the auction must close at {@code now}. */
	boolean isDue(Instant now);

	void close();

	boolean sold();

	/** The winning (or, English, the highest) price so far; null when there is none (or it is still sealed). */
	Money price();

	String leader();

	Instant endsAt();

	long lastSeq();

	boolean closed();

	Instant startsAt();

	/** English: the start of the timed period; Dutch: the origin of the price schedule; sealed: the start. */
	Instant timedFrom();

	/** English: the countdown; Dutch: the step interval; sealed: the window. */
	Duration countdown();

	Money startingPrice();

	Money reserve();

	/** English: the increment; Dutch: the decrement; sealed: none (zero). */
	Money increment();

	/** What a bid must reach now (English), the price an acceptance takes at {@code now} (Dutch), the least price (sealed). */
	Money minimumBid(Instant now);
}
