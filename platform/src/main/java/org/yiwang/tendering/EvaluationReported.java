package org.yiwang.tendering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.registry.EntityId;

/**
 * The evaluation committee signed its report for a section's round, ranking the bidders and naming up to three
 * candidates. The evaluation module publishes it (it may depend on tendering, not the other way round); tendering
 * takes it to publicize the candidates and, after the publicity, lets the tenderer confirm the winner.
 *
 * @param attempt the evaluation of the round this reports: 1, or 2, 3, … after a regulator's re-evaluation order
 * @param method the evaluation method, e.g. {@code WEIGHTED_SCORING} or {@code LOWEST_EVALUATED_PRICE}
 * @param candidates up to three, ranked from 1; empty when no bid passed (the section then fails)
 * @param reportSha256 hex SHA-256 of the signed report PDF, as the committee signed it
 * @param reportUrl where the report can be downloaded by those allowed to see it
 */
public record EvaluationReported(Actor actor, SectionId section, int round, int attempt, RegionCode region,
		UUID reportId, String method, List<Candidate> candidates, String reportSha256, String reportUrl,
		Instant occurredAt) implements Auditable {

	public EvaluationReported {
		candidates = List.copyOf(candidates);
	}

	/** The report of a round's first evaluation (attempt 1). */
	public EvaluationReported(Actor actor, SectionId section, int round, RegionCode region, UUID reportId,
			String method, List<Candidate> candidates, String reportSha256, String reportUrl, Instant occurredAt) {
		this(actor, section, round, 1, region, reportId, method, candidates, reportSha256, reportUrl, occurredAt);
	}

	/** A ranked candidate (中标候选人): its evaluated price and, under weighted scoring, its total score. */
	public record Candidate(int rank, EntityId bidder, String bidderName, String bidderCreditCode, Money price,
			BigDecimal score) {
	}

	@Override
	public String action() {
		return "tendering.evaluation.reported";
	}

	@Override
	public String target() {
		return "section:" + section;
	}
}
