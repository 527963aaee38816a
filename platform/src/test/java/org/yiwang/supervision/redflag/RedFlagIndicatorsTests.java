package org.yiwang.supervision.redflag;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yiwang.PlatformTest;

/**
 * Each indicator on a constructed compiled release that triggers it and one that does not, the numbers worked out by
 * hand against OCDS Cardinal's published definition (docs/supervision-alerts.md).
 */
@PlatformTest
class RedFlagIndicatorsTests {

	@Test
	void r003_a_tender_period_of_14_days_is_short_15_days_is_not() {
		// 2026-11-01T00:00Z to 2026-11-15T00:00Z = 14 days < 15: flagged; to 2026-11-16 = 15 days: not
		assertThat(codes(process("open", period("2026-11-01T00:00:00Z", "2026-11-15T00:00:00Z"), null)))
			.containsExactly("R003");
		assertThat(codes(process("open", period("2026-11-01T00:00:00Z", "2026-11-16T00:00:00Z"), null))).isEmpty();
		// 14 days and 23 hours are 14 whole days: still short
		assertThat(codes(process("open", period("2026-11-01T00:00:00Z", "2026-11-15T23:00:00Z"), null)))
			.containsExactly("R003");
		// excluded: not an open procedure, or no start date
		assertThat(codes(process("selective", period("2026-11-01T00:00:00Z", "2026-11-05T00:00:00Z"), null))).isEmpty();
		assertThat(codes(process("open", Map.of("endDate", "2026-11-05T00:00:00Z"), null))).isEmpty();
		RedFlagIndicators.Flag flag = RedFlagIndicators.evaluate(process("open",
				period("2026-11-01T00:00:00Z", "2026-11-11T00:00:00Z"), null)).get(0);
		assertThat(flag.evidence()).contains("period = 10 < 15");
	}

	@Test
	void r018_one_tenderer_in_an_open_or_selective_procedure() {
		assertThat(codes(process("open", null, 1L))).containsExactly("R018");
		assertThat(codes(process("selective", null, 1L))).containsExactly("R018");
		assertThat(codes(process("open", null, 2L))).isEmpty();
		// a single source (limited) is not competitive: one tenderer is expected
		assertThat(codes(process("limited", null, 1L))).isEmpty();
	}

	@Test
	void r024_the_second_lowest_valid_bid_within_five_percent_of_the_winning_bid() {
		// (1,020,000 − 1,000,000) / 1,000,000 = 0.02 ≤ 0.05: flagged with 0.02
		Map<String, Object> close = awarded("A", bid("1", "A", "1000000", "valid"), bid("2", "B", "1020000", "valid"),
				bid("3", "C", "1100000", "pending"));
		List<RedFlagIndicators.Flag> flags = RedFlagIndicators.evaluate(close);
		assertThat(codes(close)).containsExactly("R024");
		assertThat(flags.get(0).value()).isEqualByComparingTo("0.02");
		assertThat(flags.get(0).evidence()).contains("difference = 0.0200");
		// (1,050,000 − 1,000,000) / 1,000,000 = 0.05: the fence itself is flagged (less than or equal)
		assertThat(codes(awarded("A", bid("1", "A", "1000000", "valid"), bid("2", "B", "1050000", "valid"))))
			.containsExactly("R024");
		// 0.06 is not
		assertThat(codes(awarded("A", bid("1", "A", "1000000", "valid"), bid("2", "B", "1060000", "valid")))).isEmpty();
		// excluded: the winning bid is not the lowest valid bid; the award is still pending
		assertThat(codes(awarded("B", bid("1", "A", "1000000", "valid"), bid("2", "B", "1010000", "valid")))).isEmpty();
		Map<String, Object> pending = awarded("A", bid("1", "A", "1000000", "valid"), bid("2", "B", "1010000", "valid"));
		award(pending).put("status", "pending");
		assertThat(codes(pending)).isEmpty();
	}

