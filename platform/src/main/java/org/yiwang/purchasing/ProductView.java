package org.yiwang.purchasing;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.registry.EntityId;

/**
 * A catalogue product.
 *
 * @param registrationNumber 注册证号 (medical consumables) or 批准文号 (drugs); null for building materials without one
 * @param insuranceCode the national medical-insurance code where one exists, else null
 * @param approvedPrice the listing price in force (挂网价); null until staff approve one
 */
public record ProductView(UUID id, CategoryCode category, String name, String registrationNumber, String specification,
		String insuranceCode, EntityId manufacturer, String manufacturerName, Instant addedAt, Money approvedPrice,
		Instant approvedAt) {

	public boolean listed() {
		return approvedPrice != null;
	}
}
