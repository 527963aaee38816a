package org.yiwang.intermediary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;

/** The selected intermediary confirmed the service contract (合同公示), a public record. */
public record ServiceContractConfirmed(Actor actor, UUID request, TradeCode tradeCode, RegionCode region, String title,
		String ownerName, String intermediaryName, String intermediaryCreditCode, BigDecimal amount, String signedText,
		String platformSignature, Instant occurredAt) implements Auditable {

	@Override
	public String action() {
		return "intermediary.contract.confirmed";
	}

	@Override
	public String target() {
		return "request:" + request;
	}
}
