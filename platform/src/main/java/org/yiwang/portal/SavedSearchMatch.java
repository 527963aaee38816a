package org.yiwang.portal;

import java.time.Instant;
import java.util.UUID;

/** A record that matched a saved search when it was published. */
public record SavedSearchMatch(UUID savedSearchId, PublicRecord record, Instant matchedAt, boolean seen) {
}
