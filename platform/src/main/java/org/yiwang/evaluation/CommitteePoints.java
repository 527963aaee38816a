package org.yiwang.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What each member of a reported committee gave each bid (technical + business points, the price score left out: it
 * is computed, not given), with the most a bid could get. The supervision rules compare each expert with the others.
 *
 * @param maxPoints the sum of the scoring table's technical and business items' most points
 */
public record CommitteePoints(UUID caseId, BigDecimal maxPoints, List<Given> given) {

	public CommitteePoints {
		given = List.copyOf(given);
	}

	/** One member's points for one bid, summed over the items it scored. */
	public record Given(String member, String memberName, UUID bidId, String bidderName, BigDecimal points) {
	}
}
