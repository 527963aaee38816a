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
 * A framework's entry list: a closed framework's first stage ended (入围结果公告, {@code revision} 0) with each
 * entrant's unit price, or its failure (no entrants); or an open framework's member list changed (开放式框架协议入围供应商
 * 名单, {@code revision} n for its n-th change: a supplier joined or left), each change a public record of its own.
 * {@code signedText} is what the platform signed.
 */
public record FrameworkEntryPublished(Actor actor, UUID framework, TradeCode tradeCode, RegionCode region,
		CategoryCode category, String title, Money maxUnitPrice, String purchaserName, String purchaserCreditCode,
		List<Entrant> entrants, String failureReason, String signedText, String signature, int revision,
		Instant occurredAt) implements Auditable {

	/** One supplier entered into the agreement at its unit price. */
	public record Entrant(String name, String creditCode, Money unitPrice, int rank) {
	}

	public boolean failed() {
		return failureReason != null;
	}

	@Override
	public String action() {
		return failed() ? "procurement.framework.failed"
				: revision > 0 ? "procurement.framework.membersListed" : "procurement.framework.entrantsSelected";
	}

	@Override
	public String target() {
		return "framework:" + framework;
	}
}
