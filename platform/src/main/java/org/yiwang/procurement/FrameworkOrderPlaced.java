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
 * A second-stage order was placed with an entrant (成交): the framework's trade code, the buyer, the supplier, the
 * rule that chose it and the amount. {@code signedText} is what the platform signed.
 */
public record FrameworkOrderPlaced(Actor actor, UUID order, UUID framework, TradeCode tradeCode, RegionCode region,
		CategoryCode category, String title, SecondStage rule, String buyerName, String buyerCreditCode,
		String supplierName, String supplierCreditCode, Money unitPrice, int quantity, Money amount, String signedText,
		String signature, Instant occurredAt) implements Auditable {

	@Override
	public String action() {
		return "procurement.framework.orderPlaced";
	}

	@Override
	public String target() {
		return "framework-order:" + order;
	}
}
