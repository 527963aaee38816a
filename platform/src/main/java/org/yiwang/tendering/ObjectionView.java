package org.yiwang.tendering;

import java.time.Instant;
import java.util.UUID;

/** An objection (异议) to the tender documents; while any is unanswered the procedure is paused. */
public record ObjectionView(UUID id, SectionId section, String objectorName, String text, Instant raisedAt,
		Instant answerDue, String answer, Instant answeredAt) {

	public boolean open() {
		return answer == null;
	}
}
