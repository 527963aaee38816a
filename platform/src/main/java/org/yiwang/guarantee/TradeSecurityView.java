package org.yiwang.guarantee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.yiwang.registry.EntityId;

/**
 * Staff's view of one trade's bid security: who holds which security, whether the transaction ended and the contract
 * is signed, what was released and refunded, and the claims on it.
 *
 * @param winner empty while the transaction has not ended, or when it ended without a winner
 */
public record TradeSecurityView(RequirementView requirement, boolean ended, EntityId winner, Instant endedAt,
		LocalDate contractSignedOn, List<GuaranteeView> guarantees, List<ArrivalView> arrivals, List<ReleaseView> releases,
		List<RefundView> refunds, List<ClaimView> claims) {

	/** The bidders holding a guarantee or a sub-account arrival, for choosing a winner. */
	public List<EntityId> holders() {
		return java.util.stream.Stream.concat(guarantees.stream().map(GuaranteeView::applicant),
				arrivals.stream().map(ArrivalView::bidder)).distinct().toList();
	}
}
