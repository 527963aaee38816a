package org.yiwang.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.SectionId;

/**
 * The points each member gave, once the committee's report is signed (never before: while it evaluates, nobody but
 * the committee reads scores). For the platform's supervision rules, which run on {@code EvaluationReported}.
 */
@Service
public class CommitteeScores {

	private final EvaluationCases cases;

	private final TransactionTemplate transactions;

	CommitteeScores(EvaluationCases cases, TransactionTemplate transactions) {
		this.cases = cases;
		this.transactions = transactions;
	}

	/** The points of one evaluation attempt of a section round, once reported, under weighted scoring; else empty. */
	public Optional<CommitteePoints> reported(SectionId section, int round, int attempt) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> cases.bySection(section, round, attempt)
			.filter(c -> "REPORTED".equals(c.status()))
			.map(this::points)
			.filter(p -> !p.given().isEmpty())));
	}

	/** The points of a section round's reported case (its latest attempt) under weighted scoring; empty otherwise. */
	public Optional<CommitteePoints> reported(SectionId section, int round) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> cases.bySection(section, round)
			.filter(c -> "REPORTED".equals(c.status()))
			.map(this::points)
			.filter(p -> !p.given().isEmpty())));
	}

	private CommitteePoints points(EvaluationCases.Case c) {
		ScoringTable table = cases.table(c.tableCategory(), c.method(), c.tableVersion());
		BigDecimal max = table.items().stream().map(ScoringTable.Item::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
		Map<String, String> names = cases.seats(c.section(), c.round(), c.attempt()).stream()
			.collect(Collectors.toMap(EvaluationCases.Seat::username, s -> s.name() == null ? s.username() : s.name(),
					(a, b) -> a));
		Map<java.util.UUID, String> bidders = cases.bids(c.id()).stream()
			.collect(Collectors.toMap(ScoreBoard.Bid::bidId, ScoreBoard.Bid::bidderName, (a, b) -> a));
		Map<String, Map<java.util.UUID, BigDecimal>> sums = new java.util.TreeMap<>();
		for (ScoreBoard.Points p : cases.points(c.id())) {
			sums.computeIfAbsent(p.member(), m -> new java.util.LinkedHashMap<>()).merge(p.bidId(), p.points(),
					BigDecimal::add);
		}
		List<CommitteePoints.Given> given = new ArrayList<>();
		sums.forEach((member, byBid) -> byBid.forEach((bid, points) -> given.add(new CommitteePoints.Given(member,
				names.getOrDefault(member, member), bid, bidders.getOrDefault(bid, bid.toString()), points))));
		return new CommitteePoints(c.id(), max, given);
	}
}
