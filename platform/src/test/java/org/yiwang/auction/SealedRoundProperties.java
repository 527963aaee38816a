package org.yiwang.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.yiwang.kernel.Money;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The sealed-price round's rules on random submissions: nothing is disclosed before the close (no price, no leader,
 * and no disclosure is possible), each bidder's first valid price is its only one, and at the close the highest price
 * wins, the earliest on ties, and only at or above the reserve.
 */
class SealedRoundProperties {

	record Attempt(int bidder, int hundreds, long afterMillis) {
	}

	@Provide
	Arbitrary<List<Attempt>> attempts() {
		// Few distinct amounts, so ties happen.
		return Combinators.combine(Arbitraries.integers().between(1, 8), Arbitraries.integers().between(-5, 120),
				Arbitraries.longs().between(0, 600_000)).as(Attempt::new).list().ofMaxSize(40);
	}

	@Property(tries = 400)
	void one_price_each_nothing_disclosed_before_the_close_and_the_highest_earliest_wins(
			@ForAll("attempts") List<Attempt> attempts, @ForAll @IntRange(min = 0, max = 60) int reserveAboveHundreds,
			@ForAll @IntRange(min = 1, max = 3600) int windowSeconds) {
		Instant start = Instant.parse("2026-11-27T02:00:00Z");
		Money starting = Money.of("1000.00");
		Money reserve = starting.plus(Money.of(new BigDecimal(reserveAboveHundreds * 100)));
		SealedRound round = new SealedRound(new SealedRound.Rules(start, start.plusSeconds(windowSeconds), starting, reserve));
		Instant now = start.minusSeconds(10);
		Set<String> sealed = new HashSet<>();
		List<SealedRound.Disclosed> valid = new ArrayList<>();
		for (Attempt a : attempts) {
			now = now.plusMillis(a.afterMillis());
			String bidder = "B" + a.bidder();
			Money amount = a.hundreds() <= 0 ? null : Money.of(new BigDecimal(a.hundreds() * 100));
			AuctionEngine.Snapshot before = round.snapshot();
			AuctionEngine.Decision d = round.offer(bidder, amount, now);
			boolean inWindow = !now.isBefore(start) && now.isBefore(round.endsAt());
			boolean acceptable = inWindow && !sealed.contains(bidder) && amount != null && amount.isAtLeast(starting)
					&& amount.yuan().compareTo(starting.yuan().multiply(BigDecimal.TEN)) <= 0;
			assertThat(d.isAccepted()).isEqualTo(acceptable);
			if (acceptable) {
				sealed.add(bidder);
				valid.add(new SealedRound.Disclosed(d.accepted().seq(), bidder, amount, now));
			}
			else {
				assertThat(round.snapshot()).as("a refusal changes nothing").isEqualTo(before);
				if (inWindow && sealed.contains(bidder)) {
					assertThat(d.refusal()).isEqualTo(BidRefusal.ALREADY_SEALED);
				}
			}
			// Before the close nothing is known: no price, no leader, and disclosure is refused.
			assertThat(round.price()).isNull();
			assertThat(round.leader()).isNull();
			assertThatThrownBy(() -> round.disclose(valid)).isInstanceOf(IllegalStateException.class);
		}
		assertThat(round.lastSeq()).isEqualTo(sealed.size());
		round.close();
		round.disclose(valid);
		SealedRound.Disclosed best = valid.stream()
			.max(Comparator.comparing(SealedRound.Disclosed::amount)
				.thenComparing(Comparator.comparingLong(SealedRound.Disclosed::seq).reversed()))
			.orElse(null);
		if (best == null) {
			assertThat(round.sold()).isFalse();
			return;
		}
		assertThat(round.leader()).isEqualTo(best.bidder());
		assertThat(valid.stream().filter(v -> v.amount().compareTo(best.amount()) == 0).mapToLong(v -> v.seq()).min()
			.getAsLong()).as("the earliest of the highest").isEqualTo(best.seq());
		assertThat(round.sold()).isEqualTo(best.amount().isAtLeast(reserve));
	}
}
