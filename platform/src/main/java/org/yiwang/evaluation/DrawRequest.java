package org.yiwang.evaluation;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Staff ask for experts for a section's current round: how many per specialty, where from (home regions included;
 * empty = the whole city) and not from, and when the evaluation takes place.
 */
public record DrawRequest(
		@NotNull(message = "{evaluation.draw.section.required}") java.util.UUID section,
		@NotNull(message = "{evaluation.draw.evaluationAt.required}") Instant evaluationAt,
		@NotEmpty(message = "{evaluation.draw.seats.required}") Map<@Pattern(regexp = "[A-Z][0-9]{2,6}", message = "{evaluation.expert.specialty.unknown}") String, @NotNull(message = "{evaluation.draw.seats.range}") Integer> seats,
		Set<@Pattern(regexp = "\\d{6}", message = "{account.region.form}") String> includeRegions,
		Set<@Pattern(regexp = "\\d{6}", message = "{account.region.form}") String> excludeRegions) {

	public DrawRequest {
		seats = seats == null ? Map.of() : Map.copyOf(seats);
		includeRegions = includeRegions == null ? Set.of() : Set.copyOf(includeRegions);
		excludeRegions = excludeRegions == null ? Set.of() : Set.copyOf(excludeRegions);
	}
}
