package org.yiwang.intermediary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;

/**
 * A request's selection result (选取结果公告), a public record: the intermediary chosen, how, and the explanation; or,
 * with no intermediary, that the request failed for want of qualified sign-ups.
 */
public record IntermediarySelected(Actor actor, UUID request, TradeCode tradeCode, RegionCode region, String title,
		String ownerName, SelectionMethod method, UUID intermediary, String intermediaryName,
		String intermediaryCreditCode, BigDecimal price, String note, String signedText, String platformSignature,
		Instant occurredAt) implements Auditable {

	public boolean failed() {
		return intermediary == null;
	}

	@Override
	public String action() {
		return failed() ? "intermediary.request.failed" : "intermediary.request.selected";
	}

	@Override
	public String target() {
		return "request:" + request;
	}
}
