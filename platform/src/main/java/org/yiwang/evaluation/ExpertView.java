package org.yiwang.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.yiwang.kernel.RegionCode;

/**
 * An expert of the pool as staff and the expert see it; the ID number is masked.
 *
 * @param employerId the employer's registry entity, null when it is not registered
 * @param certificateFingerprint the bound certificate (SHA-256 of its DER, hex), null until one is bound
 */
public record ExpertView(UUID id, String username, String name, String maskedIdNumber, String phone,
		RegionCode homeRegion, UUID employerId, String employerName, String employerCreditCode, List<String> specialties,
		String certificateFingerprint, String certificateSubject, Instant certificateNotAfter,
		List<Unavailability> unavailability, List<CreditRecord> credit, Instant createdAt, long version) {

	public record Unavailability(UUID id, LocalDate from, LocalDate until, String reason) {
	}

	public record CreditRecord(UUID id, ExpertCreditKind kind, Integer rating, String note, LocalDate from,
			LocalDate until, String recordedBy, Instant recordedAt) {
	}

	/** Blacklisted on the day (a blacklisting whose period covers it). */
	public boolean blacklistedOn(LocalDate day) {
		return credit.stream().anyMatch(c -> c.kind() == ExpertCreditKind.BLACKLIST && !day.isBefore(c.from())
				&& !day.isAfter(c.until()));
	}
}
