package org.yiwang.tendering;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.registry.EntityId;

/** A tenderer's mandate to an agency: the agency may register and run the tenderer's tenders. */
public record MandateView(UUID id, EntityId tenderer, String tendererName, EntityId agency, String agencyName, String scope,
		String recordedBy, Instant recordedAt) {
}
