package org.yiwang.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;

/**
 * A credit record. A blacklisting applies from {@code startsOn} to {@code endsOn} inclusive, in the listed regions
 * and categories; empty lists mean every region, every category.
 */
public record CreditRecordView(UUID id, EntityId entity, CreditKind kind, String description, String source,
		Set<RegionCode> regions, Set<CategoryCode> categories, LocalDate startsOn, LocalDate endsOn, String recordedBy,
		Instant recordedAt) {

	public boolean bars(RegionCode region, CategoryCode category, LocalDate day) {
		return kind == CreditKind.BLACKLIST && !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn))
				&& (regions.isEmpty() || regions.contains(region)) && (categories.isEmpty() || categories.contains(category));
	}
}
