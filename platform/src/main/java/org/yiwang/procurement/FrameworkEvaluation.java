package org.yiwang.procurement;

/**
 * How a closed framework agreement's first stage picks its entrants (财政部令第110号): by price alone, lowest first
 * (价格优先法), or by the team's quality score, best first, price breaking ties (质量优先法). Either way every response
 * at or under the maximum unit price counts and at least one in five is eliminated, at least one.
 */
public enum FrameworkEvaluation {
	PRICE_FIRST, QUALITY_FIRST
}
