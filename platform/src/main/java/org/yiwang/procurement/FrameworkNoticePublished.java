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
 * A framework agreement's call for suppliers (征集公告) was published; {@code signedText} is what the platform signed.
 * {@code republication} is 0 for the call, n for an open framework's n-th republication during its term.
 */
public record FrameworkNoticePublished(Actor actor, UUID framework, TradeCode tradeCode, RegionCode region,
		CategoryCode category, String title, Money maxUnitPrice, String purchaserName, String purchaserCreditCode,
		Instant responseDeadline, String signedText, String signature, int republication, Instant occurredAt)
		implements Auditable {

	@Override
	public String action() {
		return "procurement.framework.published";
	}

	@Override
	public String target() {
		return "framework:" + framework;
	}
}
