package org.yiwang.purchasing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.yiwang.kernel.Money;

/**
 * The rule that picks a round's winners and shares its volume out, as documented in docs/purchasing.md:
 * <ol>
 * <li>A bid is valid when its unit price is at most the ceiling (最高有效申报价).</li>
 * <li>Valid bids rank by price, lowest first; equal prices by the earlier submission.</li>
 * <li>Fewer valid bids than the template's minimum, or no reported quantity: the round fails.</li>
 * <li>The first {@code maxWinners} valid bids win.</li>
 * <li>The total reported quantity Q is shared in inverse proportion to price: winner i gets
 * floor(Q × (1/p<sub>i</sub>) / Σ(1/p<sub>j</sub>)); what rounding leaves goes to rank 1. The cheaper the price, the
 * larger the share, and the shares add up to Q exactly.</li>
 * </ol>
 */
final class VolumeAllocation {

	record Bid(UUID id, Money price, Instant submittedAt) {
	}

	record Outcome(UUID bid, boolean valid, Integer rank, boolean winner, long volume) {
	}

	record Result(boolean decided, List<Outcome> outcomes) {
	}

	private VolumeAllocation() {
	}

	static Result allocate(List<Bid> bids, Money ceiling, int maxWinners, int minBids, long totalQuantity) {
		List<Bid> valid = bids.stream().filter(b -> b.price().compareTo(ceiling) <= 0)
			.sorted(Comparator.comparing(Bid::price).thenComparing(Bid::submittedAt).thenComparing(Bid::id))
			.toList();
		List<Outcome> outcomes = new ArrayList<>();
		boolean decided = valid.size() >= Math.max(1, minBids) && totalQuantity > 0;
		List<Bid> winners = decided ? valid.subList(0, Math.min(maxWinners, valid.size())) : List.of();
		long[] volumes = shares(winners, totalQuantity);
		for (int i = 0; i < valid.size(); i++) {
			boolean winner = i < winners.size();
			outcomes.add(new Outcome(valid.get(i).id(), true, i + 1, winner, winner ? volumes[i] : 0));
		}
		for (Bid b : bids) {
			if (b.price().compareTo(ceiling) > 0) {
				outcomes.add(new Outcome(b.id(), false, null, false, 0));
			}
		}
		return new Result(decided, outcomes);
	}

	private static long[] shares(List<Bid> winners, long total) {
		long[] volumes = new long[winners.size()];
		if (winners.isEmpty()) {
			return volumes;
		}
		BigDecimal sum = BigDecimal.ZERO;
		BigDecimal[] inverse = new BigDecimal[winners.size()];
		for (int i = 0; i < winners.size(); i++) {
			inverse[i] = BigDecimal.ONE.divide(winners.get(i).price().yuan(), 30, RoundingMode.HALF_EVEN);
			sum = sum.add(inverse[i]);
		}
		long given = 0;
		for (int i = 0; i < winners.size(); i++) {
			volumes[i] = BigDecimal.valueOf(total).multiply(inverse[i]).divide(sum, 0, RoundingMode.FLOOR).longValueExact();
			given += volumes[i];
		}
		volumes[0] += total - given;
		return volumes;
	}
}
