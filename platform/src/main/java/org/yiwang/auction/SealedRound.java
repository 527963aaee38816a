package org.yiwang.auction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.yiwang.catalog.AuctionKind;
import org.yiwang.kernel.Money;

/**
 * The rules of a one-shot sealed-price round (一次报价): during the window each bidder submits exactly one price (at
 * least the starting price, not absurd); nothing about the prices, not even how many there are, is part of what
 * the round shows before it closes. At the close the prices are disclosed: the highest wins, ties go to the earlier
 * submission, and below the reserve the round fails. Not thread-safe: one writer per auction.
 */
final class SealedRound implements AuctionEngine {

	record Rules(Instant startsAt, Instant endsAt, Money startingPrice, Money reserve) {

		Rules {
			if (!endsAt.isAfter(startsAt) || reserve.compareTo(startingPrice) < 0) {
				throw new IllegalArgumentException("A sealed round ends after it starts; its reserve is not below the start");
			}
		}
	}

	/** A price disclosed at the close, in the order of submission. */
	record Disclosed(long seq, String bidder, Money amount, Instant at) {
	}

	private final Rules rules;

	/** The bidders who submitted, in the order of submission (the seq is the position plus one). */
	private final List<String> submitted = new ArrayList<>();

	private Money price;

	private String leader;

	private Instant endsAt;

	private boolean closed;

	SealedRound(Rules rules) {
		this(rules, new Snapshot(null, null, rules.endsAt(), 0, false), List.of());
	}

	/** @param submitted the bidders whose sealed prices were committed, in order */
	SealedRound(Rules rules, Snapshot state, List<String> submitted) {
		this.rules = rules;
		this.submitted.addAll(submitted);
		restore(new Snapshot(state.price(), state.leader(), state.endsAt(), submitted.size(),
				state.closed()));
	}

	@Override
	public AuctionKind kind() {
		return AuctionKind.SEALED;
	}

	@Override
	public Snapshot snapshot() {
		return new Snapshot(price, leader, endsAt, submitted.size(), closed);
	}

	@Override
	public void restore(Snapshot state) {
		price = state.price();
		leader = state.leader();
		endsAt = state.endsAt();
		closed = state.closed();
		while (submitted.size() > state.lastSeq()) {
			submitted.remove(submitted.size() - 1);
		}
	}

	/** A sealed price stamped {@code at}: one per bidder, in the window, at least the starting price, not absurd. */
	@Override
	public Decision offer(String bidder, Money amount, Instant at) {
		if (closed || !at.isBefore(endsAt)) {
			return new Decision(null, BidRefusal.ENDED);
		}
		if (at.isBefore(rules.startsAt())) {
			return new Decision(null, BidRefusal.NOT_STARTED);
		}
		if (submitted.contains(bidder)) {
			return new Decision(null, BidRefusal.ALREADY_SEALED);
		}
		BidRefusal refusal = checkAmount(amount);
		if (refusal != null) {
			return new Decision(null, refusal);
		}
		submitted.add(bidder);
		return new Decision(new Accepted(submitted.size(), bidder, amount, at, endsAt), null);
	}

	BidRefusal checkAmount(Money amount) {
		if (amount == null || amount.compareTo(Money.ZERO) <= 0) {
			return BidRefusal.NOT_POSITIVE;
		}
		if (amount.yuan().compareTo(rules.startingPrice().yuan().multiply(EnglishAuction.ABSURD_FACTOR)) > 0) {
			return BidRefusal.ABSURD;
		}
		if (amount.compareTo(rules.startingPrice()) < 0) {
			return BidRefusal.BELOW_START;
		}
		return null;
	}

	/**
	 * The prices opened at the close, and the winner among them: the highest, the earliest on ties. Only after the
	 * window: before, there is nothing to disclose.
	 */
	void disclose(List<Disclosed> prices) {
		if (!closed) {
			throw new IllegalStateException("Sealed prices are disclosed at the close, not before");
		}
		prices.stream()
			.max(Comparator.comparing(Disclosed::amount).thenComparing(Comparator.comparingLong(Disclosed::seq).reversed()))
			.ifPresent(best -> {
				price = best.amount();
				leader = best.bidder();
			});
	}

	@Override
	public boolean isDue(Instant now) {
		return !closed && !now.isBefore(endsAt);
	}

	@Override
	public void close() {
		closed = true;
	}

	@Override
	public boolean sold() {
		return closed && price != null && price.isAtLeast(rules.reserve());
	}

	/** Null until the close discloses the prices. */
	@Override
	public Money price() {
		return price;
	}

	@Override
	public String leader() {
		return leader;
	}

	@Override
	public Instant endsAt() {
		return endsAt;
	}

	/** How many prices were sealed: the writer's, never shown before the close. */
	@Override
	public long lastSeq() {
		return submitted.size();
	}

	@Override
	public boolean closed() {
		return closed;
	}

	@Override
	public Instant startsAt() {
		return rules.startsAt();
	}

	@Override
	public Instant timedFrom() {
		return rules.startsAt();
	}

	@Override
	public Duration countdown() {
		return Duration.between(rules.startsAt(), rules.endsAt());
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
		return Money.ZERO;
	}

	@Override
	public Money minimumBid(Instant now) {
		return rules.startingPrice();
	}
}
