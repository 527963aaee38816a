package org.yiwang.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the committee's votes and points add up to, computed from the records alone (no state of its own): each
 * review's outcome, which bids are valid, the price scores, the ranking and the outliers.
 * <ul>
 * <li>A review of a bid is decided when every member has voted; the bid is out when more than half of the members
 * failed it (a tie keeps it in). The responsiveness review covers only the bids that passed qualification.</li>
 * <li>Weighted scoring (综合评分法): total = mean over the members of each member's technical + business points
 * (rounded to 2 decimals, HALF_UP) + the price score. Ranked by total, highest first.</li>
 * <li>Lowest evaluated price (经评审的最低投标价法): the evaluated price is the bid price as read out at the opening
 * (no adjustments are held as data yet); ranked by it, lowest first.</li>
 * <li>Ties, under both methods: the lower price first, then the bid read out earlier at the opening (the opening reads
 * bids in the order they were received).</li>
 * </ul>
 */
final class ScoreBoard {

	static final String QUALIFICATION = "QUALIFICATION";

	static final String RESPONSIVENESS = "RESPONSIVENESS";

	/** A bid of the case as the opening read it. {@code price} is null when its envelope was not decrypted. */
	record Bid(UUID bidId, UUID bidder, String bidderName, String creditCode, BigDecimal price, int position) {

		boolean opened() {
			return price != null;
		}
	}

	record Vote(String stage, UUID bidId, String member, boolean passed, String reason) {
	}

	record Points(String member, UUID bidId, String item, BigDecimal points) {
	}

	/** A bid's place: {@code quality} is the mean technical + business points, null under lowest evaluated price. */
	record Ranked(int rank, Bid bid, BigDecimal quality, BigDecimal priceScore, BigDecimal total) {
	}

	/** An expert's points far from the others' mean for one bidder and item. */
	record Outlier(String member, UUID bidId, String item, BigDecimal points, BigDecimal othersMean) {
	}

	enum Outcome {
		PENDING, PASSED, FAILED
	}

	private final ScoringTable table;

	private final List<String> members;

	private final List<Bid> bids;

	private final List<Vote> votes;

	private final List<Points> points;

	ScoreBoard(ScoringTable table, List<String> members, List<Bid> bids, List<Vote> votes, List<Points> points) {
		this.table = table;
		this.members = List.copyOf(members);
		this.bids = List.copyOf(bids);
		this.votes = List.copyOf(votes);
		this.points = List.copyOf(points);
	}

	List<Bid> bids() {
		return bids;
	}

	Outcome outcome(String stage, UUID bidId) {
		List<Vote> cast = votes.stream().filter(v -> v.stage().equals(stage) && v.bidId().equals(bidId)).toList();
		long failed = cast.stream().filter(v -> !v.passed()).count();
		if (members.isEmpty() || cast.stream().map(Vote::member).distinct().count() < members.size()) {
			return Outcome.PENDING;
		}
		return failed * 2 > members.size() ? Outcome.FAILED : Outcome.PASSED;
	}

	/** The bids a stage reviews: every opened bid for qualification, those that passed it for responsiveness. */
	List<Bid> reviewed(String stage) {
		return bids.stream().filter(Bid::opened)
			.filter(b -> QUALIFICATION.equals(stage) || outcome(QUALIFICATION, b.bidId()) == Outcome.PASSED)
			.toList();
	}

	boolean reviewsComplete() {
		return reviewed(QUALIFICATION).stream().allMatch(b -> outcome(QUALIFICATION, b.bidId()) != Outcome.PENDING)
				&& reviewed(RESPONSIVENESS).stream().allMatch(b -> outcome(RESPONSIVENESS, b.bidId()) != Outcome.PENDING);
	}

	/** Whether a member has voted on every bid a stage reviews. */
	boolean reviewedBy(String member) {
		for (String stage : List.of(QUALIFICATION, RESPONSIVENESS)) {
			for (Bid bid : reviewed(stage)) {
				if (votes.stream().noneMatch(v -> v.stage().equals(stage) && v.bidId().equals(bid.bidId())
						&& v.member().equals(member))) {
					return false;
				}
			}
		}
		return true;
	}

