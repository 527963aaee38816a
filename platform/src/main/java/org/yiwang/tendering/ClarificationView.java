package org.yiwang.tendering;

import java.time.Instant;
import java.util.UUID;

/**
 * A clarification or amendment of the documents, published to all bidders of the section and signed by the platform.
 *
 * @param affectsBids whether it may affect how bids are prepared (then it may move the deadline)
 */
public record ClarificationView(UUID id, SectionId section, String text, boolean affectsBids, UUID question,
		Instant deadlineBefore, Instant deadlineAfter, UUID noticeId, String issuedBy, Instant issuedAt) {

	public boolean movedDeadline() {
		return deadlineAfter.isAfter(deadlineBefore);
	}
}
