package org.yiwang.purchasing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;

/**
 * A volume-based procurement round's result, published: every bid disclosed with its price, validity and rank, the
 * winners and the volumes allocated to them; or a failed round ({@code decided} false) with too few valid bids.
 */
public record RoundResultPublished(Actor actor, UUID round, CategoryCode category, String title, boolean decided,
		long totalQuantity, Money ceilingPrice, List<RoundBidView> bids, RegionCode region, Instant occurredAt,
		TradeCode tradeCode, String signedText, String signature)
		implements Auditable {

	@Override
	public String action() {
		return "purchasing.round.result";
	}

	@Override
	public String target() {
		return "round:" + round;
	}
}
