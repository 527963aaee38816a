package org.yiwang.servicedesk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The rectification a bad rating opened: its deadline, the staff's reply and the revisit of the user. */
public record RectificationView(UUID request, Instant openedAt, LocalDate dueOn, RectificationStatus status, String reply,
		String repliedBy, Instant repliedAt, RevisitOutcome revisit, String revisitNote, String revisitedBy,
		Instant revisitedAt, long version) {
}
