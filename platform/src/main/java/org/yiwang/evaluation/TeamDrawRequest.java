package org.yiwang.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.yiwang.kernel.RegionCode;
import org.yiwang.registry.EntityId;

/**
 * A module outside tendering asks for the experts of a team that is not a tender section's committee (a procurement
 * negotiation, consultation or quotation team, 政府采购法 第三十八条/第四十条): the subject's id stands where a draw
 * otherwise names its section, {@code purchaser} where it names its tenderer, and {@code parties} (the purchaser and
 * every invited supplier) are the entities whose employees the draw avoids.
 */
public record TeamDrawRequest(UUID subject, String tradeCode, RegionCode region, EntityId purchaser,
		List<EntityId> parties, Instant evaluationAt, Map<String, Integer> seats, Set<String> includeRegions,
		Set<String> excludeRegions) {

	public TeamDrawRequest {
		parties = parties == null ? List.of() : List.copyOf(parties);
		seats = seats == null ? Map.of() : Map.copyOf(seats);
		includeRegions = includeRegions == null ? Set.of() : Set.copyOf(includeRegions);
		excludeRegions = excludeRegions == null ? Set.of() : Set.copyOf(excludeRegions);
	}
}
