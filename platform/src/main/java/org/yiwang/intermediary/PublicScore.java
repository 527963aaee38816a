package org.yiwang.intermediary;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An intermediary's public score, explainable: the mean of each dimension over all its ratings, and the overall score
 * as the mean of the three means (each 1–5), shown on 100 as overall × 20. With no rating yet there is no score; the
 * price–quality selection then counts the neutral 3.00.
 */
public record PublicScore(int ratings, BigDecimal quality, BigDecimal timeliness, BigDecimal attitude) {

	static final BigDecimal NEUTRAL = new BigDecimal("3.00");

	public boolean rated() {
		return ratings > 0;
	}

	/** The overall score 1–5 (two decimals); the neutral 3.00 when unrated. */
	public BigDecimal overall() {
		if (!rated()) {
			return NEUTRAL;
		}
		return quality.add(timeliness).add(attitude).divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP);
	}

	/** The overall score on 100. */
	public BigDecimal outOfHundred() {
		return overall().multiply(BigDecimal.valueOf(20)).setScale(1, RoundingMode.HALF_UP);
	}
}
