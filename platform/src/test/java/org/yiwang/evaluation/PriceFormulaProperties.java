package org.yiwang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The price formulas keep their promises whatever the prices and parameters. */
class PriceFormulaProperties {

	@Provide
	Arbitrary<BigDecimal> prices() {
		return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("9999999999.99")).ofScale(2);
	}

	@Provide
	Arbitrary<PriceFormula> formulas() {
		Arbitrary<BigDecimal> weight = Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("100")).ofScale(2);
		Arbitrary<PriceFormula> low = weight.map(PriceFormula.LowestPrice::new);
		Arbitrary<PriceFormula> benchmark = Combinators.combine(weight,
				Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.2")).ofScale(4), Arbitraries.of(true, false),
				Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5")).ofScale(2),
				Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5")).ofScale(2))
			.as(PriceFormula.BenchmarkPrice::new);
		return Arbitraries.oneOf(low, benchmark);
	}

	@Property
	void every_score_is_within_zero_and_the_weight(@ForAll("formulas") PriceFormula formula,
			@ForAll @Size(min = 1, max = 12) List<@From("prices") BigDecimal> prices) {
		for (BigDecimal score : formula.scores(keyed(prices)).values()) {
			assertThat(score).isBetween(BigDecimal.ZERO, formula.weight());
			assertThat(score.scale()).isEqualTo(2);
		}
	}

	@Property
	void under_the_low_price_method_a_lower_price_never_scores_lower(
			@ForAll @Size(min = 2, max = 12) List<@From("prices") BigDecimal> prices) {
		PriceFormula formula = new PriceFormula.LowestPrice(new BigDecimal("30"));
		Map<Integer, BigDecimal> keyed = keyed(prices);
		Map<Integer, BigDecimal> scores = formula.scores(keyed);
		for (int a : keyed.keySet()) {
			for (int b : keyed.keySet()) {
				if (keyed.get(a).compareTo(keyed.get(b)) < 0) {
					assertThat(scores.get(a)).isGreaterThanOrEqualTo(scores.get(b));
				}
			}
		}
		assertThat(scores.values()).contains(new BigDecimal("30.00"));
	}

	@Property
	void the_benchmark_deductions_grow_away_from_the_benchmark(@ForAll("formulas") PriceFormula any,
			@ForAll("prices") BigDecimal benchmark, @ForAll("prices") BigDecimal p, @ForAll("prices") BigDecimal q) {
		if (!(any instanceof PriceFormula.BenchmarkPrice formula)) {
			return;
		}
		BigDecimal nearer = p.subtract(benchmark).abs().compareTo(q.subtract(benchmark).abs()) <= 0 ? p : q;
		BigDecimal farther = nearer == p ? q : p;
		boolean sameSide = nearer.compareTo(benchmark) >= 0 == farther.compareTo(benchmark) >= 0;
		if (sameSide) {
			assertThat(formula.score(nearer, benchmark)).isGreaterThanOrEqualTo(formula.score(farther, benchmark));
		}
		assertThat(formula.score(benchmark, benchmark)).isEqualByComparingTo(formula.weight());
	}

	private static Map<Integer, BigDecimal> keyed(List<BigDecimal> prices) {
		Map<Integer, BigDecimal> keyed = new LinkedHashMap<>();
		for (int i = 0; i < prices.size(); i++) {
			keyed.put(i, prices.get(i));
		}
		return keyed;
	}
}
