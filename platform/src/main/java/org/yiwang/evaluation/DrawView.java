package org.yiwang.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yiwang.kernel.RegionCode;

/**
 * A draw as staff and regulators see it. Until evaluation begins ({@link #revealed()}) it shows the commitment and
 * counts only: {@link #picks()} is empty and {@link #seed()} null; afterwards both, so anyone can recompute it.
 */
public record DrawView(UUID id, UUID section, int round, RegionCode region, String tradeCode, UUID tenderer,
		Instant evaluationAt, List<String> includeRegions, List<String> excludeRegions, int servicePeriodDays,
		DrawStatus status, String seedSha256, String poolSha256, List<SpecialtyCount> specialties, List<PickView> picks,
		String seed, String requestedBy, Instant committedAt, Instant drawnAt, Instant completedAt, Instant revealedAt) {

	public boolean revealed() {
		return revealedAt != null;
	}

	/** Seats and how the picks for them stand, without names. */
	public record SpecialtyCount(String code, int seats, int eligible, int invited, int accepted, int redrawn) {
	}

	/** A pick; {@code name} is shown only once revealed (or to the expert themselves). */
	public record PickView(int n, String specialty, UUID expert, String name, DrawOutcome outcome, Instant answeredAt) {
	}
}
