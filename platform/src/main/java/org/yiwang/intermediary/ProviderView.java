package org.yiwang.intermediary;

import java.time.Instant;
import java.util.List;

import org.yiwang.kernel.RegionCode;
import org.yiwang.registry.EntityId;

/**
 * An intermediary's public profile: the service types it offers and which of them its registry qualifications
 * currently cover (an expired qualification stops counting), its staff, its public score and its record.
 */
public record ProviderView(EntityId id, String name, String creditCode, RegionCode registeredRegion,
		List<String> serviceTypes, List<QualifiedType> qualified, List<StaffView> staff, PublicScore score,
		List<RatingView> ratings, List<RequestView> record, Instant joinedAt) {

	/** A service type it offers and the qualification that covers it today (null grade: none valid). */
	public record QualifiedType(String serviceType, String qualificationNumber, String grade, java.time.LocalDate validUntil,
			boolean valid) {
	}
}
