package org.yiwang.tendering;

import java.time.Instant;
import java.util.List;

import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/**
 * Who is party to a section once its bid deadline has passed: the tenderer, its agency and every bidder whose bid
 * stands. The expert draw avoids their employees; nobody sees the bidders before the deadline.
 *
 * @param round the tendering round (1, then 2, … after a failed round is re-tendered)
 * @param agency null when the tenderer acts itself
 * @param bidders the entities with a receipted, not withdrawn bid in this round
 */
public record SectionParties(SectionId section, TradeCode tradeCode, int round, RegionCode region,
		CategoryCode category, EntityId tenderer, EntityId agency, List<EntityId> bidders, Instant bidDeadline) {

	public SectionParties {
		bidders = List.copyOf(bidders);
	}
}
