package org.yiwang.evaluation;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;
import org.yiwang.tendering.SectionId;

/**
 * Staff began a section round's evaluation at its scheduled time: from now on the committee list is unsealed to the
 * region's staff, and the seated experts see the case. The expert draw unseals its own list on this event.
 */
public record EvaluationBegun(Actor actor, UUID caseId, SectionId section, int round, int attempt,
		RegionCode region,
		Instant occurredAt) implements Auditable {

	@Override
	public String action() {
		return "evaluation.case.begun";
	}

	@Override
	public String target() {
		return "section:" + section + "/round:" + round + (attempt > 1 ? "/attempt:" + attempt : "");
	}
}
