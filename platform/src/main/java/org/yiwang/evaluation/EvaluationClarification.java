package org.yiwang.evaluation;

import java.time.Instant;
import java.util.UUID;

/** A committee's question to a bidder, as the bidder sees it: only its own. */
public record EvaluationClarification(UUID id, String tradeCode, int round, String question, Instant deadline,
		Instant askedAt, String answer, Instant answeredAt, boolean open) {
}
