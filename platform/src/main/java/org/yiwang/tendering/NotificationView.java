package org.yiwang.tendering;

import java.time.Instant;
import java.util.UUID;

/** What a bidder is told about a section it took documents of: a clarification, a moved deadline. */
public record NotificationView(UUID id, SectionId section, String messageKey, String argument, Instant createdAt) {
}
