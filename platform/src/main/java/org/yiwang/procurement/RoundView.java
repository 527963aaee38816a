package org.yiwang.procurement;

import java.time.Instant;

import org.yiwang.registry.EntityId;

/** What the team said to one supplier in one negotiation round. */
public record RoundView(int round, EntityId supplier, String supplierName, String note, String recordedBy,
		Instant recordedAt) {
}
