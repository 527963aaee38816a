package org.yiwang.portal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.lucene.search.Query;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Keyword + two facets over N synthetic public records: the portal's Lucene index (the real {@link SearchIndex}, CJK
 * bigrams, facet counts, exact totals) beside PostgreSQL {@code ILIKE} with a {@code pg_trgm} GIN index on the same
 * data, measured in the same run. Also indexing records/s. Records: Chinese titles from the real regions and trading
 * categories (reference CSVs) and project words.
 *
 * <pre>bench/portal-search.sh [--records=N] [--queries=Q]</pre>
 */
public final class PortalSearchBenchmark {

	static final String[] PLACES = { "解放碑", "朝天门", "观音桥", "沙坪坝", "杨家坪", "南坪", "大学城", "西永", "两江新区", "悦来", "礼嘉",
			"龙洲湾", "茶园", "蔡家", "水土", "空港", "果园港", "长寿湖", "白沙", "龙水湖", "高笋塘", "江南新区", "滨江", "老城区", "新城" };

	static final String[] OBJECTS = { "道路", "桥梁", "隧道", "立交", "污水管网", "供水管网", "综合管廊", "学校", "幼儿园", "医院", "社区卫生服务中心",
			"体育馆", "图书馆", "公园", "绿化", "路灯", "停车场", "安置房", "公租房", "老旧小区", "排水", "河道", "堤防", "水库", "变电站", "充电桩",
			"垃圾中转站", "农贸市场", "消防站", "派出所", "档案馆", "办公楼", "食堂", "信息化平台", "视频监控", "服务器", "办公家具", "医疗设备",
			"教学设备", "物业管理" };

	static final String[] WORKS = { "新建工程", "改造工程", "提升工程", "维修工程", "扩建工程", "大修工程", "整治工程", "设计", "施工", "监理", "勘察",
			"采购项目", "运维服务", "全过程咨询", "EPC总承包" };

	static final String[] NOTICES = { "招标公告", "资格预审公告", "澄清公告", "变更公告", "中标候选人公示", "中标结果公告", "合同公开", "流标公告",
			"终止公告" };

	record Generated(List<PublicRecord> records, List<String> regions, List<String> categories) {
	}

	/** Reproducible synthetic records, spread over every district and category. */
	static Generated generate(int n, long seed) throws IOException {
		List<String[]> regions = csv("reference/regions-chongqing.csv");
		List<String[]> categories = csv("reference/trading-categories.csv");
		Random random = new Random(seed);
		List<PublicRecord> records = new ArrayList<>(n);
		Instant base = Instant.parse("2026-01-01T00:00:00Z");
		RecordType[] types = RecordType.values();
		for (int i = 0; i < n; i++) {
			String[] region = regions.get(random.nextInt(regions.size()));
			String[] category = categories.get(random.nextInt(categories.size()));
			String place = PLACES[random.nextInt(PLACES.length)];
			String object = OBJECTS[random.nextInt(OBJECTS.length)];
			String work = WORKS[random.nextInt(WORKS.length)];
			RecordType type = types[random.nextInt(types.length - 2)];
			String project = region[1] + place + object + work;
			String title = project + NOTICES[type.ordinal() % NOTICES.length];
			String body = "本项目位于" + region[1] + place + "，建设内容包括" + object + "及配套"
					+ OBJECTS[random.nextInt(OBJECTS.length)] + "，资金来源为财政资金，招标人为" + region[1] + "城市建设发展有限公司。";
			BigDecimal amount = BigDecimal.valueOf(50_000 + random.nextInt(50_000_000), 2).movePointRight(2);
			records.add(new PublicRecord(new UUID(seed, i), type, "CQ-" + region[0] + "-2026-" + i, project, project + "一标段",
					region[0], category[0], title, body, amount, null,
					List.of(new Party("tenderer", region[1] + "城市建设发展有限公司", null)), null, "", "",
					base.plusSeconds(random.nextInt(330 * 86400)), base));
		}
		return new Generated(records, regions.stream().map(r -> r[0]).toList(), categories.stream().map(c -> c[0]).toList());
	}

	private static List<String[]> csv(String resource) throws IOException {
		try (var in = PortalSearchBenchmark.class.getClassLoader().getResourceAsStream(resource);
				var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return reader.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
		}
	}

	record Search(String term, String region, String category) {
	}

