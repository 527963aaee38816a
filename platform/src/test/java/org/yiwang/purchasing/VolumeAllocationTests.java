package org.yiwang.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yiwang.kernel.Money;

/** The documented winner and volume rule, on examples and on random rounds. */
class VolumeAllocationTests {

	private static VolumeAllocation.Bid bid(String price, int second) {
		return new VolumeAllocation.Bid(UUID.randomUUID(), Money.of(price), Instant.ofEpochSecond(1_800_000_000L + second));
	}

	@Test
	void shares_the_volume_in_inverse_proportion_to_price_and_gives_the_remainder_to_rank_one() {
		var cheap = bid("60.00", 2);
		var dear = bid("80.00", 1);
		var invalid = bid("120.00", 0);
		var result = VolumeAllocation.allocate(List.of(dear, invalid, cheap), Money.of("100.00"), 2, 1, 1100);
		assertThat(result.decided()).isTrue();
		assertThat(result.outcomes()).extracting(VolumeAllocation.Outcome::bid, VolumeAllocation.Outcome::rank,
				VolumeAllocation.Outcome::winner, VolumeAllocation.Outcome::volume)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(cheap.id(), 1, true, 629L),
					org.assertj.core.groups.Tuple.tuple(dear.id(), 2, true, 471L),
					org.assertj.core.groups.Tuple.tuple(invalid.id(), null, false, 0L));
	}

	@Test
	void equal_prices_rank_by_the_earlier_submission_and_only_n_win() {
		var late = bid("50.00", 9);
		var early = bid("50.00", 1);
		var third = bid("55.00", 0);
		var result = VolumeAllocation.allocate(List.of(late, third, early), Money.of("60.00"), 2, 1, 10);
		assertThat(result.outcomes()).extracting(VolumeAllocation.Outcome::bid).containsExactly(early.id(), late.id(),
				third.id());
		assertThat(result.outcomes()).extracting(VolumeAllocation.Outcome::volume).containsExactly(5L, 5L, 0L);
	}

	@Test
	void too_few_valid_bids_or_no_quantity_fails_the_round() {
		assertThat(VolumeAllocation.allocate(List.of(bid("9.00", 0)), Money.of("8.00"), 1, 1, 100).decided()).isFalse();
		assertThat(VolumeAllocation.allocate(List.of(bid("7.00", 0)), Money.of("8.00"), 1, 1, 0).decided()).isFalse();
		assertThat(VolumeAllocation.allocate(List.of(bid("7.00", 0)), Money.of("8.00"), 1, 2, 100).decided()).isFalse();
	}

	@Test
	void on_random_rounds_the_volumes_add_up_and_a_cheaper_winner_never_gets_less() {
		Random random = new Random(20261207);
		for (int round = 0; round < 2000; round++) {
			List<VolumeAllocation.Bid> bids = new ArrayList<>();
			int count = 1 + random.nextInt(8);
			for (int i = 0; i < count; i++) {
				bids.add(bid(java.math.BigDecimal.valueOf(100 + random.nextInt(20000), 2).toPlainString(), i));
			}
			long total = 1 + random.nextInt(1_000_000);
			var result = VolumeAllocation.allocate(bids, Money.of("150.00"), 1 + random.nextInt(4), 1, total);
			var winners = result.outcomes().stream().filter(VolumeAllocation.Outcome::winner).toList();
			if (!result.decided()) {
				assertThat(winners).isEmpty();
				continue;
			}
			assertThat(winners.stream().mapToLong(VolumeAllocation.Outcome::volume).sum()).isEqualTo(total);
			for (int i = 1; i < winners.size(); i++) {
				assertThat(winners.get(i - 1).volume()).isGreaterThanOrEqualTo(winners.get(i).volume());
			}
		}
	}
}
