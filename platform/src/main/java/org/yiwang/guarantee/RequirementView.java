package org.yiwang.guarantee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/** The bid security a trade asks for. */
public record RequirementView(UUID id, TradeCode tradeCode, String sectionName, RegionCode region, CategoryCode category,
		EntityId beneficiary, String beneficiaryName, String beneficiaryCreditCode, Money amount, LocalDate bidValidityEnd,
		String createdBy, Instant createdAt) {
}
