package org.yiwang.procurement;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Staff form a case's team: the purchaser's representatives by name (none or more), the experts wanted per specialty
 * (specialty code → seats) and when the team sits (the experts' availability and avoidance are judged for that day).
 */
public record TeamRequest(List<String> representatives, Map<String, Integer> expertSeats, Instant sitsAt) {

	public TeamRequest {
		representatives = representatives == null ? List.of() : representatives.stream()
			.filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
		expertSeats = expertSeats == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(expertSeats));
	}
}
