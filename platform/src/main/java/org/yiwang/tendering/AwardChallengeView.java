package org.yiwang.tendering;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.registry.EntityId;

/**
 * An objection (异议) to the tenderer against the evaluation result, raised during the publicity and answered within
 * 3 days; or a complaint (投诉) to the regulator, recorded for the supervision module.
 *
 * @param kind {@code OBJECTION} or {@code COMPLAINT}
 * @param answerDue when the tenderer must have answered an objection; null for a complaint
 */
public record AwardChallengeView(UUID id, SectionId section, String kind, EntityId party, String partyName,
		String text, Instant raisedAt, Instant answerDue, String answer, Instant answeredAt) {

	public boolean open() {
		return answer == null;
	}

	public boolean complaint() {
		return "COMPLAINT".equals(kind);
	}

	/** Answered after its due time, or still unanswered past it at {@code now}. */
	public boolean lateAt(Instant now) {
		return answerDue != null && (answeredAt == null ? now.isAfter(answerDue) : answeredAt.isAfter(answerDue));
	}
}
