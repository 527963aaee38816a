package org.yiwang.evaluation;

import java.time.Instant;
import java.util.UUID;

/** An expert's own invitation to evaluate a section (what the expert sees in the workspace). */
public record DrawInvitation(UUID draw, int pick, String tradeCode, String specialty, Instant evaluationAt,
		DrawOutcome outcome) {
}
