package org.yiwang.analytics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rollups kept from the facts: the same statements add one new fact (in the transaction that inserts it) and, in a
 * rebuild, a whole month of facts, so an incremental total and a rebuilt one cannot disagree.
 */
@Component
class Rollups {

	/** Every rollup's measures over a group of facts, in the column order of {@code analytics.rollups}. */
	private static final String MEASURES = """
			count(*), coalesce(sum(amount), 0), coalesce(sum(budget), 0),
			coalesce(sum(amount) FILTER (WHERE amount IS NOT NULL AND budget > 0), 0),
			coalesce(sum(budget) FILTER (WHERE amount IS NOT NULL AND budget > 0), 0),
			coalesce(sum(bidders), 0), count(bidders), count(non_local), count(*) FILTER (WHERE non_local),
			count(*) FILTER (WHERE e_guarantee), coalesce(sum(amount) FILTER (WHERE e_guarantee), 0),
			coalesce(sum(duration_days), 0), count(duration_days)""";

	private static final String ADD = """
			n = r.n + excluded.n, amount = r.amount + excluded.amount, budget = r.budget + excluded.budget,
			paired_amount = r.paired_amount + excluded.paired_amount, paired_budget = r.paired_budget + excluded.paired_budget,
			bidders = r.bidders + excluded.bidders, bidders_n = r.bidders_n + excluded.bidders_n,
			winners_known = r.winners_known + excluded.winners_known, non_local = r.non_local + excluded.non_local,
			e_guarantee_n = r.e_guarantee_n + excluded.e_guarantee_n,
			e_guarantee_amount = r.e_guarantee_amount + excluded.e_guarantee_amount,
			duration_sum = r.duration_sum + excluded.duration_sum, duration_n = r.duration_n + excluded.duration_n""";

	private static final String COLUMNS = "n, amount, budget, paired_amount, paired_budget, bidders, bidders_n, "
			+ "winners_known, non_local, e_guarantee_n, e_guarantee_amount, duration_sum, duration_n";

	/**
	 * Every rollup's statement over the facts a condition picks from a table of facts ({@code ?} is the condition's one
	 * parameter, if any): the fine grains
	 * (month × stage × district × category × procedure, its city-wide twin, bidders, staff) and the coarse ones the
	 * dashboards' series and rankings read (city and district by month × stage × procedure, city bidders).
	 */
	private static List<String> statements(String facts, String where) {
		return Stream.of("""
				INSERT INTO analytics.rollups AS r (month, stage, region_code, category_code, procedure, %s)
				SELECT month, stage, region_code, category_code, procedure, %s FROM {facts} WHERE %s
				GROUP BY month, stage, region_code, category_code, procedure
				ON CONFLICT (month, stage, region_code, category_code, procedure) DO UPDATE SET %s"""
			.formatted(COLUMNS, MEASURES, where, ADD), """
				INSERT INTO analytics.city_rollups AS r (month, stage, category_code, procedure, %s)
				SELECT month, stage, category_code, procedure, %s FROM {facts} WHERE %s
				GROUP BY month, stage, category_code, procedure
				ON CONFLICT (month, stage, category_code, procedure) DO UPDATE SET %s"""
			.formatted(COLUMNS, MEASURES, where, ADD), """
				INSERT INTO analytics.bidder_counts AS r (month, region_code, category_code, procedure, bidders, sections)
				SELECT month, region_code, category_code, procedure, bidders, count(*) FROM {facts}
				WHERE stage = 'OPENED' AND bidders IS NOT NULL AND %s
				GROUP BY month, region_code, category_code, procedure, bidders
				ON CONFLICT (month, region_code, category_code, procedure, bidders)
				DO UPDATE SET sections = r.sections + excluded.sections""".formatted(where), """
				INSERT INTO analytics.staff_rollups AS r (month, region_code, staff, stage, n, duration_sum, duration_n)
				SELECT month, region_code, staff, stage, count(*), coalesce(sum(duration_days), 0), count(duration_days)
				FROM {facts} WHERE staff IS NOT NULL AND %s GROUP BY month, region_code, staff, stage
				ON CONFLICT (month, region_code, staff, stage) DO UPDATE SET n = r.n + excluded.n,
				duration_sum = r.duration_sum + excluded.duration_sum, duration_n = r.duration_n + excluded.duration_n"""
			.formatted(where), """
				INSERT INTO analytics.city_months AS r (month, stage, procedure, %s)
				SELECT month, stage, procedure, %s FROM {facts} WHERE %s GROUP BY month, stage, procedure
				ON CONFLICT (month, stage, procedure) DO UPDATE SET %s""".formatted(COLUMNS, MEASURES, where, ADD), """
				INSERT INTO analytics.region_months AS r (region_code, month, stage, procedure, %s)
				SELECT region_code, month, stage, procedure, %s FROM {facts} WHERE %s
				GROUP BY region_code, month, stage, procedure
				ON CONFLICT (region_code, month, stage, procedure) DO UPDATE SET %s"""
			.formatted(COLUMNS, MEASURES, where, ADD), """
				INSERT INTO analytics.city_bidder_counts AS r (month, category_code, procedure, bidders, sections)
				SELECT month, category_code, procedure, bidders, count(*) FROM {facts}
				WHERE stage = 'OPENED' AND bidders IS NOT NULL AND %s GROUP BY month, category_code, procedure, bidders
				ON CONFLICT (month, category_code, procedure, bidders) DO UPDATE SET sections = r.sections + excluded.sections"""
			.formatted(where)).map(sql -> sql.replace("{facts}", facts)).toList();
	}

	private static final List<String> ONE_FACT = statements("analytics.facts", "id = ?");

	/** A rebuild's month: its facts read once into a temporary table, then every rollup's statement over that. */
	private static final List<String> ONE_MONTH = statements("month_facts", "true");

	private final JdbcClient jdbc;

	Rollups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds one fact just inserted; runs in the inserting transaction. */
	void add(long factId) {
		ONE_FACT.forEach(sql -> jdbc.sql(sql).param(factId).update());
	}

	/** Empties every rollup (a rebuild starts with this; the city-wide one needs a whole-city scope). */
	void clear() {
		List.of("analytics.rollups", "analytics.city_rollups", "analytics.bidder_counts", "analytics.staff_rollups",
				"analytics.city_months", "analytics.region_months", "analytics.city_bidder_counts")
			.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
	}

	/** The months that have facts, oldest first. */
	List<LocalDate> months() {
		return jdbc.sql("SELECT DISTINCT month FROM analytics.facts ORDER BY month").query(LocalDate.class).list();
	}

	/**
	 * Adds every fact of one month (after {@link #clear()}), in the caller's transaction. The month's facts are copied
	 * once into a temporary table: seven statements each reading the month from the fact table (whose rows of a month
	 * lie scattered when facts were loaded out of order) read it seven times.
	 */
	void addMonth(LocalDate month) {
		jdbc.sql("CREATE TEMP TABLE month_facts ON COMMIT DROP AS SELECT * FROM analytics.facts WHERE month = ?")
			.param(Date.valueOf(month)).update();
		ONE_MONTH.forEach(sql -> jdbc.sql(sql).update());
	}
}
