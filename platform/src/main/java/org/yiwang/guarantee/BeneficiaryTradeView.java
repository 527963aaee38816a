package org.yiwang.guarantee;

import java.util.List;

import org.yiwang.kernel.Money;
import org.yiwang.registry.EntityId;

/**
 * A trade as its beneficiary (the tenderer) sees it: the securities bidders hold on it, to claim on, and the claims
 * filed. Until the bids are opened the bidders are secret: {@code biddersDisclosed} is false and there are no holders.
 */
public record BeneficiaryTradeView(RequirementView requirement, boolean biddersDisclosed, List<Holder> holders,
		List<ClaimView> claims) {

	/** A bidder's security in force: a guarantee (reference: letter number) or matched cash (the sub-account). */
	public record Holder(EntityId bidder, String bidderName, SecurityForm form, String reference, Money amount) {
	}
}