	/** Opened, and passed both reviews (only meaningful once the reviews are complete). */
	List<Bid> valid() {
		return reviewed(RESPONSIVENESS).stream()
			.filter(b -> outcome(RESPONSIVENESS, b.bidId()) == Outcome.PASSED)
			.toList();
	}

	/** Whether a member has scored every item for every valid bid (always true without items). */
	boolean scoredBy(String member) {
		for (Bid bid : valid()) {
			for (ScoringTable.Item item : table.items()) {
				if (points(member, bid.bidId(), item.code()) == null) {
					return false;
				}
			}
		}
		return true;
	}

	BigDecimal points(String member, UUID bidId, String item) {
		return points.stream()
			.filter(p -> p.member().equals(member) && p.bidId().equals(bidId) && p.item().equals(item))
			.map(Points::points)
			.findFirst()
			.orElse(null);
	}

	/** The ranking of the valid bids; call once the reviews and every member's points are complete. */
	List<Ranked> ranking() {
		List<Bid> valid = valid();
		Map<UUID, BigDecimal> priceScores = Map.of();
		if (table.weighted()) {
			Map<UUID, BigDecimal> prices = new LinkedHashMap<>();
			valid.forEach(b -> prices.put(b.bidId(), b.price()));
			priceScores = table.formula().scores(prices);
		}
		List<Ranked> unranked = new ArrayList<>();
		for (Bid bid : valid) {
			if (table.weighted()) {
				BigDecimal quality = quality(bid.bidId());
				BigDecimal priceScore = priceScores.get(bid.bidId());
				unranked.add(new Ranked(0, bid, quality, priceScore, quality.add(priceScore).setScale(2)));
			}
			else {
				unranked.add(new Ranked(0, bid, null, null, null));
			}
		}
		Comparator<Ranked> byPrice = Comparator.comparing((Ranked r) -> r.bid().price())
			.thenComparingInt(r -> r.bid().position());
		Comparator<Ranked> order = table.weighted()
				? Comparator.comparing(Ranked::total, Comparator.reverseOrder()).thenComparing(byPrice) : byPrice;
		unranked.sort(order);
		List<Ranked> ranked = new ArrayList<>();
		for (int i = 0; i < unranked.size(); i++) {
			Ranked r = unranked.get(i);
			ranked.add(new Ranked(i + 1, r.bid(), r.quality(), r.priceScore(), r.total()));
		}
		return ranked;
	}

	/** The mean over the members of each member's technical + business points for a bid, 2 decimals HALF_UP. */
	BigDecimal quality(UUID bidId) {
		BigDecimal sum = points.stream().filter(p -> p.bidId().equals(bidId) && members.contains(p.member()))
			.map(Points::points)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return sum.divide(BigDecimal.valueOf(members.size()), 2, RoundingMode.HALF_UP);
	}

	/**
	 * Each member's points for a bid and item that differ from the mean of the other members' points for the same
	 * bid and item by more than {@code outlierShare} × the item's most points. Needs at least two others to compare
	 * with; with fewer nothing is flagged.
	 */
	List<Outlier> outliers() {
		List<Outlier> outliers = new ArrayList<>();
		for (ScoringTable.Item item : table.items()) {
			BigDecimal limit = item.maxPoints().multiply(table.outlierShare());
			for (Bid bid : bids) {
				for (String member : members) {
					BigDecimal own = points(member, bid.bidId(), item.code());
					List<BigDecimal> others = members.stream().filter(m -> !m.equals(member))
						.map(m -> points(m, bid.bidId(), item.code()))
						.filter(java.util.Objects::nonNull)
						.toList();
					if (own == null || others.size() < 2) {
						continue;
					}
					BigDecimal mean = others.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
						.divide(BigDecimal.valueOf(others.size()), 2, RoundingMode.HALF_UP);
					if (own.subtract(mean).abs().compareTo(limit) > 0) {
						outliers.add(new Outlier(member, bid.bidId(), item.code(), own, mean));
					}
				}
			}
		}
		return outliers;
	}
}
