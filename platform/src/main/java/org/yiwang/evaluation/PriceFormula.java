package org.yiwang.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the price score is computed, held as data in a scoring table. Rounding, the same everywhere: intermediate
 * ratios and means are kept to 10 decimals (HALF_UP); the benchmark price and every score are rounded to 2 decimals
 * (HALF_UP) once, at the end. Scores are always within [0, weight].
 */
sealed interface PriceFormula {

	int SCALE = 10;

	BigDecimal HUNDRED = new BigDecimal("100");

	/** The weight, i.e. the most a price can score. */
	BigDecimal weight();

	/** The price score of every valid price, in the same keys' order. Prices must be positive. */
	<K> Map<K, BigDecimal> scores(Map<K, BigDecimal> validPrices);

	/**
	 * The government-procurement low-price method (政府采购货物和服务招标投标管理办法 Art. 55): price score = lowest
	 * valid price / bid price × weight.
	 */
	record LowestPrice(BigDecimal weight) implements PriceFormula {

		public <K> Map<K, BigDecimal> scores(Map<K, BigDecimal> validPrices) {
			Map<K, BigDecimal> scores = new LinkedHashMap<>();
			if (validPrices.isEmpty()) {
				return scores;
			}
			BigDecimal lowest = validPrices.values().stream().min(BigDecimal::compareTo).orElseThrow();
			validPrices.forEach((key, price) -> scores.put(key,
					lowest.divide(price, SCALE, RoundingMode.HALF_UP).multiply(weight).setScale(2, RoundingMode.HALF_UP)));
			return scores;
		}
	}

	/**
	 * The benchmark-price method: benchmark = mean of the valid prices × (1 − K), where, if {@code dropExtremes} and at
	 * least five prices are valid, one highest and one lowest are left out of the mean (with fewer the mean of all is
	 * taken: dropping two of three or four would leave too few). A price p deviates by d = |p − benchmark| / benchmark ×
	 * 100 percent; the score is weight − d × (deductionAbove if p is above the benchmark, else deductionBelow),
	 * floored at 0. The deduction is proportional (a deviation of 1.5% deducts 1.5 times the points per 1%).
	 */
	record BenchmarkPrice(BigDecimal weight, BigDecimal k, boolean dropExtremes, BigDecimal deductionAbove,
			BigDecimal deductionBelow) implements PriceFormula {

		static final int DROP_EXTREMES_FROM = 5;

		public <K> Map<K, BigDecimal> scores(Map<K, BigDecimal> validPrices) {
			Map<K, BigDecimal> scores = new LinkedHashMap<>();
			if (validPrices.isEmpty()) {
				return scores;
			}
			BigDecimal benchmark = benchmark(validPrices.values());
			validPrices.forEach((key, price) -> scores.put(key, score(price, benchmark)));
			return scores;
		}

		BigDecimal benchmark(java.util.Collection<BigDecimal> prices) {
			List<BigDecimal> sorted = new ArrayList<>(prices);
			sorted.sort(BigDecimal::compareTo);
			if (dropExtremes && sorted.size() >= DROP_EXTREMES_FROM) {
				sorted = sorted.subList(1, sorted.size() - 1);
			}
			BigDecimal mean = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
				.divide(BigDecimal.valueOf(sorted.size()), SCALE, RoundingMode.HALF_UP);
			return mean.multiply(BigDecimal.ONE.subtract(k)).setScale(2, RoundingMode.HALF_UP);
		}

		BigDecimal score(BigDecimal price, BigDecimal benchmark) {
			BigDecimal difference = price.subtract(benchmark);
			BigDecimal percent = difference.abs().multiply(HUNDRED).divide(benchmark, SCALE, RoundingMode.HALF_UP);
			BigDecimal perPercent = difference.signum() > 0 ? deductionAbove : deductionBelow;
			BigDecimal score = weight.subtract(percent.multiply(perPercent));
			return score.signum() < 0 ? BigDecimal.ZERO.setScale(2) : score.setScale(2, RoundingMode.HALF_UP);
		}
	}
}
