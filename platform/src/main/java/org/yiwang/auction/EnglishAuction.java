package org.yiwang.auction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.yiwang.kernel.Money;

/**
 * The rules of an English (增价) auction with a free bidding period and a timed one, as a state machine over bids
 * already stamped with the server's time. Not thread-safe: each auction has exactly one writer. Judicial auctions use
 * the same machine: their "timed period" is the last five minutes of the (at least 24-hour) bidding time, and a bid in
 * it moves the end to five minutes after that bid (网络司法拍卖规定 Art. 20).
 */
final class EnglishAuction implements AuctionEngine {

	/** A bid more than this many times the price to beat is refused as absurd. */
	static final BigDecimal ABSURD_FACTOR = BigDecimal.TEN;

	/**
	 * @param timedFrom the first instant of the timed period: from here each valid bid restarts the countdown
	 */
	record Rules(Instant startsAt, Instant timedFrom, Duration countdown, Money startingPrice, Money reserve,
			Money increment) {

		Rules {
			if (timedFrom.isBefore(startsAt) || countdown.isNegative() || countdown.isZero()) {
				throw new IllegalArgumentException("The timed period starts after the auction and the countdown is positive");
			}
		}

		Instant initialEnd() {
			return timedFrom.plus(countdown);
		}
	}

	private final Rules rules;

	private Money price;

	private String leader;

	private Instant endsAt;

	private long lastSeq;

	private boolean closed;

	EnglishAuction(Rules rules) {
		this(rules, new Snapshot(null, null, rules.initialEnd(), 0, false));
	}

	EnglishAuction(Rules rules, Snapshot state) {
		this.rules = rules;
		restore(state);
	}

	@Override
	public org.yiwang.catalog.AuctionKind kind() {
		return org.yiwang.catalog.AuctionKind.ENGLISH;
	}

	@Override
	public Instant startsAt() {
		return rules.startsAt();
	}

	@Override
	public Instant timedFrom() {
		return rules.timedFrom();
	}

	@Override
	public Duration countdown() {
		return rules.countdown();
	}

	@Override
	public Money startingPrice() {
		return rules.startingPrice();
	}

	@Override
	public Money reserve() {
		return rules.reserve();
	}

	@Override
	public Money increment() {
		return rules.increment();
	}

	@Override
	public Money minimumBid(Instant now) {
		return minimumBid();
	}

	public Snapshot snapshot() {
		return new Snapshot(price, leader, endsAt, lastSeq, closed);
	}

	public void restore(Snapshot state) {
		price = state.price();
		leader = state.leader();
		endsAt = state.endsAt();
		lastSeq = state.lastSeq();
		closed = state.closed();
	}

	/** The least amount a bid must reach now: the starting price, or the current price plus the increment. */
	Money minimumBid() {
		return price == null ? rules.startingPrice() : price.plus(rules.increment());
	}

	/** Checks an amount against the price alone (before identity and time): the reasons any bidder would get. */
	BidRefusal checkAmount(Money amount) {
		if (amount.compareTo(Money.ZERO) <= 0) {
			return BidRefusal.NOT_POSITIVE;
		}
		Money toBeat = price == null ? rules.startingPrice() : price;
		if (amount.yuan().compareTo(toBeat.yuan().multiply(ABSURD_FACTOR)) > 0) {
			return BidRefusal.ABSURD;
		}
		if (price == null && amount.compareTo(rules.startingPrice()) < 0) {
			return BidRefusal.BELOW_START;
		}
		if (price != null && amount.compareTo(price.plus(rules.increment())) < 0) {
			return BidRefusal.BELOW_INCREMENT;
		}
		return null;
	}

	/**
	 * Decides a bid stamped {@code at} (the instant it entered the platform) and, when valid, applies it: the price
	 * strictly increases, and in the timed period the end moves to {@code at} plus the countdown. Bids must be
	 * offered in the order of their stamps.
	 */
	public Decision offer(String bidder, Money amount, Instant at) {
		if (closed || !at.isBefore(endsAt)) {
			return new Decision(null, BidRefusal.ENDED);
		}
		if (at.isBefore(rules.startsAt())) {
			return new Decision(null, BidRefusal.NOT_STARTED);
		}
		BidRefusal refusal = checkAmount(amount);
		if (refusal != null) {
			return new Decision(null, refusal);
		}
		price = amount;
		leader = bidder;
		if (!at.isBefore(rules.timedFrom())) {
			Instant restarted = at.plus(rules.countdown());
			if (restarted.isAfter(endsAt)) {
				endsAt = restarted;
			}
		}
		lastSeq++;
		return new Decision(new Accepted(lastSeq, bidder, amount, at, endsAt), null);
	}

	/** Whether the countdown has run out at {@code now}: the auction must close. */
	public boolean isDue(Instant now) {
		return !closed && !now.isBefore(endsAt);
	}

	/** Closes the auction; the leader wins if the price reached the reserve. */
	public void close() {
		closed = true;
	}

	public boolean sold() {
		return closed && price != null && price.isAtLeast(rules.reserve());
	}

	Rules rules() {
		return rules;
	}

	public Money price() {
		return price;
	}

	public String leader() {
		return leader;
	}

	public Instant endsAt() {
		return endsAt;
	}

	public long lastSeq() {
		return lastSeq;
	}

	public boolean closed() {
		return closed;
	}
}
