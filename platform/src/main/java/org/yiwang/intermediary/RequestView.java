package org.yiwang.intermediary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;

/**
 * A service request as everyone may see it: a public record. Before the deadline nothing of the quotes or of the
 * draw's seed shows; afterwards the selection, its explanation and (for a draw) the verification record.
 */
public record RequestView(UUID id, TradeCode tradeCode, RegionCode region, UUID owner, String ownerName,
		String serviceType, String title, String scope, BigDecimal feeCeiling, String requiredGrade, Instant deadline,
		SelectionMethod method, Integer priceWeight, DirectBasis directBasis, String directReason, RequestStatus status,
		String seedSha256, String poolSha256, UUID selected, String selectedName, BigDecimal selectedPrice,
		String selectionNote, Instant selectedAt, BigDecimal contractAmount, Instant contractedAt, String deliveryNote,
		Instant deliveredAt, Instant acceptedAt, Instant publishedAt, long version) {

	public boolean drawn() {
		return method == SelectionMethod.RANDOM_DRAW && poolSha256 != null;
	}
}
