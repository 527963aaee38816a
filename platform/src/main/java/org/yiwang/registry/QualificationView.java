package org.yiwang.registry;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A qualification certificate an entity holds (资质): type, grade, number, issuer and validity. */
public record QualificationView(UUID id, EntityId entity, String type, String grade, String number, String issuer,
		LocalDate validFrom, LocalDate validUntil) {

	public boolean validOn(LocalDate day) {
		return !day.isBefore(validFrom) && !day.isAfter(validUntil);
	}

	/** Days until it expires (negative once expired). */
	public long daysLeft(LocalDate today) {
		return ChronoUnit.DAYS.between(today, validUntil);
	}
}
