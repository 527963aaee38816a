package org.yiwang.tendering;

import java.time.Instant;
import java.util.UUID;

/** A bidder's question as everyone sees it: never who asked. */
public record QuestionView(UUID id, SectionId section, String text, Instant askedAt, String answer, Instant answeredAt) {

	public boolean answered() {
		return answer != null;
	}
}
