package org.yiwang.procurement;

import java.time.Instant;

import org.yiwang.kernel.Money;
import org.yiwang.registry.EntityId;

/**
 * An invited supplier as the reader may see it: amounts only once opened ({@code null} while sealed), whether it
 * responded and sealed a final offer.
 */
public record SupplierView(EntityId supplier, String name, String creditCode, Instant respondedAt, String responseText,
		boolean offerSealed, Money firstOffer, Instant finalOfferAt, Money finalOffer, java.math.BigDecimal technicalScore) {

	public boolean responded() {
		return respondedAt != null;
	}
}