	@Test
	void r028_identical_prices_from_different_tenderers() {
		Map<String, Object> same = awarded("A", bid("1", "A", "1000000", "pending"), bid("2", "B", "1200000.00", "pending"),
				bid("3", "C", "1200000", "pending"));
		List<RedFlagIndicators.Flag> flags = RedFlagIndicators.evaluate(same);
		assertThat(codes(same)).containsExactly("R028");
		assertThat(flags.get(0).evidence()).containsExactly("/bids/details/value/amount = 1200000 ← B, C");
		// different prices; and a withdrawn bid is not submitted
		assertThat(codes(awarded("A", bid("1", "A", "1000000", "pending"), bid("2", "B", "1000001", "pending")))).isEmpty();
		assertThat(codes(awarded("A", bid("1", "A", "1000000", "pending"), bid("2", "B", "1000000", "withdrawn"))))
			.isEmpty();
	}

	@Test
	void r030_a_valid_bid_after_the_deadline_won() {
		Map<String, Object> late = awarded("A", bid("1", "A", "1000000", "valid"), bid("2", "B", "1300000", "valid"));
		tender(late).put("tenderPeriod", Map.of("endDate", "2026-11-20T02:00:00Z"));
		bids(late).get(0).put("date", "2026-11-20T02:00:01Z");
		assertThat(codes(late)).contains("R030");
		// on time (the deadline itself is not after it)
		bids(late).get(0).put("date", "2026-11-20T02:00:00Z");
		assertThat(codes(late)).doesNotContain("R030");
		// late, but not the winner's
		bids(late).get(0).put("date", "2026-11-19T00:00:00Z");
		bids(late).get(1).put("date", "2026-11-21T00:00:00Z");
		assertThat(codes(late)).doesNotContain("R030");
	}

	@Test
	void r035_every_other_tenderer_disqualified() {
		// A valid and awarded; B and C disqualified: 2 tenderers with disqualified bids
		Map<String, Object> all = awarded("A", bid("1", "A", "1000000", "valid"), bid("2", "B", "900000", "disqualified"),
				bid("3", "C", "950000", "disqualified"));
		RedFlagIndicators.Flag flag = RedFlagIndicators.evaluate(all).stream()
			.filter(f -> f.indicator() == Indicator.R035).findFirst().orElseThrow();
		assertThat(flag.value()).isEqualByComparingTo("2");
		// a second valid tenderer: not flagged
		assertThat(codes(awarded("A", bid("1", "A", "1000000", "valid"), bid("2", "B", "1100000", "valid"),
				bid("3", "C", "950000", "disqualified")))).doesNotContain("R035");
	}

	@Test
	void r036_the_lowest_submitted_bid_disqualified() {
		assertThat(codes(awarded("B", bid("1", "A", "100000", "disqualified"), bid("2", "B", "111111", "valid"))))
			.contains("R036");
		// the lowest bid was valid; or there is no active award yet
		assertThat(codes(awarded("A", bid("1", "A", "100000", "valid"), bid("2", "B", "90000.5", "withdrawn"),
				bid("3", "C", "120000", "disqualified")))).doesNotContain("R036");
		Map<String, Object> noAward = awarded("B", bid("1", "A", "100000", "disqualified"), bid("2", "B", "111111", "valid"));
		award(noAward).put("status", "cancelled");
		assertThat(codes(noAward)).doesNotContain("R036");
	}

	@Test
	void r058_the_second_lowest_valid_bid_half_again_above_the_winning_bid() {
		// (1,150,000 − 1,000,000) / 1,000,000 = 0.15 < 0.50: not flagged (neither is R024: 0.15 > 0.05)
		assertThat(codes(awarded("A", bid("1", "A", "1000000", "valid"), bid("2", "B", "1150000", "valid")))).isEmpty();
		// (1,500,000 − 1,000,000) / 1,000,000 = 0.50 ≥ 0.50: flagged with 0.5
		Map<String, Object> discounted = awarded("A", bid("1", "A", "1000000", "valid"), bid("2", "B", "1500000", "valid"),
				bid("3", "C", "2000000", "valid"));
		assertThat(codes(discounted)).containsExactly("R058");
		assertThat(RedFlagIndicators.evaluate(discounted).get(0).value()).isEqualByComparingTo("0.5");
		// two active awards: excluded
		Map<String, Object> two = awarded("A", bid("1", "A", "1000000", "valid"), bid("2", "B", "1500000", "valid"));
		List<Map<String, Object>> awards = new ArrayList<>(cast(two.get("awards")));
		awards.add(new LinkedHashMap<>(Map.of("id", "x", "status", "active", "suppliers", List.of(Map.of("id", "B")))));
		two.put("awards", awards);
		assertThat(codes(two)).isEmpty();
	}

