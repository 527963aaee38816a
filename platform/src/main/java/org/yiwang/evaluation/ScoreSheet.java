package org.yiwang.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A member's score sheet in its canonical byte form, the exact bytes the member signs: UTF-8, one fact per line,
 * LF line ends, fields separated by one space, in a fixed order (votes by stage then by the bid's place at the
 * opening; points by bid, then by the item's place in the table). Points are written with two decimals; a reason's
 * line breaks become spaces. Nothing in it depends on time or on the other members.
 */
final class ScoreSheet {

	static final String HEADER = "yiwang-score-sheet 1";

	private ScoreSheet() {
	}

	static byte[] canonical(EvaluationCases.Case c, String member, String fingerprint, ScoringTable table,
			List<ScoreBoard.Bid> bids, List<ScoreBoard.Vote> votes, List<ScoreBoard.Points> points) {
		StringBuilder text = new StringBuilder(HEADER).append('\n');
		line(text, "case", c.id());
		line(text, "section", c.section().value());
		line(text, "round", c.round());
		line(text, "trade-code", c.tradeCode());
		line(text, "table", table.category() + "/" + table.method() + "/v" + table.version());
		line(text, "member", member);
		line(text, "certificate-sha256", fingerprint);
		for (String stage : List.of(ScoreBoard.QUALIFICATION, ScoreBoard.RESPONSIVENESS)) {
			for (ScoreBoard.Bid bid : bids) {
				votes.stream()
					.filter(v -> v.member().equals(member) && v.stage().equals(stage) && v.bidId().equals(bid.bidId()))
					.forEach(v -> line(text, "vote", stage + " " + bid.bidId() + " " + (v.passed() ? "PASS" : "FAIL")
							+ (v.reason() == null || v.reason().isBlank() ? "" : " " + v.reason().strip().replaceAll("\\s+", " "))));
			}
		}
		for (ScoreBoard.Bid bid : bids) {
			for (ScoringTable.Item item : table.items()) {
				points.stream()
					.filter(p -> p.member().equals(member) && p.bidId().equals(bid.bidId()) && p.item().equals(item.code()))
					.forEach(p -> line(text, "points", bid.bidId() + " " + item.code() + " "
							+ p.points().setScale(2).toPlainString()));
			}
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void line(StringBuilder text, String key, Object value) {
		text.append(key).append(' ').append(value).append('\n');
	}
}
