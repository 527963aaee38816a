package org.yiwang.purchasing;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.registry.EntityId;

/** A hospital's order from the catalogue and how far it has come. */
public record OrderView(UUID id, RegionCode region, UUID product, String productName, CategoryCode category,
		EntityId hospital, String hospitalName, EntityId distributor, String distributorName, Money listingPrice,
		Money unitPrice, long quantity, Money amount, OrderStatus status, Instant placedAt, String deliveryNote,
		Instant deliveredAt, Instant receivedAt, String settlementReference, Instant settledAt, long version) {
}
