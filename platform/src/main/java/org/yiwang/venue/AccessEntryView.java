package org.yiwang.venue;

import java.time.Instant;
import java.util.UUID;

/** One line of an evaluation room's door log: an entry, an exit, or a refused attempt and why. */
public record AccessEntryView(UUID id, UUID booking, String username, String action, String reason, String recordedBy,
		Instant at) {
}
