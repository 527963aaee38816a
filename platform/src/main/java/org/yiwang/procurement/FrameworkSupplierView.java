package org.yiwang.procurement;

import java.math.BigDecimal;
import java.time.Instant;

import org.yiwang.kernel.Money;
import org.yiwang.registry.EntityId;

/**
 * A supplier's response to a framework's call as its reader may see it: the unit price only once the entrants were
 * selected (null while sealed), the response text only to the team and the supplier itself.
 */
public record FrameworkSupplierView(EntityId supplier, String name, String creditCode, Instant respondedAt,
		String responseText, Money unitPrice, BigDecimal qualityScore, Integer rank, boolean entered) {
}
