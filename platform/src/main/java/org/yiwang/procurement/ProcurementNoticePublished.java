package org.yiwang.procurement;

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
 * Staff published a case's notice (采购公告; for a single source, the publicity notice 单一来源公示): what the portal
 * shows. {@code signedText} is the exact UTF-8 text the platform signed (SM3withSM2, base64 {@code signature}).
 *
 * @param suppliers the invited suppliers' names and credit codes, as "name|code" (the single source's one is public)
 */
public record ProcurementNoticePublished(Actor actor, UUID procurement, TradeCode tradeCode, RegionCode region,
		CategoryCode category, ProcurementMethod method, String title, String requirements, Money budget,
		String purchaserName, String purchaserCreditCode, List<String> suppliers, Instant responseDeadline,
		String signedText, String signature, Instant occurredAt) implements Auditable {

	@Override
	public String action() {
		return "procurement.notice.published";
	}

	@Override
	public String target() {
		return "procurement:" + procurement;
	}
}
