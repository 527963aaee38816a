package org.yiwang.evaluation;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.tendering.SectionId;

/**
 * A line of the case list.
 *
 * @param representativeOpen true for the tenderer when the table allows a representative and none is named yet
 * @param attempt which evaluation of the round (2, 3, … after a re-evaluation order)
 * @param superseded a re-evaluation order made this attempt history
 */
public record EvaluationCaseSummary(UUID id, SectionId section, int round, String region, String tradeCode,
		String category, String method, String status, Instant scheduledAt, Instant begunAt, int bids,
		boolean committeeSeated, boolean representativeOpen, int attempt, boolean superseded) {
}
