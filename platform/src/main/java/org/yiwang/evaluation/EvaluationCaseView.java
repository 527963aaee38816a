package org.yiwang.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yiwang.catalog.EvaluationMethod;
import org.yiwang.tendering.SectionId;

/**
 * An evaluation case as the viewer may see it. Before evaluation begins the committee is sealed ({@code members}
 * empty); staff see progress but no votes, points or ranking until the report is signed ({@code scoresVisible}).
 *
 * @param viewer the viewer's username when the viewer sits on the committee, else null
 * @param leaderBallot the current ballot of the leader election (a tie or no majority starts the next)
 * @param attempt which evaluation of the round this is: 1, or 2, 3, … after a regulator's re-evaluation order
 * @param supersededAt when a re-evaluation order made this attempt history (its scores and report stay readable)
 * @param reevaluation the kind of re-evaluation that opened this attempt; null for attempt 1
 */
public record EvaluationCaseView(UUID id, SectionId section, int round, String region, String tradeCode,
		String category, EvaluationMethod method, String status, Instant scheduledAt, Instant begunAt, String leader,
		int leaderBallot, ScoringTable table, boolean committeeSeated, int seatCount, List<Member> members,
		List<Bidder> bidders, boolean reviewsComplete, boolean scoresVisible, List<Vote> votes, List<Points> points,
		List<Ranking> ranking, List<Outlier> outliers, List<Clarification> clarifications, Report report,
		String viewer, int attempt, Instant supersededAt, ReEvaluationKind reevaluation) {

	public boolean superseded() {
		return supersededAt != null;
	}

	/** A committee member and how far they are. */
	public record Member(String username, String kind, String name, String specialty, String certificateFingerprint,
			boolean votedLeader, boolean reviewed, boolean scored, boolean sheetSigned, boolean reportSigned) {
	}

	/**
	 * A bid of the round. {@code qualification} and {@code responsiveness} are PENDING, PASSED or FAILED (null when
	 * not reviewed: not decrypted, or out at qualification; or hidden from the viewer).
	 */
	public record Bidder(UUID bidId, String bidderName, String creditCode, BigDecimal price, boolean opened,
			String qualification, String responsiveness, boolean valid) {
	}

	public record Vote(String stage, UUID bidId, String member, boolean passed, String reason) {
	}

	public record Points(String member, UUID bidId, String item, BigDecimal points) {
	}

	/** A place in the ranking; {@code quality}, {@code priceScore} and {@code total} are null under lowest price. */
	public record Ranking(int rank, UUID bidId, String bidderName, BigDecimal price, BigDecimal quality,
			BigDecimal priceScore, BigDecimal total) {
	}

	public record Outlier(String member, UUID bidId, String bidderName, String item, BigDecimal points,
			BigDecimal othersMean) {
	}

	public record Clarification(UUID id, UUID bidId, String bidderName, String question, Instant deadline,
			String askedBy, String answer, Instant answeredAt) {
	}

	/** The report: its hash, who has signed it, and whether every member has (then it is reported). */
	public record Report(UUID id, String sha256, Instant createdAt, Instant reportedAt, List<String> signedBy) {

		public String url() {
			return "/evaluation/reports/" + id + ".pdf";
		}
	}

	public boolean member() {
		return viewer != null;
	}

	/** The viewer's own points for a bid and item, or null. */
	public BigDecimal myPoints(UUID bidId, String item) {
		return points.stream()
			.filter(p -> p.member().equals(viewer) && p.bidId().equals(bidId) && p.item().equals(item))
			.map(Points::points)
			.findFirst()
			.orElse(null);
	}

	/** The viewer's own vote on a bid at a stage, or null. */
	public Vote myVote(String stage, UUID bidId) {
		return votes.stream()
			.filter(v -> v.member().equals(viewer) && v.stage().equals(stage) && v.bidId().equals(bidId))
			.findFirst()
			.orElse(null);
	}

	public Member me() {
		return members.stream().filter(m -> m.username().equals(viewer)).findFirst().orElse(null);
	}

	public List<Bidder> validBidders() {
		return bidders.stream().filter(Bidder::valid).toList();
	}
}
