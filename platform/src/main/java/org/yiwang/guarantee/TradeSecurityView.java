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

	/**
	 * The holders as staff recognise them when choosing a winner: the applicant's credit code on a guarantee, the
	 * payer's name on a deposit (never the registry's internal id).
	 */
	public List<Holder> holderChoices() {
		java.util.Map<EntityId, String> labels = new java.util.LinkedHashMap<>();
		guarantees.forEach(g -> labels.putIfAbsent(g.applicant(), g.applicantCreditCode()));
		arrivals.stream().filter(a -> a.bidder() != null)
			.forEach(a -> labels.putIfAbsent(a.bidder(), a.payerName() + " · " + a.accountNumber()));
		return labels.entrySet().stream().map(e -> new Holder(e.getKey(), e.getValue())).toList();
	}

	/** A bidder holding security on the trade, and what it is shown as. */
	public record Holder(EntityId id, String label) {
	}

	/** The bidders holding a guarantee or a sub-account arrival, for choosing a winner. */
	public List<EntityId> holders() {
		return java.util.stream.Stream.concat(guarantees.stream().map(GuaranteeView::applicant),
				arrivals.stream().map(ArrivalView::bidder)).distinct().toList();
	}
}
