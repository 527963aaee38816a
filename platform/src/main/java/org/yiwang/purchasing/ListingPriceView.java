package org.yiwang.purchasing;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Money;

/**
 * A declared listing price, with the platform's comparison at declaration and staff's decision.
 *
 * @param referencePrice the lowest other-province price known at declaration; null when none
 * @param referenceProvince the province that price is from
 */
public record ListingPriceView(UUID id, ProductView product, Money price, String evidenceName, String evidenceSha256,
		long evidenceSize, PriceFlag flag, Money referencePrice, String referenceProvince, PriceStatus status,
		String declaredBy, Instant declaredAt, String decidedBy, Instant decidedAt, String reason, long version) {

	/** How far above the reference price, in percent with one decimal; null without a reference. */
	public java.math.BigDecimal percentAbove() {
		if (referencePrice == null) {
			return null;
		}
		return price.yuan().subtract(referencePrice.yuan()).multiply(java.math.BigDecimal.valueOf(100))
			.divide(referencePrice.yuan(), 1, java.math.RoundingMode.HALF_UP);
	}
}
