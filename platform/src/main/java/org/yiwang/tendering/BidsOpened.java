package org.yiwang.tendering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/**
 * A section's opening record was signed and published: the bids go to evaluation. The evaluation module starts its
 * work from this; the public record itself reaches the portal as a {@link NoticePublished} of type
 * {@link NoticeType#OPENING_RECORD}.
 *
 * @param openingRecordId the id of the signed opening record (its public address is {@code /notices/{id}})
 * @param bids every bid of the round, decrypted or not, in the order read out
 */
public record BidsOpened(Actor actor, SectionId section, TradeCode tradeCode, int round, RegionCode region,
		CategoryCode category, EntityId tenderer, Money estimatedPrice, List<OpenedBid> bids, UUID openingRecordId,
		Instant occurredAt) implements Auditable {

	public BidsOpened {
		bids = List.copyOf(bids);
	}

	@Override
	public String action() {
		return "tendering.bids.opened";
	}

	@Override
	public String target() {
		return "section:" + section;
	}
}
