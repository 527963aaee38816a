package org.yiwang.analytics;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.YiwangApplication;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CategoryView;
import org.yiwang.catalog.ProcedureFamily;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.system.RegionScopes;

/**
 * Issue 20 at city scale: a seeded generator writes N facts (default 10 million) over 5 years across every district
 * and category of the catalogue into {@code analytics.facts} with COPY, the rollups are rebuilt from them (timed), and
 * each dashboard's queries are timed (p50/p95 of the whole dashboard: six queries) beside the same questions answered
 * by plain GROUP BYs over the fact table, in the same run on the same database.
 * <p>
 * Usage: {@code bench/analytics.sh [facts=10000000] [seed=20] [dashboards=40] [baseline dashboards=5]}
 */
public final class AnalyticsBenchmark {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	/** Stages and their share of the facts (per mille), roughly a trading center's mix. */
	static final String[] STAGES = { "PUBLISHED", "OPENED", "AWARDED", "FAILED", "CONTRACT", "SECURITY", "ENTITY",
			"COMPLAINT", "ALERT", "EXPERT_SEAT", "RETENDERED" };

	static final int[] PER_MILLE = { 240, 150, 200, 35, 120, 150, 30, 10, 20, 40, 5 };

	static final String[] PROCUREMENT = { "COMPETITIVE_NEGOTIATION", "COMPETITIVE_CONSULTATION", "REQUEST_FOR_QUOTATIONS",
			"SINGLE_SOURCE" };

