package org.yiwang.procurement;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Money;
import org.yiwang.registry.EntityId;

/** A second-stage order under a framework: who bought how much from whom at what unit price, and its signed record. */
public record FrameworkOrderView(UUID id, UUID framework, EntityId buyer, String buyerName, int quantity, String reason,
		FrameworkOrderStatus status, Instant offerDeadline, EntityId supplier, String supplierName,
		String supplierCreditCode, Money unitPrice, Money amount, String orderText, String orderSignature,
		Instant createdAt, Instant placedAt) {
}
