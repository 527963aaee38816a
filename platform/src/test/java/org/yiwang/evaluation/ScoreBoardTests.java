package org.yiwang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yiwang.catalog.EvaluationMethod;

/** Reviews, ranking under both methods with their tie-breaks, the price formulas' figures, and outliers. */
class ScoreBoardTests {

	static final List<String> MEMBERS = List.of("a", "b", "c");

	static ScoringTable weighted(String formula) {
		return new ScoringTable("T", EvaluationMethod.WEIGHTED_SCORING, 1, formula, new BigDecimal("30"),
				new BigDecimal("0.02"), true, new BigDecimal("1.00"), new BigDecimal("0.50"), false, new BigDecimal("0.30"),
				Instant.EPOCH, List.of(new ScoringTable.Item("TECH", "TECHNICAL", "技术", "Technical", new BigDecimal("40")),
						new ScoringTable.Item("BIZ", "BUSINESS", "商务", "Business", new BigDecimal("30"))));
	}

	static final ScoringTable LOWEST = new ScoringTable("T", EvaluationMethod.LOWEST_EVALUATED_PRICE, 1, null,
			BigDecimal.ZERO, BigDecimal.ZERO, false, BigDecimal.ZERO, BigDecimal.ZERO, false, new BigDecimal("0.30"),
			Instant.EPOCH, List.of());

	static ScoreBoard.Bid bid(String name, String price, int position) {
		return new ScoreBoard.Bid(UUID.nameUUIDFromBytes(name.getBytes()), UUID.randomUUID(), name, null,
				price == null ? null : new BigDecimal(price), position);
	}

	static List<ScoreBoard.Vote> allPass(List<ScoreBoard.Bid> bids) {
		List<ScoreBoard.Vote> votes = new ArrayList<>();
		for (ScoreBoard.Bid b : bids) {
			if (b.opened()) {
				for (String m : MEMBERS) {
					votes.add(new ScoreBoard.Vote(ScoreBoard.QUALIFICATION, b.bidId(), m, true, null));
					votes.add(new ScoreBoard.Vote(ScoreBoard.RESPONSIVENESS, b.bidId(), m, true, null));
				}
			}
		}
		return votes;
	}

	static List<ScoreBoard.Points> same(ScoreBoard.Bid bid, String tech, String biz) {
		List<ScoreBoard.Points> points = new ArrayList<>();
		for (String m : MEMBERS) {
			points.add(new ScoreBoard.Points(m, bid.bidId(), "TECH", new BigDecimal(tech)));
			points.add(new ScoreBoard.Points(m, bid.bidId(), "BIZ", new BigDecimal(biz)));
		}
		return points;
	}

	@Test
	void a_bid_is_out_when_more_than_half_fail_it_and_a_tie_keeps_it_in() {
		ScoreBoard.Bid x = bid("x", "100.00", 1);
		List<ScoreBoard.Vote> votes = List.of(new ScoreBoard.Vote(ScoreBoard.QUALIFICATION, x.bidId(), "a", false, "无资质"),
				new ScoreBoard.Vote(ScoreBoard.QUALIFICATION, x.bidId(), "b", false, "无资质"));
		ScoreBoard pending = new ScoreBoard(LOWEST, MEMBERS, List.of(x), votes, List.of());
		assertThat(pending.outcome(ScoreBoard.QUALIFICATION, x.bidId())).isEqualTo(ScoreBoard.Outcome.PENDING);
		List<ScoreBoard.Vote> all = new ArrayList<>(votes);
		all.add(new ScoreBoard.Vote(ScoreBoard.QUALIFICATION, x.bidId(), "c", true, null));
		ScoreBoard decided = new ScoreBoard(LOWEST, MEMBERS, List.of(x), all, List.of());
		assertThat(decided.outcome(ScoreBoard.QUALIFICATION, x.bidId())).isEqualTo(ScoreBoard.Outcome.FAILED);
		assertThat(decided.reviewed(ScoreBoard.RESPONSIVENESS)).isEmpty();
		assertThat(decided.reviewsComplete()).isTrue();
		assertThat(decided.valid()).isEmpty();

		List<String> four = List.of("a", "b", "c", "d");
		List<ScoreBoard.Vote> tie = new ArrayList<>(all);
		tie.set(1, new ScoreBoard.Vote(ScoreBoard.QUALIFICATION, x.bidId(), "b", true, null));
		tie.add(new ScoreBoard.Vote(ScoreBoard.QUALIFICATION, x.bidId(), "d", false, "缺少证书"));
		assertThat(new ScoreBoard(LOWEST, four, List.of(x), tie, List.of()).outcome(ScoreBoard.QUALIFICATION, x.bidId()))
			.as("2 of 4 failing is no majority").isEqualTo(ScoreBoard.Outcome.PASSED);
	}

	@Test
	void lowest_evaluated_price_ranks_by_price_then_by_the_earlier_bid_and_skips_undecrypted_bids() {
		ScoreBoard.Bid late = bid("late", "900.00", 3);
		ScoreBoard.Bid early = bid("early", "900.00", 1);
		ScoreBoard.Bid dear = bid("dear", "800.50", 2);
		ScoreBoard.Bid sealed = bid("sealed", null, 4);
		List<ScoreBoard.Bid> bids = List.of(early, dear, late, sealed);
		List<ScoreBoard.Ranked> ranking = new ScoreBoard(LOWEST, MEMBERS, bids, allPass(bids), List.of()).ranking();
		assertThat(ranking).extracting(r -> r.bid().bidderName()).containsExactly("dear", "early", "late");
		assertThat(ranking).extracting(ScoreBoard.Ranked::rank).containsExactly(1, 2, 3);
		assertThat(ranking.get(0).total()).isNull();
	}

