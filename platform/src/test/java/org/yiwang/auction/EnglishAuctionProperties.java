package org.yiwang.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * The English auction's rules on random bid sequences and random clocks: the price strictly increases, the end is
 * the last valid bid in the timed period plus the countdown, nothing is accepted at or after the end, and the winner
 * is the highest valid bid if it reaches the reserve.
 */
class EnglishAuctionProperties {

	/** A bid attempt: who, how far above (or below) the minimum, and how many milliseconds after the last attempt. */
	record Attempt(int bidder, long centsFromMinimum, long afterMillis) {
	}

	@Provide
	Arbitrary<List<Attempt>> attempts() {
		Arbitrary<Attempt> attempt = Combinators.combine(Arbitraries.integers().between(1, 5),
				Arbitraries.longs().between(-50_000, 200_000), Arbitraries.longs().between(0, 400_000))
			.as(Attempt::new);
		return attempt.list().ofMaxSize(60);
	}

	@Property(tries = 400)
	void the_rules_hold_for_any_bids_and_clock(@ForAll("attempts") List<Attempt> attempts,
			@ForAll @IntRange(min = 0, max = 600) int freeSeconds, @ForAll @IntRange(min = 1, max = 600) int countdownSeconds,
			@ForAll @IntRange(min = 0, max = 300) int reserveAboveStartHundreds) {
		Instant start = Instant.parse("2026-11-27T02:00:00Z");
		Money starting = Money.of("1000.00");
		Money increment = Money.of("10.50");
		Money reserve = starting.plus(Money.of(new BigDecimal(reserveAboveStartHundreds * 100)));
		Duration countdown = Duration.ofSeconds(countdownSeconds);
		EnglishAuction.Rules rules = new EnglishAuction.Rules(start, start.plusSeconds(freeSeconds), countdown, starting,
				reserve, increment);
		EnglishAuction auction = new EnglishAuction(rules);

		Instant now = start.minusSeconds(30);
		List<AuctionEngine.Accepted> accepted = new ArrayList<>();
		Instant expectedEnd = rules.initialEnd();
		for (Attempt a : attempts) {
			now = now.plusMillis(a.afterMillis());
			if (auction.isDue(now)) {
				auction.close();
			}
			Money minimum = auction.minimumBid();
			Money amount = Money.of(minimum.yuan().add(BigDecimal.valueOf(a.centsFromMinimum(), 2)));
			Money before = auction.price();
			AuctionEngine.Snapshot state = auction.snapshot();
			AuctionEngine.Decision decision = auction.offer("B" + a.bidder(), amount, now);
			boolean shouldAccept = !now.isBefore(start) && now.isBefore(expectedEnd) && !state.closed()
					&& a.centsFromMinimum() >= 0 && amount.yuan().compareTo(
							(before == null ? starting : before).yuan().multiply(EnglishAuction.ABSURD_FACTOR)) <= 0;
			assertThat(decision.isAccepted()).as("at %s, %s against minimum %s", now, amount, minimum).isEqualTo(shouldAccept);
			if (decision.isAccepted()) {
				assertThat(before == null || amount.compareTo(before) > 0).as("the price strictly increases").isTrue();
				assertThat(amount.isAtLeast(before == null ? starting : before.plus(increment))).isTrue();
				if (!now.isBefore(rules.timedFrom())) {
					expectedEnd = now.plus(countdown);
				}
				assertThat(auction.endsAt()).as("the end is the last timed bid plus the countdown").isEqualTo(expectedEnd);
				assertThat(decision.accepted().seq()).isEqualTo(accepted.size() + 1);
				accepted.add(decision.accepted());
			}
			else {
				assertThat(auction.snapshot()).as("a refused bid changes nothing").isEqualTo(state);
				if (!now.isBefore(expectedEnd)) {
					assertThat(decision.refusal()).isEqualTo(BidRefusal.ENDED);
				}
			}
		}
		Instant after = expectedEnd.plusMillis(1);
		assertThat(auction.closed() || auction.isDue(after)).as("due once the countdown ran out").isTrue();
		auction.close();
		assertThat(auction.offer("B9", Money.of("99999999.00"), after).refusal()).isEqualTo(BidRefusal.ENDED);
		if (accepted.isEmpty()) {
			assertThat(auction.sold()).isFalse();
		}
		else {
			AuctionEngine.Accepted highest = accepted.get(accepted.size() - 1);
			assertThat(accepted).allMatch(b -> b.amount().compareTo(highest.amount()) <= 0);
			assertThat(auction.leader()).isEqualTo(highest.bidder());
			assertThat(auction.sold()).isEqualTo(highest.amount().isAtLeast(reserve));
		}
	}

	@Property(tries = 200)
	void a_judicial_auction_ends_five_minutes_after_a_bid_in_its_last_five_minutes(
			@ForAll @IntRange(min = 0, max = 300) int secondsBeforeEnd) {
		Instant start = Instant.parse("2026-11-27T02:00:00Z");
		Instant scheduledEnd = start.plus(Duration.ofHours(24));
		EnglishAuction auction = new EnglishAuction(new EnglishAuction.Rules(start, scheduledEnd.minusSeconds(300),
				Duration.ofMinutes(5), Money.of("100000.00"), Money.of("100000.00"), Money.of("1000.00")));
		Instant bidAt = scheduledEnd.minusSeconds(secondsBeforeEnd).minusMillis(secondsBeforeEnd == 0 ? 1 : 0);
		assertThat(auction.offer("A", Money.of("100000.00"), start.plusSeconds(60)).isAccepted()).isTrue();
		assertThat(auction.endsAt()).as("a bid before the last five minutes moves nothing").isEqualTo(scheduledEnd);
		assertThat(auction.offer("B", Money.of("101000.00"), bidAt).isAccepted()).isTrue();
		assertThat(auction.endsAt()).isEqualTo(bidAt.plus(Duration.ofMinutes(5)));
	}

	@Property(tries = 200)
	void typed_amounts_are_refused_with_their_reason(@ForAll("badAmounts") String text) {
		Object parsed = AuctionHall.amount(text);
		assertThat(parsed).isInstanceOf(BidRefusal.class);
	}

	@Provide
	Arbitrary<String> badAmounts() {
		return Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
				Arbitraries.longs().between(-1_000_000, 0).map(String::valueOf),
				Arbitraries.longs().between(1, 1_000_000).map(v -> v + ".001"),
				Arbitraries.just("1e30"), Arbitraries.just("1" + "0".repeat(25)), Arbitraries.just(""),
				Arbitraries.just("12,000.00"));
	}
}
