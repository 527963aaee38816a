package org.yiwang.purchasing;

import java.time.Instant;

import org.yiwang.kernel.Money;

/**
 * One price a hospital paid for a product, for price monitoring.
 *
 * @param deviates the price is more than {@link HospitalOrders#DEVIATION_PERCENT} percent above the lowest another
 *        hospital paid for the product within the window before it
 */
public record PricePoint(String hospitalName, Instant at, Money unitPrice, Money listingPrice, long quantity,
		boolean deviates) {
}
