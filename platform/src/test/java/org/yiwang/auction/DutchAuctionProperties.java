package org.yiwang.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.yiwang.kernel.Money;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The Dutch auction's rules on random schedules, random acceptances and random clocks: the price only steps down,
 * never below the floor; the first acceptance in the total order wins at the price current at its stamp; every later
 * one is refused (taken, or ended) and changes nothing; nothing is accepted at or after the end; with no acceptance it
 * fails at the end of the floor's interval.
 */
class DutchAuctionProperties {

	/** An acceptance attempt: who, and how many milliseconds after the previous attempt. */
	record Attempt(int bidder, long afterMillis) {
	}

	@Provide
	Arbitrary<List<Attempt>> attempts() {
		return Combinators.combine(Arbitraries.integers().between(1, 5), Arbitraries.longs().between(0, 900_000))
			.as(Attempt::new).list().ofMaxSize(20);
	}

	static DutchAuction.Rules rules(int startHundreds, int floorPercent, int decrementHundreds, int stepSeconds) {
		Instant start = Instant.parse("2026-11-27T02:00:00Z");
		Money starting = Money.of(new BigDecimal(startHundreds).movePointRight(2));
		Money floor = Money.of(starting.yuan().multiply(BigDecimal.valueOf(floorPercent)).movePointLeft(2)
			.setScale(2, java.math.RoundingMode.UP));
		return new DutchAuction.Rules(start, start, Duration.ofSeconds(stepSeconds), starting, floor,
				Money.of(new BigDecimal(decrementHundreds).movePointRight(2).add(new BigDecimal("0.37"))));
	}

	@Property(tries = 300)
	void the_price_only_steps_down_and_never_below_the_floor(@ForAll @IntRange(min = 1, max = 5000) int startHundreds,
			@ForAll @IntRange(min = 1, max = 100) int floorPercent, @ForAll @IntRange(min = 0, max = 800) int decrementHundreds,
			@ForAll @IntRange(min = 1, max = 600) int stepSeconds, @ForAll @IntRange(min = 1, max = 97_000) int sampleSeconds) {
		DutchAuction.Rules rules = rules(startHundreds, floorPercent, decrementHundreds, stepSeconds);
		Money previous = null;
		Instant t = rules.startsAt().minusSeconds(5);
		while (t.isBefore(rules.end().plusSeconds(stepSeconds))) {
			Money price = rules.priceAt(t);
			assertThat(price).isLessThanOrEqualTo(rules.startingPrice());
			assertThat(price).isGreaterThanOrEqualTo(rules.floor());
			if (previous != null) {
				assertThat(price).as("never up").isLessThanOrEqualTo(previous);
			}
			if (t.isBefore(rules.end())) {
				assertThat(rules.nextStepAt(t)).isAfter(t).isBeforeOrEqualTo(rules.end());
			}
			previous = price;
			t = t.plusSeconds(Math.max(1, sampleSeconds % (stepSeconds * 3)));
		}
		// The floor is offered for its whole interval before the end.
		assertThat(rules.priceAt(rules.end().minusNanos(1))).isEqualTo(rules.floor());
	}

	@Property(tries = 400)
	void the_first_acceptance_wins_at_its_price_and_nothing_is_accepted_after_it_or_after_the_end(
			@ForAll("attempts") List<Attempt> attempts, @ForAll @IntRange(min = 1, max = 5000) int startHundreds,
			@ForAll @IntRange(min = 1, max = 100) int floorPercent, @ForAll @IntRange(min = 0, max = 800) int decrementHundreds,
			@ForAll @IntRange(min = 1, max = 600) int stepSeconds) {
		DutchAuction.Rules rules = rules(startHundreds, floorPercent, decrementHundreds, stepSeconds);
		DutchAuction auction = new DutchAuction(rules);
		Instant now = rules.startsAt().minusSeconds(60);
		AuctionEngine.Accepted first = null;
		for (Attempt a : attempts) {
			now = now.plusMillis(a.afterMillis());
			if (auction.isDue(now)) {
				auction.close();
			}
			AuctionEngine.Snapshot before = auction.snapshot();
			AuctionEngine.Decision d = auction.offer("B" + a.bidder(), null, now);
			if (first == null && !now.isBefore(rules.startsAt()) && now.isBefore(rules.end())) {
				assertThat(d.isAccepted()).as("the first acceptance in time is taken").isTrue();
				assertThat(d.accepted().amount()).isEqualTo(rules.priceAt(now));
				assertThat(d.accepted().amount()).isGreaterThanOrEqualTo(rules.floor());
				first = d.accepted();
				assertThat(auction.isDue(now)).as("an acceptance ends the auction").isTrue();
			}
			else {
				assertThat(d.isAccepted()).isFalse();
				assertThat(d.refusal()).isIn(BidRefusal.TAKEN, BidRefusal.ENDED, BidRefusal.NOT_STARTED);
				if (first != null) {
					assertThat(d.refusal()).isEqualTo(BidRefusal.TAKEN);
				}
				assertThat(auction.snapshot()).as("a refusal changes nothing").isEqualTo(before);
			}
		}
		auction.close();
		assertThat(auction.sold()).isEqualTo(first != null);
		if (first != null) {
			assertThat(auction.leader()).isEqualTo(first.bidder());
			assertThat(auction.price()).isEqualTo(first.amount());
		}
	}

	@Property(tries = 200)
	void an_outage_moves_the_schedule_so_the_price_resumes_where_it_stood(
			@ForAll @IntRange(min = 1, max = 600) int stepSeconds, @ForAll @IntRange(min = 0, max = 3000) int aliveAfter,
			@ForAll @IntRange(min = 1, max = 7200) int outageSeconds) {
		DutchAuction.Rules rules = rules(1000, 50, 10, stepSeconds);
		Instant alive = rules.startsAt().plusSeconds(aliveAfter);
		Duration outage = Duration.ofSeconds(outageSeconds);
		DutchAuction.Rules resumed = new DutchAuction.Rules(rules.startsAt(), rules.scheduleFrom().plus(outage),
				rules.step(), rules.startingPrice(), rules.floor(), rules.decrement());
		assertThat(resumed.priceAt(alive.plus(outage))).isEqualTo(rules.priceAt(alive));
		assertThat(resumed.end()).isEqualTo(rules.end().plus(outage));
	}
}
