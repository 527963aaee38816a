package org.yiwang.tendering;

import java.time.Instant;

import org.yiwang.registry.EntityId;

/** A bidder registered for a section, and how many documents it downloaded. */
public record InterestView(SectionId section, EntityId bidder, String bidderName, Instant registeredAt, int downloads) {
}
