package org.yiwang.purchasing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.registry.EntityId;

/**
 * A hospital ordered a product at a unit price more than {@link HospitalOrders#DEVIATION_PERCENT} percent above the
 * lowest unit price another hospital paid for the same product within {@link HospitalOrders#DEVIATION_WINDOW_DAYS}
 * days. For the supervision module's alerts; purchasing does not depend on who listens.
 *
 * @param percentAbove how far above the comparison price, in percent, two decimals
 */
public record PriceDeviationFound(Actor actor, UUID order, UUID product, String productName, CategoryCode category,
		EntityId hospital, String hospitalName, Money unitPrice, Money lowestElsewhere, String lowestHospitalName,
		BigDecimal percentAbove, RegionCode region, Instant occurredAt) implements Auditable {

	@Override
	public String action() {
		return "purchasing.price.deviation";
	}

	@Override
	public String target() {
		return "order:" + order;
	}
}
