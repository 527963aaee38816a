package org.yiwang.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.yiwang.catalog.EvaluationMethod;

/**
 * One version of a scoring table (评分表), held as data per trading category and method ({@code *} is the default for
 * categories without their own): the technical and business items with their most points, the price formula and its
 * parameters, whether the tenderer may seat a representative, and the outlier rule. A case keeps the version it began
 * with.
 *
 * @param priceFormula {@code LOWEST_PRICE} or {@code BENCHMARK_PRICE}; null under the lowest evaluated price method
 * @param representativeAllowed whether the tenderer names a representative to sit on the committee (招标投标法 Art. 37)
 * @param outlierShare an expert's points for an item are flagged when they differ from the mean of the other members'
 *        points for the same bidder and item by more than this share of the item's most points
 */
public record ScoringTable(String category, EvaluationMethod method, int version, String priceFormula,
		BigDecimal priceWeight, BigDecimal benchmarkK, boolean benchmarkDropsExtremes, BigDecimal deductionAbove,
		BigDecimal deductionBelow, boolean representativeAllowed, BigDecimal outlierShare, Instant effectiveFrom,
		List<Item> items) {

	public ScoringTable {
		items = List.copyOf(items);
	}

	/** A scoring item: technical (技术) or business (商务), scored by each member within [0, maxPoints]. */
	public record Item(String code, String kind, String nameZh, String nameEn, BigDecimal maxPoints) {
	}

	public boolean weighted() {
		return method == EvaluationMethod.WEIGHTED_SCORING;
	}

	PriceFormula formula() {
		if ("BENCHMARK_PRICE".equals(priceFormula)) {
			return new PriceFormula.BenchmarkPrice(priceWeight, benchmarkK, benchmarkDropsExtremes, deductionAbove,
					deductionBelow);
		}
		return new PriceFormula.LowestPrice(priceWeight);
	}

	public Item item(String code) {
		return items.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
	}
}
