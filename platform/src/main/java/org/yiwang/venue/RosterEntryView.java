package org.yiwang.venue;

import java.time.Instant;
import java.util.UUID;

/**
 * An expert on an evaluation's roster, seated in one room of the group; the phone-free period runs from check-in to
 * check-out.
 */
public record RosterEntryView(UUID group, String username, String name, UUID booking, String roomName, String siteName,
		boolean certificateRequired, boolean codeIssued, Instant checkedInAt, Instant checkedOutAt) {

	public boolean inside() {
		return checkedInAt != null && checkedOutAt == null;
	}
}