	/** Terms of 2, 3 and 4 characters cut from the project vocabulary, each with a region and a category. */
	static List<Search> searches(Generated data, int count, long seed) {
		Random random = new Random(seed + 1);
		List<String> vocabulary = new ArrayList<>();
		vocabulary.addAll(Arrays.asList(PLACES));
		vocabulary.addAll(Arrays.asList(OBJECTS));
		vocabulary.addAll(Arrays.asList(WORKS));
		List<Search> searches = new ArrayList<>();
		while (searches.size() < count) {
			String word = vocabulary.get(random.nextInt(vocabulary.size()));
			int length = 2 + searches.size() % 3;
			if (word.length() < length || !word.substring(0, length).codePoints().allMatch(Character::isIdeographic)) {
				continue;
			}
			int start = random.nextInt(word.length() - length + 1);
			searches.add(new Search(word.substring(start, start + length),
					data.regions().get(random.nextInt(data.regions().size())),
					data.categories().get(random.nextInt(data.categories().size()))));
		}
		return searches;
	}

	public static void main(String[] args) throws Exception {
		int n = intArg(args, "--records", 20_000);
		int queries = intArg(args, "--queries", 600);
		System.out.printf("Portal search benchmark: %,d records, %,d queries (keyword of 2/3/4 characters + region + category)%n",
				n, queries);
		Generated data = generate(n, 2026);
		List<Search> searches = searches(data, queries, 2026);

		Path dir = Files.createTempDirectory("portal-bench-index");
		SearchIndex index = new SearchIndex(new PortalSettings(dir, Duration.ofSeconds(5), "http://localhost", "a@b", "b", "bench", null, null,
				null, java.math.BigDecimal.ZERO));
		long t0 = System.nanoTime();
		for (int i = 0; i < n; i += 1000) {
			index.index(data.records().subList(i, Math.min(n, i + 1000)), false);
		}
		index.commit();
		double indexSeconds = (System.nanoTime() - t0) / 1e9;

		long[] lucene = new long[searches.size()];
		long luceneHits = 0;
		for (int round = 0; round < 2; round++) { // the first round warms the JIT and the page cache
			for (int i = 0; i < searches.size(); i++) {
				Search s = searches.get(i);
				long start = System.nanoTime();
				Query query = index.query(new SearchRequest(s.term(), s.region(), s.category(), null, null, null, null, null,
						SearchRequest.Sort.RELEVANCE, 1).normalized());
				SearchIndex.Page page = index.search(query, SearchRequest.Sort.RELEVANCE, 1);
				lucene[i] = System.nanoTime() - start;
				if (round == 1) {
					luceneHits += page.total();
				}
			}
		}

		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory("portal-bench-pg"))
			.setCleanDataDirectory(true).start(); Connection db = postgres.getPostgresDatabase().getConnection()) {
			String trigram;
			try (Statement st = db.createStatement()) {
				st.execute("create extension if not exists pg_trgm");
				trigram = "pg_trgm GIN";
			}
			catch (SQLException e) {
				trigram = "NO pg_trgm (" + e.getMessage().lines().findFirst().orElse("") + "): sequential ILIKE";
			}
			try (Statement st = db.createStatement()) {
				st.execute("""
						create table records (id uuid primary key, region_code text not null, category_code text not null,
						  title text not null, body text not null, published_at timestamptz not null)""");
			}
			long l0 = System.nanoTime();
			db.setAutoCommit(false);
			try (PreparedStatement insert = db.prepareStatement("insert into records values (?, ?, ?, ?, ?, ?)")) {
				int batch = 0;
				for (PublicRecord r : data.records()) {
					insert.setObject(1, r.id());
					insert.setString(2, r.regionCode());
					insert.setString(3, r.categoryCode());
					insert.setString(4, r.title());
					insert.setString(5, r.body() + " " + r.projectName());
					insert.setTimestamp(6, Timestamp.from(r.publishedAt()));
					insert.addBatch();
					if (++batch % 1000 == 0) {
						insert.executeBatch();
					}
				}
				insert.executeBatch();
			}
			db.commit();
			long i0 = System.nanoTime();
			try (Statement st = db.createStatement()) {
				if (trigram.startsWith("pg_trgm")) {
					st.execute("create index records_text on records using gin ((title || ' ' || body) gin_trgm_ops)");
				}
				st.execute("create index records_facets on records (region_code, category_code)");
				st.execute("analyze records");
			}
			db.commit();
			double pgLoad = (i0 - l0) / 1e9;
			double pgIndex = (System.nanoTime() - i0) / 1e9;

			long[] pg = new long[searches.size()];
			long pgHits = 0;
			try (PreparedStatement select = db.prepareStatement("""
					select id, count(*) over () total from records
					where region_code = ? and category_code = ? and (title || ' ' || body) ilike ?
					order by published_at desc limit 20""")) {
				for (int round = 0; round < 2; round++) {
					for (int i = 0; i < searches.size(); i++) {
						Search s = searches.get(i);
						long start = System.nanoTime();
						select.setString(1, s.region());
						select.setString(2, s.category());
						select.setString(3, "%" + s.term() + "%");
						long total = 0;
						try (ResultSet rs = select.executeQuery()) {
							while (rs.next()) {
								total = rs.getLong(2);
							}
						}
						pg[i] = System.nanoTime() - start;
						if (round == 1) {
							pgHits += total;
						}
					}
				}
			}
			db.commit();
			String plan = explain(db, searches.get(0));

			System.out.println();
			System.out.printf("%-44s %10s %10s %12s%n", "", "p50 ms", "p99 ms", "total hits");
			System.out.printf("%-44s %10.3f %10.3f %,12d%n", "Lucene (CJK bigrams, facets, exact total)", pct(lucene, 50),
					pct(lucene, 99), luceneHits);
			System.out.printf("%-44s %10.3f %10.3f %,12d%n", "PostgreSQL ILIKE, " + trigram.split(" \\(")[0], pct(pg, 50),
					pct(pg, 99), pgHits);
			System.out.printf("speed-up (PostgreSQL / Lucene): p50 %.1fx, p99 %.1fx%n", pct(pg, 50) / pct(lucene, 50),
					pct(pg, 99) / pct(lucene, 99));
			for (int length = 2; length <= 4; length++) {
				int len = length;
				long[] l = select(lucene, searches, s -> s.term().length() == len);
				long[] p = select(pg, searches, s -> s.term().length() == len);
				System.out.printf("  %d-character terms: Lucene p50 %.3f / p99 %.3f ms, PostgreSQL p50 %.3f / p99 %.3f ms%n", length,
						pct(l, 50), pct(l, 99), pct(p, 50), pct(p, 99));
			}
			System.out.printf("indexing: Lucene %,.0f records/s (%.1f s); PostgreSQL load %,.0f rows/s (%.1f s) + %s index %.1f s%n",
					n / indexSeconds, indexSeconds, n / pgLoad, pgLoad, trigram.split(" \\(")[0], pgIndex);
			System.out.println("hit totals " + (luceneHits == pgHits ? "agree" : "DIFFER") + " (Lucene " + luceneHits
					+ ", PostgreSQL " + pgHits + ")");
			System.out.println("PostgreSQL plan of the first query: " + plan);
			System.out.printf("%s | Java %s | %d cores | load average %s%n", postgresVersion(db),
					System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
					Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		index.destroy();
		try (var files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
		}
	}

	private static String explain(Connection db, Search s) throws SQLException {
		try (PreparedStatement explain = db.prepareStatement("""
				explain select id from records where region_code = ? and category_code = ? and (title || ' ' || body) ilike ?""")) {
			explain.setString(1, s.region());
			explain.setString(2, s.category());
			explain.setString(3, "%" + s.term() + "%");
			StringBuilder plan = new StringBuilder();
			try (ResultSet rs = explain.executeQuery()) {
				while (rs.next()) {
					plan.append(rs.getString(1).strip()).append(" | ");
				}
			}
			return plan.toString();
		}
	}

	private static String postgresVersion(Connection db) throws SQLException {
		try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("show server_version")) {
			rs.next();
			return "PostgreSQL " + rs.getString(1);
		}
	}

	private static long[] select(long[] times, List<Search> searches, java.util.function.Predicate<Search> which) {
		List<Long> picked = new ArrayList<>();
		for (int i = 0; i < times.length; i++) {
			if (which.test(searches.get(i))) {
				picked.add(times[i]);
			}
		}
		return picked.stream().mapToLong(Long::longValue).toArray();
	}

	private static double pct(long[] nanos, int percentile) {
		if (nanos.length == 0) {
			return Double.NaN;
		}
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int at = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(at, sorted.length - 1))] / 1e6;
	}

	private static int intArg(String[] args, String name, int otherwise) {
		for (String arg : args) {
			if (arg.startsWith(name + "=")) {
				return Integer.parseInt(arg.substring(name.length() + 1).replace("_", ""));
			}
		}
		return otherwise;
	}
}
