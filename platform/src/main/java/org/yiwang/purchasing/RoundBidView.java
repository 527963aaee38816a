package org.yiwang.purchasing;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.registry.EntityId;

/**
 * A supplier's bid in a round. Before the decision {@code price}, {@code valid}, {@code rank}, {@code winner} and
 * {@code volume} are null: the price is sealed.
 */
public record RoundBidView(UUID id, UUID round, EntityId supplier, String supplierName, UUID product,
		String productName, Instant submittedAt, org.yiwang.kernel.Money price, Boolean valid, Integer rank,
		Boolean winner, Long volume) {
}
