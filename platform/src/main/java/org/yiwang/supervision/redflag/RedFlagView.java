package org.yiwang.supervision.redflag;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A red flag as stored: the process (trade code, OCDS ocid, title), the indicator and its output, the evidence lines
 * and the public record that made it computable (its notice is the link to the transaction).
 */
public record RedFlagView(String tradeCode, Indicator indicator, String ocid, String title, String region,
		String category, BigDecimal value, List<String> evidence, UUID record, Instant computedAt) {

	/** The process's public OCDS release package. */
	public String releasesUrl() {
		return "/opendata/sections/" + tradeCode + "/releases";
	}

	/** The public record (notice) that triggered the computation. */
	public String noticeUrl() {
		return "/notices/" + record;
	}
}
