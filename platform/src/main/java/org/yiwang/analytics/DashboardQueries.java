package org.yiwang.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboards' figures, read from the rollups only: six queries per dashboard, sent in one round trip (the monthly
 * series over two years, then category, district, procedure, the auctions' premium by category and bidders for the
 * month, the month before and the month a year before). A reader
 * of the whole city without a district filter reads the city-wide rollups; everyone else the district ones, which
 * row-level security limits to their regions. The series and the district ranking read the month × stage × procedure
 * rollups unless a category (or a regulator's industries) must be filtered: each query reads O(months × stages) rows.
 */
@Component
class DashboardQueries {

	private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** A rollup's sums for one group. */
	record Measures(long n, BigDecimal amount, BigDecimal pairedAmount, BigDecimal pairedBudget, long winnersKnown,
			long nonLocal, long eGuaranteeN, BigDecimal eGuaranteeAmount, double durationSum, long durationN) {

		static final Measures NONE = new Measures(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0,
				BigDecimal.ZERO, 0, 0);

		Measures plus(Measures o) {
			return new Measures(n + o.n, amount.add(o.amount), pairedAmount.add(o.pairedAmount),
					pairedBudget.add(o.pairedBudget), winnersKnown + o.winnersKnown, nonLocal + o.nonLocal,
					eGuaranteeN + o.eGuaranteeN, eGuaranteeAmount.add(o.eGuaranteeAmount), durationSum + o.durationSum,
					durationN + o.durationN);
		}
	}

	/** The monthly series' groups: month and stage (the measures below them are by procedure). */
	record Group(YearMonth month, String stage) {
	}

	private final JdbcTemplate jdbc;

	DashboardQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every figure of the dashboard for the month; {@code cityWide}: the reader's scope is the whole city. */
	List<Figure> figures(YearMonth month, Filter filter, boolean cityWide) {
		boolean city = cityWide && filter.region() == null;
		QueryBatch batch = new QueryBatch();
		Map<Group, Map<String, Measures>> series = monthly(batch, month, filter, city);
		Supplier<Figure> category = byDimension(batch, "category", "category_code", "wan", month, filter, city, true);
		Supplier<Figure> district = byDimension(batch, "district", "region_code", "wan", month, filter, false, true);
		Supplier<Figure> procedure = byDimension(batch, "procedure", "procedure", "count", month, filter, city, false);
		Supplier<Figure> premiumByCategory = premiumByCategory(batch, month, filter, city);
		Supplier<List<Figure>> bidders = bidders(batch, month, filter, city);
		batch.run(jdbc);
		List<Figure> figures = new ArrayList<>();
		figures.add(monthly("volume", "count", Stage.AWARDED, month, series, m -> count(m.get(Stage.AWARDED, null))));
		figures.add(monthly("amount", "wan", Stage.AWARDED, month, series, m -> wan(m.get(Stage.AWARDED, null).amount())));
		figures.add(monthly("savings", "percent", Stage.AWARDED, month, series,
				m -> savings(m.get(Stage.AWARDED, false))));
		figures.add(monthly("premium", "percent", Stage.AWARDED, month, series,
				m -> premium(m.get(Stage.AWARDED, true))));
		figures.add(monthly("nonLocal", "percent", Stage.AWARDED, month, series,
				m -> share(m.get(Stage.AWARDED, null).nonLocal(), m.get(Stage.AWARDED, null).winnersKnown())));
		figures.add(monthly("failed", "percent", Stage.FAILED, month, series, m -> share(m.get(Stage.FAILED, null).n(),
				m.get(Stage.FAILED, null).n() + m.get(Stage.AWARDED, null).n())));
		// re-tendered apart from failed: the sections re-tendered in the month over the tender notices published in it
		figures.add(monthly("retendered", "percent", Stage.RETENDERED, month, series,
				m -> share(m.of(Stage.RETENDERED, TenderFacts.TENDER).n(), m.of(Stage.PUBLISHED, TenderFacts.TENDER).n())));
		figures.add(monthly("awardDays", "days", Stage.AWARDED, month, series, m -> days(m.get(Stage.AWARDED, null))));
		figures.add(monthly("contractDays", "days", Stage.CONTRACT, month, series, m -> days(m.get(Stage.CONTRACT, null))));
		// service ratings (好差评): the share rated 不满意 or worse
		figures.add(monthly("badRatings", "percent", Stage.BAD_RATING, month, series, m -> share(
				m.get(Stage.BAD_RATING, null).n(), m.get(Stage.BAD_RATING, null).n() + m.get(Stage.GOOD_RATING, null).n())));
		// venue utilisation: room-hours booked for the month, cancellations taken back
		figures.add(monthly("roomHours", "hours", Stage.ROOM_BOOKED, month, series, m -> hours(m.get(Stage.ROOM_BOOKED,
				null).durationSum() - m.get(Stage.ROOM_CANCELLED, null).durationSum())));
		figures.add(monthly("entities", "count", Stage.ENTITY, month, series, m -> count(m.get(Stage.ENTITY, null))));
		figures.add(monthly("eGuarantee", "percent", Stage.SECURITY, month, series,
				m -> share(m.get(Stage.SECURITY, null).eGuaranteeN(), m.get(Stage.SECURITY, null).n())));
		figures.add(monthly("capitalFreed", "wan", Stage.SECURITY, month, series,
				m -> wan(m.get(Stage.SECURITY, null).eGuaranteeAmount())));
		figures.add(monthly("complaints", "count", Stage.COMPLAINT, month, series, m -> count(m.get(Stage.COMPLAINT, null))));
		figures.add(monthly("alerts", "count", Stage.ALERT, month, series, m -> count(m.get(Stage.ALERT, null))));
		figures.add(monthly("expertSeats", "count", Stage.EXPERT_SEAT, month, series,
				m -> count(m.get(Stage.EXPERT_SEAT, null))));
		figures.add(category.get());
		figures.add(district.get());
		figures.add(procedure.get());
		figures.add(premiumByCategory.get());
		figures.addAll(bidders.get());
		return figures;
	}

	/** One month's groups, by stage and procedure. */
	private record Month(Map<Group, Map<String, Measures>> series, YearMonth month) {

		/** The stage's measures over auctions ({@code true}), the others ({@code false}) or both ({@code null}). */
		Measures get(Stage stage, Boolean auction) {
			Measures sum = Measures.NONE;
			for (Map.Entry<String, Measures> e : series.getOrDefault(new Group(month, stage.name()), Map.of()).entrySet()) {
				if (auction == null || auction == e.getKey().equals(MarketFacts.AUCTION)) {
					sum = sum.plus(e.getValue());
				}
			}
			return sum;
		}

		/** The stage's measures for one procedure. */
		Measures of(Stage stage, String procedure) {
			return series.getOrDefault(new Group(month, stage.name()), Map.of()).getOrDefault(procedure, Measures.NONE);
		}
	}

	/**
	 * Which rollup answers the monthly series and the district ranking: without a category filter or industries, the
	 * coarse month × stage × procedure ones (city-wide, or by district); otherwise the fine grain, whose category column
	 * the filter needs.
	 */
	private static String seriesTable(Filter filter, boolean city) {
		boolean coarse = filter.category() == null && filter.industries() == null;
		return coarse ? (city ? "city_months" : "region_months") : (city ? "city_rollups" : "rollups");
	}

	private static Map<Group, Map<String, Measures>> monthly(QueryBatch batch, YearMonth month, Filter filter,
			boolean city) {
		List<Object> params = Filter.params();
		params.add(Filter.first(month.minusMonths(23)));
		params.add(Filter.first(month));
		String where = filter.where(params, !city, true);
		Map<Group, Map<String, Measures>> groups = new HashMap<>();
		batch.add("""
				SELECT month, stage, procedure, sum(n), sum(amount), sum(paired_amount), sum(paired_budget),
				  sum(winners_known), sum(non_local), sum(e_guarantee_n), sum(e_guarantee_amount), sum(duration_sum),
				  sum(duration_n)
				FROM analytics.%s WHERE month BETWEEN ? AND ? %s GROUP BY 1, 2, 3"""
			.formatted(seriesTable(filter, city), where), params, rs -> {
				groups.computeIfAbsent(new Group(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getString(2)),
						k -> new HashMap<>()).put(rs.getString(3), new Measures(rs.getLong(4), rs.getBigDecimal(5),
								rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
								rs.getBigDecimal(11), rs.getDouble(12), rs.getLong(13)));
			});
		return groups;
	}

	private static Figure monthly(String key, String unit, Stage stage, YearMonth month,
			Map<Group, Map<String, Measures>> series,
			Function<Month, BigDecimal> value) {
		List<Figure.Point> points = new ArrayList<>();
		for (int i = 11; i >= 0; i--) {
			YearMonth m = month.minusMonths(i);
			points.add(new Figure.Point(m.toString(), m.toString(), value.apply(new Month(series, m)),
					value.apply(new Month(series, m.minusYears(1))), value.apply(new Month(series, m.minusMonths(1)))));
		}
		return new Figure(key, unit, "month", stage, points);
	}

	/** Awarded amount (万元) or count by one dimension, for the month; ranked by the month's figure. */
	private static Supplier<Figure> byDimension(QueryBatch batch, String key, String column, String unit, YearMonth month,
			Filter filter, boolean city, boolean amount) {
		List<Object> params = Filter.params();
		params.add(Filter.first(month));
		params.add(Filter.first(month.minusMonths(1)));
		params.add(Filter.first(month.minusYears(1)));
		String where = filter.where(params, !city, true);
		Map<String, BigDecimal[]> values = new HashMap<>();
		// the district ranking reads the district × month × stage × procedure rollup unless a category is asked
		String table = column.equals("region_code") ? seriesTable(filter, false) : city ? "city_rollups" : "rollups";
		batch.add("""
				SELECT %s, month, sum(n), sum(amount) FROM analytics.%s
				WHERE stage = 'AWARDED' AND month IN (?, ?, ?) %s GROUP BY 1, 2"""
			.formatted(column, table, where), params, rs -> {
				YearMonth m = YearMonth.from(rs.getDate(2).toLocalDate());
				int slot = m.equals(month) ? 0 : m.equals(month.minusMonths(1)) ? 2 : 1;
				values.computeIfAbsent(rs.getString(1), k -> new BigDecimal[3])[slot] = amount
						? wan(rs.getBigDecimal(4)) : BigDecimal.valueOf(rs.getLong(3));
			});
		return () -> new Figure(key, unit, column.equals("region_code") ? "region" : key, Stage.AWARDED,
				ranked(values, month));
	}

	/** The auctions' premium rate (final over starting price) by category, for the month; ranked by it. */
	private static Supplier<Figure> premiumByCategory(QueryBatch batch, YearMonth month, Filter filter, boolean city) {
		List<Object> params = Filter.params();
		params.add(Filter.first(month));
		params.add(Filter.first(month.minusMonths(1)));
		params.add(Filter.first(month.minusYears(1)));
		String where = filter.where(params, !city, true);
		Map<String, BigDecimal[]> values = new HashMap<>();
		batch.add("""
				SELECT category_code, month, sum(paired_amount), sum(paired_budget) FROM analytics.%s
				WHERE stage = 'AWARDED' AND procedure = 'AUCTION' AND month IN (?, ?, ?) %s GROUP BY 1, 2"""
			.formatted(city ? "city_rollups" : "rollups", where), params, rs -> {
				YearMonth m = YearMonth.from(rs.getDate(2).toLocalDate());
				int slot = m.equals(month) ? 0 : m.equals(month.minusMonths(1)) ? 2 : 1;
				BigDecimal premium = premium(new Measures(0, BigDecimal.ZERO, rs.getBigDecimal(3), rs.getBigDecimal(4), 0,
						0, 0, BigDecimal.ZERO, 0, 0));
				if (premium != null) {
					values.computeIfAbsent(rs.getString(1), k -> new BigDecimal[3])[slot] = premium;
				}
			});
		// a rate over nothing stays empty (not 0 %): the points keep their nulls, ranked by this month's rate
		return () -> {
			List<Figure.Point> points = new ArrayList<>();
			values.entrySet().stream()
				.sorted(Comparator.comparing((Map.Entry<String, BigDecimal[]> e) -> zero(e.getValue()[0])).reversed()
					.thenComparing(Map.Entry::getKey))
				.forEach(e -> points.add(new Figure.Point(e.getKey(), month.toString(), e.getValue()[0], e.getValue()[1],
						e.getValue()[2])));
			return new Figure("premiumByCategory", "percent", "category", Stage.AWARDED, points);
		};
	}

	/**
	 * Sections by bidders (tenders and procurement) and auction lots by bidders (those qualified to bid), in one query; a
	 * reader of the whole city reads the city-wide counts, not every district's.
	 */
	private static Supplier<List<Figure>> bidders(QueryBatch batch, YearMonth month, Filter filter, boolean city) {
		List<Object> params = Filter.params();
		params.add(Filter.first(month));
		params.add(Filter.first(month.minusMonths(1)));
		params.add(Filter.first(month.minusYears(1)));
		String where = filter.where(params, !city, false);
		List<Map<String, BigDecimal[]>> values = List.of(new HashMap<>(), new HashMap<>());
		batch.add("""
				SELECT procedure = 'AUCTION', bidders, month, sum(sections) FROM analytics.%s WHERE month IN (?, ?, ?) %s
				GROUP BY 1, 2, 3"""
			.formatted(city ? "city_bidder_counts" : "bidder_counts", where), params, rs -> {
				YearMonth m = YearMonth.from(rs.getDate(3).toLocalDate());
				int slot = m.equals(month) ? 0 : m.equals(month.minusMonths(1)) ? 2 : 1;
				values.get(rs.getBoolean(1) ? 1 : 0).computeIfAbsent(String.valueOf(rs.getInt(2)),
						k -> new BigDecimal[3])[slot] = BigDecimal.valueOf(rs.getLong(4));
			});
		return () -> List.of(new Figure("bidders", "count", "bidders", Stage.OPENED, byBidders(values.get(0), month)),
				new Figure("lotBidders", "count", "bidders", Stage.OPENED, byBidders(values.get(1), month)));
	}

	private static List<Figure.Point> byBidders(Map<String, BigDecimal[]> values, YearMonth month) {
		Set<String> keys = new java.util.TreeSet<>(Comparator.comparingInt(Integer::parseInt));
		keys.addAll(values.keySet());
		List<Figure.Point> points = new ArrayList<>();
		for (String k : keys) {
			BigDecimal[] v = values.get(k);
			points.add(new Figure.Point(k, month.toString(), zero(v[0]), zero(v[1]), zero(v[2])));
		}
		return points;
	}

	private static List<Figure.Point> ranked(Map<String, BigDecimal[]> values, YearMonth month) {
		Set<String> keys = new LinkedHashSet<>();
		values.entrySet().stream()
			.sorted(Comparator.comparing((Map.Entry<String, BigDecimal[]> e) -> zero(e.getValue()[0])).reversed()
				.thenComparing(Map.Entry::getKey))
			.forEach(e -> keys.add(e.getKey()));
		List<Figure.Point> points = new ArrayList<>();
		for (String k : keys) {
			BigDecimal[] v = values.get(k);
			points.add(new Figure.Point(k, month.toString(), zero(v[0]), zero(v[1]), zero(v[2])));
		}
		return points;
	}

	private static BigDecimal zero(BigDecimal v) {
		return v == null ? BigDecimal.ZERO : v;
	}

	private static BigDecimal count(Measures m) {
		return BigDecimal.valueOf(m.n());
	}

	private static BigDecimal hours(double days) {
		return BigDecimal.valueOf(days * 24).setScale(1, RoundingMode.HALF_UP);
	}

	private static BigDecimal wan(BigDecimal yuan) {
		return yuan.divide(WAN, 2, RoundingMode.HALF_UP);
	}

	/** Savings against budgets: 1 − award ÷ budget, in percent, over the facts that have both. */
	static BigDecimal savings(Measures m) {
		return m.pairedBudget().signum() == 0 ? null
				: BigDecimal.ONE.subtract(m.pairedAmount().divide(m.pairedBudget(), 10, RoundingMode.HALF_UP))
					.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
	}

	/** Auction premium: final ÷ starting price − 1, in percent. */
	static BigDecimal premium(Measures m) {
		return m.pairedBudget().signum() == 0 ? null
				: m.pairedAmount().divide(m.pairedBudget(), 10, RoundingMode.HALF_UP).subtract(BigDecimal.ONE)
					.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
	}

	static BigDecimal share(long part, long whole) {
		return whole == 0 ? null
				: BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
	}

	private static BigDecimal days(Measures m) {
		return m.durationN() == 0 ? null
				: BigDecimal.valueOf(m.durationSum() / m.durationN()).setScale(1, RoundingMode.HALF_UP);
	}
}