	public static void main(String[] args) throws Exception {
		long facts = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
		long seed = args.length > 1 ? Long.parseLong(args[1]) : 20L;
		int dashboards = args.length > 2 ? Integer.parseInt(args[2]) : 40;
		int baselineDashboards = args.length > 3 ? Integer.parseInt(args[3]) : 5;
		Path dir = Files.createTempDirectory("analytics-bench");
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(YiwangApplication.class).run(
				"--yiwang.database.embedded-directory=" + dir.resolve("pg"), "--yiwang.database.embedded-clean=true",
				"--yiwang.pki.key-secret-file=" + dir.resolve("pki-secret"), "--server.port=0",
				"--logging.file.name=" + dir.resolve("yiwang.log"), "--logging.level.root=WARN",
				"--logging.level.org.yiwang.analytics=INFO", "--yiwang.demo=false")) {
			new AnalyticsBenchmark(app).run(facts, seed, dashboards, baselineDashboards);
		}
		System.exit(0);
	}

	private final DataSource owner;

	private final DashboardQueries queries;

	private final RollupRebuild rebuild;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final List<String> regions;

	private final List<CategoryView> categories;

	AnalyticsBenchmark(ConfigurableApplicationContext app) {
		this.owner = app.getBean("migrationDataSource", DataSource.class);
		this.queries = app.getBean(DashboardQueries.class);
		this.rebuild = app.getBean(RollupRebuild.class);
		this.transactions = app.getBean(TransactionTemplate.class);
		this.jdbc = app.getBean(JdbcClient.class);
		Catalog catalog = app.getBean(Catalog.class);
		this.regions = catalog.regions().stream().filter(r -> !r.isCity()).map(r -> r.code().value()).toList();
		this.categories = catalog.categories();
	}

	void run(long facts, long seed, int dashboards, int baselineDashboards) throws Exception {
		YearMonth last = YearMonth.now(BEIJING);
		System.out.printf(Locale.ROOT, "Load average at the start: %s (2 cores; other sessions share the machine)%n",
				Files.readString(Path.of("/proc/loadavg")).trim());
		System.out.printf(Locale.ROOT, "Generating %,d facts (seed %d) over 60 months to %s, %d districts, %d categories%n",
				facts, seed, last, regions.size(), categories.size());
		long t0 = System.nanoTime();
		load(facts, seed, last);
		double loadSeconds = (System.nanoTime() - t0) / 1e9;
		System.out.printf(Locale.ROOT, "Loaded by COPY, indexes rebuilt, analysed: %.1f s (%,.0f facts/s)%n", loadSeconds,
				facts / loadSeconds);
		double rebuildSeconds = rebuild.rebuild().toMillis() / 1000.0;
		long rollupRows = count("analytics.rollups");
		long cityRows = count("analytics.city_rollups");
		System.out.printf(Locale.ROOT, "Rollups rebuilt from the facts: %.1f s (%,d district rows, %,d city rows; coarse: "
				+ "%,d district-month rows, %,d city-month rows, %,d city bidder rows)%n", rebuildSeconds, rollupRows, cityRows,
				count("analytics.region_months"), count("analytics.city_months"), count("analytics.city_bidder_counts"));
		SplittableRandom random = new SplittableRandom(seed + 1);
		List<String> scenarios = List.of("public, whole city", "operator, one district filtered",
				"regulator, whole city, 3 industries", "district staff (row-level security)");
		System.out.println();
		System.out.println("dashboard (6 queries)                   rollups p50 / p95 ms    plain GROUP BY p50 / p95 ms   speed-up (p95)");
		for (int s = 0; s < scenarios.size(); s++) {
			double[] fast = new double[dashboards];
			double[] slow = new double[baselineDashboards];
			for (int i = 0; i < dashboards + 3; i++) {
				double ms = dashboard(s, random, last, false);
				if (i >= 3) { // the first three warm the caches
					fast[i - 3] = ms;
				}
			}
			dashboard(s, random, last, true); // one warm-up of the plain queries
			for (int i = 0; i < baselineDashboards; i++) {
				slow[i] = dashboard(s, random, last, true);
			}
			System.out.printf(Locale.ROOT, "%-38s %10.1f / %-10.1f %14.1f / %-12.1f %10.0fx%n", scenarios.get(s),
					percentile(fast, 50), percentile(fast, 95), percentile(slow, 50), percentile(slow, 95),
					percentile(slow, 95) / percentile(fast, 95));
		}
		System.out.printf(Locale.ROOT, "%nLoad average at the end: %s (2 cores; other sessions share the machine)%n",
				Files.readString(Path.of("/proc/loadavg")).trim());
	}

	/** One dashboard of the scenario for a random month of the last four years; milliseconds. */
	private double dashboard(int scenario, SplittableRandom random, YearMonth last, boolean plain) {
		YearMonth month = last.minusMonths(random.nextInt(48));
		String region = regions.get(random.nextInt(regions.size()));
		List<String> industries = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			industries.add(categories.get(random.nextInt(categories.size())).code().value());
		}
		Filter filter = switch (scenario) {
			case 1 -> new Filter(null, region, null);
			case 2 -> new Filter(null, null, industries);
			// as Analytics reads for district staff: the staff member's district named in SQL, row-level security too
			case 3 -> new Filter(null, null, null, List.of(region));
			default -> new Filter(null, null, null);
		};
		boolean cityWide = scenario != 3;
		Supplier<Object> work = () -> transactions.execute(status -> plain ? plain(month, filter, cityWide)
				: queries.figures(month, filter, cityWide));
		long start = System.nanoTime();
		if (scenario == 3) {
			RegionScopes.callIn(RegionScope.of(RegionCode.of(region)), work);
		}
		else {
			RegionScopes.callAsPlatform(work);
		}
		return (System.nanoTime() - start) / 1e6;
	}

	/**
	 * The same six questions as {@link DashboardQueries#figures} asked of the fact table directly: the two-year monthly
	 * series, then awarded amount by category, district and procedure, the auctions' premium by category and sections by
	 * bidders for three months.
	 */
	private Object plain(YearMonth month, Filter filter, boolean cityWide) {
		List<Object> p = Filter.params();
		p.add(Filter.first(month.minusMonths(23)));
		p.add(Filter.first(month));
		String where = filter.where(p, true, true);
		List<Object> rows = new ArrayList<>(jdbc.sql("""
				SELECT month, stage, procedure, count(*), coalesce(sum(amount), 0),
				  coalesce(sum(amount) FILTER (WHERE amount IS NOT NULL AND budget > 0), 0),
				  coalesce(sum(budget) FILTER (WHERE amount IS NOT NULL AND budget > 0), 0), count(non_local),
				  count(*) FILTER (WHERE non_local), count(*) FILTER (WHERE e_guarantee),
				  coalesce(sum(amount) FILTER (WHERE e_guarantee), 0), coalesce(sum(duration_days), 0), count(duration_days)
				FROM analytics.facts WHERE month BETWEEN ? AND ? %s GROUP BY 1, 2, 3""".formatted(where)).params(p)
			.query().listOfRows());
		for (String column : List.of("category_code", "region_code", "procedure")) {
			List<Object> q = Filter.params();
			q.add(Filter.first(month));
			q.add(Filter.first(month.minusMonths(1)));
			q.add(Filter.first(month.minusYears(1)));
			String w = filter.where(q, true, true);
			rows.addAll(jdbc.sql("""
					SELECT %s, month, count(*), coalesce(sum(amount), 0) FROM analytics.facts
					WHERE stage = 'AWARDED' AND month IN (?, ?, ?) %s GROUP BY 1, 2""".formatted(column, w)).params(q)
				.query().listOfRows());
		}
		List<Object> q = Filter.params();
		q.add(Filter.first(month));
		q.add(Filter.first(month.minusMonths(1)));
		q.add(Filter.first(month.minusYears(1)));
		String pw = filter.where(q, true, true);
		rows.addAll(jdbc.sql("""
				SELECT category_code, month, coalesce(sum(amount) FILTER (WHERE amount IS NOT NULL AND budget > 0), 0),
				  coalesce(sum(budget) FILTER (WHERE amount IS NOT NULL AND budget > 0), 0) FROM analytics.facts
				WHERE stage = 'AWARDED' AND procedure = 'AUCTION' AND month IN (?, ?, ?) %s GROUP BY 1, 2""".formatted(pw))
			.params(q).query().listOfRows());
		List<Object> b = Filter.params();
		b.add(Filter.first(month));
		b.add(Filter.first(month.minusMonths(1)));
		b.add(Filter.first(month.minusYears(1)));
		String w = filter.where(b, true, false);
		rows.addAll(jdbc.sql("""
				SELECT procedure = 'AUCTION', bidders, month, count(*) FROM analytics.facts
				WHERE stage = 'OPENED' AND bidders IS NOT NULL AND month IN (?, ?, ?) %s GROUP BY 1, 2, 3""".formatted(w))
			.params(b).query().listOfRows());
		return rows;
	}

	/** Writes the facts with COPY in chunks, the fact table's secondary indexes and key constraint dropped meanwhile. */
	private void load(long facts, long seed, YearMonth last) throws Exception {
		SplittableRandom random = new SplittableRandom(seed);
		int[] cumulative = new int[PER_MILLE.length];
		int sum = 0;
		for (int i = 0; i < PER_MILLE.length; i++) {
			sum += PER_MILLE[i];
			cumulative[i] = sum;
		}
		String columns = "fact_key, stage, month, occurred_at, region_code, category_code, procedure, trade_code, title, "
				+ "budget, amount, bidders, winner_region, non_local, e_guarantee, duration_days, staff";
		try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
			s.execute("DROP INDEX analytics.facts_trade, analytics.facts_subject, analytics.facts_drill");
			// the event-key uniqueness too (the generated keys are unique by construction): put back after the load
			s.execute("ALTER TABLE analytics.facts DROP CONSTRAINT facts_fact_key_key");
			// COPY is refused on a table with row-level security: copy into a temporary table, then INSERT ... SELECT
			s.execute("CREATE TEMP TABLE staged AS SELECT " + columns + " FROM analytics.facts WITH NO DATA");
			var copy = c.unwrap(PGConnection.class).getCopyAPI();
			int chunk = 200_000;
			StringBuilder rows = new StringBuilder(chunk * 160);
			long reported = 0;
			for (long i = 0; i < facts; i++) {
				row(rows, i, random, cumulative, last);
				if ((i + 1) % chunk == 0 || i + 1 == facts) {
					copy.copyIn("COPY staged FROM STDIN", new StringReader(rows.toString()));
					s.execute("INSERT INTO analytics.facts (" + columns + ") SELECT * FROM staged");
					s.execute("TRUNCATE staged");
					rows.setLength(0);
					if ((i + 1) * 10 / facts > reported) {
						reported = (i + 1) * 10 / facts;
						System.out.printf(Locale.ROOT, "  copied %,d facts (%d%%)%n", i + 1, reported * 10);
					}
				}
			}
			System.out.println("  rebuilding the fact table's indexes...");
			s.execute("ALTER TABLE analytics.facts ADD CONSTRAINT facts_fact_key_key UNIQUE (fact_key)");
			s.execute("CREATE INDEX facts_trade ON analytics.facts (trade_code, stage)");
			s.execute("CREATE INDEX facts_subject ON analytics.facts (subject_id) WHERE subject_id IS NOT NULL");
			s.execute("CREATE INDEX facts_drill ON analytics.facts (month, stage, region_code, category_code)");
			s.execute("ANALYZE analytics.facts");
		}
	}

	private void row(StringBuilder out, long i, SplittableRandom random, int[] cumulative, YearMonth last) {
		int pick = random.nextInt(1000);
		int k = 0;
		while (pick >= cumulative[k]) {
			k++;
		}
		String stage = STAGES[k];
		YearMonth month = last.minusMonths(random.nextInt(60));
		LocalDate first = month.atDay(1);
		Instant at = first.atStartOfDay(BEIJING).toInstant().plusSeconds(random.nextLong(month.lengthOfMonth() * 86_400L));
		String region = regions.get(random.nextInt(regions.size()));
		CategoryView category = categories.get(random.nextInt(categories.size()));
		boolean entity = stage.equals("ENTITY");
		String procedure = entity ? "" : procedure(category.family(), random);
		boolean auction = procedure.equals("AUCTION");
		double budget = Math.pow(10, 4 + 3 * random.nextDouble());
		double amount = auction ? budget * (1 + 0.5 * random.nextDouble()) : budget * (0.8 + 0.2 * random.nextDouble());
		boolean awarded = stage.equals("AWARDED");
		boolean security = stage.equals("SECURITY");
		String n = "\\N";
		out.append("bench:").append(i).append('\t').append(stage).append('\t').append(first).append('\t').append(at)
			.append('\t').append(region).append('\t').append(entity ? "" : category.code().value()).append('\t')
			.append(procedure).append('\t').append("BENCH-").append(region).append('-').append(i / 4).append('\t')
			.append("合成交易 ").append(i).append('\t')
			.append(stage.equals("PUBLISHED") || awarded ? String.format(Locale.ROOT, "%.2f", budget) : n).append('\t')
			.append(awarded || security || stage.equals("CONTRACT")
					? String.format(Locale.ROOT, "%.2f", security ? budget * 0.02 : amount) : n)
			.append('\t').append(stage.equals("OPENED") ? String.valueOf(1 + random.nextInt(12)) : n).append('\t')
			.append(awarded ? region : n).append('\t').append(awarded ? String.valueOf(random.nextInt(100) < 18) : n)
			.append('\t').append(security ? String.valueOf(random.nextInt(100) < 70) : n).append('\t')
			.append(awarded || stage.equals("CONTRACT") ? String.format(Locale.ROOT, "%.1f", 20 + 40 * random.nextDouble())
					: n)
			.append('\t').append(stage.equals("PUBLISHED") || entity ? "staff" + random.nextInt(200)
					: stage.equals("EXPERT_SEAT") ? "expert" + random.nextInt(2000) : n)
			.append('\n');
	}

	private static String procedure(ProcedureFamily family, SplittableRandom random) {
		return switch (family) {
			case TENDER -> "TENDER";
			case LAND, LISTING, PROPERTY, ENVIRONMENT -> "AUCTION";
			default -> PROCUREMENT[random.nextInt(PROCUREMENT.length)];
		};
	}

	private long count(String table) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> jdbc
			.sql("SELECT count(*) FROM " + table).query(Long.class).single()));
	}

	static double percentile(double[] values, int p) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
