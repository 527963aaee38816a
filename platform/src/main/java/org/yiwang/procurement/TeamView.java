package org.yiwang.procurement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yiwang.evaluation.DrawStatus;

/**
 * A case's team as its reader may see it: the purchaser's representatives by name, the experts' seats and how the
 * draw stands; the experts' names only once the draw is revealed (when the team opens the responses), as in a tender.
 *
 * @param draw the expert draw (its public verification record is {@code /draws/{draw}/verification.json} once revealed)
 */
public record TeamView(UUID procurement, UUID draw, List<String> representatives, int experts, DrawStatus drawStatus,
		int accepted, List<String> expertNames, boolean revealed, Instant evaluationAt, String requestedBy,
		Instant requestedAt) {

	public int size() {
		return representatives.size() + experts;
	}

	/** Whether every expert seat has accepted: the team may sit. */
	public boolean seated() {
		return drawStatus == DrawStatus.COMPLETE;
	}
}
