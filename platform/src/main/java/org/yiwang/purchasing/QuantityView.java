package org.yiwang.purchasing;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.registry.EntityId;

/** A hospital's reported quantity in a round. */
public record QuantityView(UUID round, EntityId hospital, String hospitalName, long quantity, Instant reportedAt) {
}
