package org.yiwang.procurement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/** A procurement case as its reader may see it (suppliers filtered by {@link ProcurementDesk}). */
public record ProcurementView(UUID id, TradeCode tradeCode, RegionCode region, CategoryCode category,
		int templateVersion, ProcurementMethod method, String title, String requirements, Money budget,
		String singleSourceReason, EntityId purchaser, String purchaserName, String purchaserCreditCode,
		Instant submittedAt, ProcurementStatus status, Instant publishedAt, Instant responseDeadline,
		Instant finalOfferDeadline, int rounds, String noticeText, String noticeSignature, String resultText,
		String resultSignature, EntityId winner, String winnerName, Money winnerPrice, String failureReason,
		Instant concludedAt, long version, List<SupplierView> suppliers) {

	ProcurementView withSuppliers(List<SupplierView> visible) {
		return new ProcurementView(id, tradeCode, region, category, templateVersion, method, title, requirements, budget,
				singleSourceReason, purchaser, purchaserName, purchaserCreditCode, submittedAt, status, publishedAt,
				responseDeadline, finalOfferDeadline, rounds, noticeText, noticeSignature, resultText, resultSignature,
				winner, winnerName, winnerPrice, failureReason, concludedAt, version, List.copyOf(visible));
	}

	/** This case in another stage: the status, its deadlines, rounds and notice. */
	ProcurementView moved(ProcurementStatus to, Instant published, Instant responses, Instant finalOffers, int round,
			String notice, String signature) {
		return new ProcurementView(id, tradeCode, region, category, templateVersion, method, title, requirements, budget,
				singleSourceReason, purchaser, purchaserName, purchaserCreditCode, submittedAt, to, published, responses,
				finalOffers, round, notice, signature, resultText, resultSignature, winner, winnerName, winnerPrice,
				failureReason, concludedAt, version, suppliers);
	}

	public boolean ended() {
		return status == ProcurementStatus.CONCLUDED || status == ProcurementStatus.FAILED;
	}
}
