package org.yiwang.auction;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.registry.EntityId;

/**
 * A transferee's registration for a listing.
 *
 * @param bidderNumber the anonymous bidder number (竞买号) given at qualification; other bidders see only it
 * @param securityReference the guarantee letter or deposit sub-account found at qualification
 */
public record RegistrationView(UUID id, UUID listing, EntityId transferee, String transfereeName, String registeredBy,
		Instant registeredAt, RegistrationStatus status, String bidderNumber, String securityReference,
		String decidedBy, Instant decidedAt, String refusalReason) {
}
