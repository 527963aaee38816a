package org.yiwang.intermediary;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;

/**
 * An owner chose an intermediary directly, stating a legal basis and the facts: published, and flagged to the
 * regulator (the supervision module raises a DIRECT_SELECTION alert from it; regulators also read the list at
 * {@code /intermediary/direct-selections}).
 */
public record DirectSelectionMade(Actor actor, UUID request, TradeCode tradeCode, RegionCode region, UUID owner,
		String ownerName, UUID intermediary, String intermediaryName, DirectBasis basis, String reason,
		int selectionsThisYear, Instant occurredAt) implements Auditable {

	@Override
	public String action() {
		return "intermediary.direct.flagged";
	}

	@Override
	public String target() {
		return "request:" + request;
	}
}