	@Test
	void weighted_scoring_adds_the_mean_quality_points_to_the_low_price_score() {
		ScoreBoard.Bid a = bid("a", "1000.00", 1);
		ScoreBoard.Bid b = bid("b", "800.00", 2);
		List<ScoreBoard.Points> points = new ArrayList<>(same(a, "40", "30"));
		points.addAll(same(b, "30", "20"));
		List<ScoreBoard.Bid> bids = List.of(a, b);
		List<ScoreBoard.Ranked> ranking = new ScoreBoard(weighted("LOWEST_PRICE"), MEMBERS, bids, allPass(bids), points)
			.ranking();
		// a: 70 + 800/1000 × 30 = 94.00; b: 50 + 30 = 80.00
		assertThat(ranking.get(0).bid()).isEqualTo(a);
		assertThat(ranking.get(0).priceScore()).isEqualByComparingTo("24.00");
		assertThat(ranking.get(0).total()).isEqualByComparingTo("94.00");
		assertThat(ranking.get(1).total()).isEqualByComparingTo("80.00");
	}

	@Test
	void equal_totals_rank_the_lower_price_first_then_the_earlier_bid() {
		ScoreBoard.Bid first = bid("first", "1000.00", 1);
		ScoreBoard.Bid second = bid("second", "1000.00", 2);
		ScoreBoard.Bid cheaper = bid("cheaper", "900.00", 3);
		List<ScoreBoard.Points> points = new ArrayList<>(same(first, "36", "30"));
		points.addAll(same(second, "36", "30"));
		points.addAll(same(cheaper, "33", "30")); // 63 + 30 = 93 = 66 + 27
		List<ScoreBoard.Bid> bids = List.of(first, second, cheaper);
		List<ScoreBoard.Ranked> ranking = new ScoreBoard(weighted("LOWEST_PRICE"), MEMBERS, bids, allPass(bids), points)
			.ranking();
		assertThat(ranking).extracting(ScoreBoard.Ranked::total).allMatch(t -> t.compareTo(new BigDecimal("93.00")) == 0);
		assertThat(ranking).extracting(r -> r.bid().bidderName()).containsExactly("cheaper", "first", "second");
	}

	@Test
	void the_benchmark_drops_the_extremes_from_five_prices_and_deducts_per_percent() {
		PriceFormula.BenchmarkPrice formula = (PriceFormula.BenchmarkPrice) weighted("BENCHMARK_PRICE").formula();
		Map<String, BigDecimal> prices = new LinkedHashMap<>();
		prices.put("p1", new BigDecimal("100"));
		prices.put("p2", new BigDecimal("200"));
		prices.put("p3", new BigDecimal("200"));
		prices.put("p4", new BigDecimal("200"));
		prices.put("p5", new BigDecimal("1000"));
		// mean of 200, 200, 200 = 200; × (1 − 0.02) = 196.00
		assertThat(formula.benchmark(prices.values())).isEqualByComparingTo("196.00");
		Map<String, BigDecimal> scores = formula.scores(prices);
		// 200 is 2.0408…% above: 30 − 2.04 = 27.96; 100 is 48.98% below: 30 − 24.49 = 5.51; 1000 far above: 0
		assertThat(scores.get("p2")).isEqualByComparingTo("27.96");
		assertThat(scores.get("p1")).isEqualByComparingTo("5.51");
		assertThat(scores.get("p5")).isEqualByComparingTo("0.00");
		// with four prices nothing is dropped: mean 175 × 0.98 = 171.50
		assertThat(formula.benchmark(List.of(new BigDecimal("100"), new BigDecimal("200"), new BigDecimal("200"),
				new BigDecimal("200")))).isEqualByComparingTo("171.50");
	}

	@Test
	void an_expert_far_from_the_others_mean_is_flagged_and_one_within_the_share_is_not() {
		List<String> members = List.of("a", "b", "c", "d");
		ScoreBoard.Bid x = bid("x", "100.00", 1);
		List<ScoreBoard.Points> points = List.of(new ScoreBoard.Points("a", x.bidId(), "TECH", new BigDecimal("35")),
				new ScoreBoard.Points("b", x.bidId(), "TECH", new BigDecimal("36")),
				new ScoreBoard.Points("c", x.bidId(), "TECH", new BigDecimal("34")),
				new ScoreBoard.Points("d", x.bidId(), "TECH", new BigDecimal("10")),
				new ScoreBoard.Points("a", x.bidId(), "BIZ", new BigDecimal("20")),
				new ScoreBoard.Points("b", x.bidId(), "BIZ", new BigDecimal("21")),
				new ScoreBoard.Points("c", x.bidId(), "BIZ", new BigDecimal("22")),
				new ScoreBoard.Points("d", x.bidId(), "BIZ", new BigDecimal("29")));
		// TECH: d is 25 below the others' 35 (limit 0.3 × 40 = 12); BIZ: d is 8 above 21 (limit 9): not flagged
		List<ScoreBoard.Outlier> outliers = new ScoreBoard(weighted("LOWEST_PRICE"), members, List.of(x), List.of(), points)
			.outliers();
		assertThat(outliers).singleElement().satisfies(o -> {
			assertThat(o.member()).isEqualTo("d");
			assertThat(o.item()).isEqualTo("TECH");
			assertThat(o.othersMean()).isEqualByComparingTo("35.00");
		});
	}
}
