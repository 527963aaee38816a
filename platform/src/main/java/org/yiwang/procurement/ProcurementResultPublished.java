package org.yiwang.procurement;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;

/**
 * A case ended and its result was published (成交结果公告, 政府采购法实施条例 第四十三条), or its failure (废标/终止).
 * {@code signedText} is what the platform signed.
 */
public record ProcurementResultPublished(Actor actor, UUID procurement, TradeCode tradeCode, RegionCode region,
		CategoryCode category, ProcurementMethod method, String title, Money budget, String purchaserName,
		String purchaserCreditCode, ProcurementStatus outcome, String winnerName, String winnerCreditCode,
		Money price, String failureReason, String signedText, String signature, Instant occurredAt)
		implements Auditable {

	@Override
	public String action() {
		return outcome == ProcurementStatus.CONCLUDED ? "procurement.result.published" : "procurement.case.failed";
	}

	@Override
	public String target() {
		return "procurement:" + procurement;
	}
}
