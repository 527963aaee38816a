package org.yiwang.catalog;

/** How bids are evaluated: 综合评分法 or 经评审的最低投标价法. */
public enum EvaluationMethod {
	WEIGHTED_SCORING, LOWEST_EVALUATED_PRICE
}
