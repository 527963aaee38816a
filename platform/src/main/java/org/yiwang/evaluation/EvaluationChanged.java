package org.yiwang.evaluation;

import java.time.Instant;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;

/**
 * A step of an evaluation case, for the audit log: a leader vote, a review vote, points saved, a sheet or the report
 * signed, a clarification asked or answered, or a refused attempt at any of these. The detail names what changed,
 * never the points or votes themselves (staff read the log, and must not see scores before the report).
 *
 * @param action {@code evaluation.<thing>.<verb>}, or {@code evaluation.refused.<attempted>} with the reason's key
 */
public record EvaluationChanged(Actor actor, String action, String target, String detail, RegionCode region,
		Instant occurredAt) implements Auditable {
}
