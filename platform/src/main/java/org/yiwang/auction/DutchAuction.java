package org.yiwang.auction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

import org.yiwang.catalog.AuctionKind;
import org.yiwang.kernel.Money;

/**
 * The rules of a Dutch (降价) auction: the price starts high and steps down by a fixed decrement at every interval of
 * the server's clock, never below the floor (the reserve); the first acceptance in the auction's total order wins at
 * the price current at the instant it entered the platform, and ends the auction. The floor is offered for one
 * interval; when it passes with no acceptance the auction fails. Not thread-safe: one writer per auction.
 */
final class DutchAuction implements AuctionEngine {

	/**
	 * @param scheduleFrom the origin of the price schedule: the starting price holds for the first interval from here.
	 *        It moves with an outage, so the price resumes where it stood when the platform stopped.
	 */
	record Rules(Instant startsAt, Instant scheduleFrom, Duration step, Money startingPrice, Money floor,
			Money decrement) {

		Rules {
			if (step.isNegative() || step.isZero() || decrement.compareTo(Money.ZERO) <= 0
					|| floor.compareTo(startingPrice) > 0 || floor.compareTo(Money.ZERO) <= 0
					|| scheduleFrom.isBefore(startsAt)) {
				throw new IllegalArgumentException("A Dutch auction steps down by a positive amount at a positive interval "
						+ "from the starting price to a positive floor not above it");
			}
		}

		/** How many steps it takes to reach the floor (the last one may be shorter: it stops at the floor). */
		long steps() {
			return startingPrice.yuan().subtract(floor.yuan()).divide(decrement.yuan(), 0, RoundingMode.CEILING)
				.longValueExact();
		}

		/** The end of the floor's interval: the auction fails then with no acceptance. */
		Instant end() {
			return scheduleFrom.plus(step.multipliedBy(steps() + 1));
		}

		/** The number of whole intervals from the schedule's origin to {@code at} (0 before it). */
		long stepAt(Instant at) {
			if (!at.isAfter(scheduleFrom)) {
				return 0;
			}
			return Duration.between(scheduleFrom, at).toNanos() / step.toNanos();
		}

		/** The price offered at {@code at}: the starting price less one decrement per interval, never below the floor. */
		Money priceAt(Instant at) {
			long k = Math.min(stepAt(at), steps());
			BigDecimal price = startingPrice.yuan().subtract(decrement.yuan().multiply(BigDecimal.valueOf(k)));
			return price.compareTo(floor.yuan()) < 0 ? floor : Money.of(price);
		}

		/** When the price next steps down (or the auction ends, at the floor). */
		Instant nextStepAt(Instant at) {
			Instant next = scheduleFrom.plus(step.multipliedBy(stepAt(at) + 1));
			return next.isAfter(end()) ? end() : next;
		}
	}

	private final Rules rules;

	private Money price;

	private String leader;

	private Instant endsAt;

	private long lastSeq;

	private boolean closed;

	DutchAuction(Rules rules) {
		this(rules, new Snapshot(null, null, rules.end(), 0, false));
	}

	DutchAuction(Rules rules, Snapshot state) {
		this.rules = rules;
		restore(state);
	}

	Rules rules() {
		return rules;
	}

	@Override
	public AuctionKind kind() {
		return AuctionKind.DUTCH;
	}

	@Override
	public Snapshot snapshot() {
		return new Snapshot(price, leader, endsAt, lastSeq, closed);
	}

	@Override
	public void restore(Snapshot state) {
		price = state.price();
		leader = state.leader();
		endsAt = state.endsAt();
		lastSeq = state.lastSeq();
		closed = state.closed();
	}

	/**
	 * An acceptance stamped {@code at}: refused after the end or after another's acceptance, else it takes the price
	 * current at {@code at} and ends the auction there. The amount is ignored (the bidder accepts whatever the price is
	 * when its acceptance enters the platform, never more than it was shown).
	 */
	@Override
	public Decision offer(String bidder, Money amount, Instant at) {
		if (leader != null) {
			return new Decision(null, BidRefusal.TAKEN);
		}
		if (closed || !at.isBefore(endsAt)) {
			return new Decision(null, BidRefusal.ENDED);
		}
		if (at.isBefore(rules.startsAt())) {
			return new Decision(null, BidRefusal.NOT_STARTED);
		}
		price = rules.priceAt(at);
		leader = bidder;
		endsAt = at;
		lastSeq++;
		return new Decision(new Accepted(lastSeq, bidder, price, at, endsAt), null);
	}

	@Override
	public boolean isDue(Instant now) {
		return !closed && (leader != null || !now.isBefore(endsAt));
	}

	@Override
	public void close() {
		closed = true;
	}

	@Override
	public boolean sold() {
		return closed && leader != null;
	}

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

	@Override
	public long lastSeq() {
		return lastSeq;
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
		return rules.scheduleFrom();
	}

	@Override
	public Duration countdown() {
		return rules.step();
	}

	@Override
	public Money startingPrice() {
		return rules.startingPrice();
	}

	@Override
	public Money reserve() {
		return rules.floor();
	}

	@Override
	public Money increment() {
		return rules.decrement();
	}

	@Override
	public Money minimumBid(Instant now) {
		return leader != null ? price : rules.priceAt(now);
	}
}
