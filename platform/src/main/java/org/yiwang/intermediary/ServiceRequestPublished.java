package org.yiwang.intermediary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;

/**
 * An owner published a service request (中介服务需求公告): a public record. {@code signedText} is the exact UTF-8 text
 * the platform signed (SM3withSM2, base64 {@code platformSignature}).
 */
public record ServiceRequestPublished(Actor actor, UUID request, TradeCode tradeCode, RegionCode region,
		String ownerName, String ownerCreditCode, String serviceType, String title, String text, BigDecimal feeCeiling,
		Instant deadline, SelectionMethod method, String signedText, String platformSignature, Instant occurredAt)
		implements Auditable {

	@Override
	public String action() {
		return "intermediary.request.published";
	}

	@Override
	public String target() {
		return "request:" + request;
	}
}