	@Test
	void releases_compile_to_the_latest_of_each_field_bid_and_award() {
		Map<String, Object> tenderRelease = Map.of("ocid", "ocds-x-T1", "tender", Map.of("procurementMethod", "open",
				"tenderPeriod", Map.of("startDate", "2026-11-01T00:00:00Z", "endDate", "2026-11-10T00:00:00Z")));
		Map<String, Object> opening = Map.of("ocid", "ocds-x-T1", "tender", Map.of("numberOfTenderers", 1,
				"tenderPeriod", Map.of("endDate", "2026-11-30T00:00:00Z")), "bids",
				Map.of("details", List.of(bid("b1", "A", "100", "pending"))));
		Map<String, Object> candidates = Map.of("ocid", "ocds-x-T1", "bids", Map.of("details", List.of(Map.of("id", "b1",
				"status", "valid"))), "awards", List.of(Map.of("id", "aw", "status", "pending")));
		Map<String, Object> result = Map.of("ocid", "ocds-x-T1", "awards", List.of(Map.of("id", "aw", "status", "active")));
		Map<String, Object> compiled = RedFlagIndicators.compile(List.of(tenderRelease, opening, candidates, result));
		// the amended deadline keeps the start date: 29 days, not short; one tenderer in an open procedure
		assertThat(codes(compiled)).containsExactly("R018");
		assertThat(bids(compiled).get(0)).containsEntry("status", "valid").containsKey("value");
		assertThat(award(compiled)).containsEntry("status", "active");
	}

	// ---- constructed processes ----------------------------------------------------------------------------------

	private static List<String> codes(Map<String, Object> compiled) {
		return RedFlagIndicators.evaluate(compiled).stream().map(f -> f.indicator().name()).toList();
	}

	private static Map<String, Object> period(String start, String end) {
		return Map.of("startDate", start, "endDate", end);
	}

	private static Map<String, Object> process(String method, Map<String, Object> period, Long tenderers) {
		Map<String, Object> tender = new LinkedHashMap<>();
		tender.put("procurementMethod", method);
		if (period != null) {
			tender.put("tenderPeriod", period);
		}
		if (tenderers != null) {
			tender.put("numberOfTenderers", tenderers);
		}
		Map<String, Object> compiled = new LinkedHashMap<>();
		compiled.put("ocid", "ocds-test");
		compiled.put("tender", tender);
		compiled.put("bids", Map.of("details", List.of()));
		compiled.put("awards", List.of());
		return compiled;
	}

	private static Map<String, Object> bid(String id, String tenderer, String amount, String status) {
		Map<String, Object> bid = new LinkedHashMap<>();
		bid.put("id", id);
		bid.put("status", status);
		bid.put("tenderers", List.of(Map.of("id", tenderer, "name", tenderer)));
		bid.put("value", Map.of("amount", new BigDecimal(amount), "currency", "CNY"));
		return bid;
	}

	/** A process with these bids, awarded (active) to one supplier; several tenderers, no period. */
	@SafeVarargs
	private static Map<String, Object> awarded(String supplier, Map<String, Object>... bids) {
		Map<String, Object> compiled = process("open", null, (long) bids.length);
		compiled.put("bids", Map.of("details", List.of(bids)));
		compiled.put("awards", List.of(new LinkedHashMap<>(Map.of("id", "award", "status", "active", "suppliers",
				List.of(Map.of("id", supplier, "name", supplier))))));
		return compiled;
	}

	private static Map<String, Object> tender(Map<String, Object> compiled) {
		return cast(compiled.get("tender"));
	}

	private static List<Map<String, Object>> bids(Map<String, Object> compiled) {
		Map<String, Object> bids = cast(compiled.get("bids"));
		return cast(bids.get("details"));
	}

	private static Map<String, Object> award(Map<String, Object> compiled) {
		List<Map<String, Object>> awards = cast(compiled.get("awards"));
		return awards.get(0);
	}

	@SuppressWarnings("unchecked")
	private static <T> T cast(Object value) {
		return (T) value;
	}
}
