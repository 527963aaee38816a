package org.yiwang.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.AdjustableClock;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.procurement.NewProcurement;
import org.yiwang.procurement.ProcurementFixture;
import org.yiwang.procurement.ProcurementMethod;
import org.yiwang.procurement.ProcurementStatus;
import org.yiwang.procurement.ProcurementView;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;
import org.yiwang.kernel.TradeCode;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.OpeningChanged;
import org.yiwang.tendering.SectionId;
import org.yiwang.servicedesk.SatisfactionLevel;
import org.yiwang.servicedesk.ServiceDeskChanged;
import org.yiwang.venue.VenueChanged;

/**
 * Issue 20's correctness check: transactions built here through the procurement and registry modules' public APIs, in
 * a district no other test trades in (梁平区), and every dashboard number for that district compared with a count made
 * here from what the test itself did. Then the scoping (a regulator of other industries or regions sees none of it,
 * in numbers or lists), the Excel and CSV downloads read back, the rebuild giving the same figures, and bad input.
 */
@PlatformTest
@Import(AdjustableClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsTests {

	static final String REGION = "500155";

	static final String CATEGORY = "GOV_GOODS";

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@Autowired
	ApplicationContext context;

	@Autowired
	AdjustableClock clock;

	@Autowired
	Analytics analytics;

	@Autowired
	RollupRebuild rebuild;

	@Autowired
	MockMvc mvc;

	@Autowired
	Facts facts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	/** What the test did, counted by the test: one case per (budget, quotes); fewer than three quotes fail it. */
	record Case(String budget, List<String> quotes, ProcurementView view, Instant publishedAt, Instant decidedAt) {

		boolean concluded() {
			return quotes.size() >= 3;
		}

		BigDecimal price() {
			return quotes.stream().map(BigDecimal::new).min(BigDecimal::compareTo).orElseThrow();
		}
	}

	List<Case> cases;

	YearMonth month;

	@BeforeAll
	void trade() {
		// the three cases (a few days each) should fall in one month: start early in a month
		java.time.ZonedDateTime now = clock.instant().atZone(BEIJING);
		if (now.getDayOfMonth() > 8) {
			clock.advanceTo(now.plusMonths(1).withDayOfMonth(2).withHour(9).toInstant());
		}
		ProcurementFixture f = new ProcurementFixture(context, 3);
		cases = List.of(procured(f, "100000", List.of("91000", "92000", "93000")),
				procured(f, "200000", List.of("150000", "160000", "170000")),
				procured(f, "50000", List.of("45000", "46000")));
		// one market entity registered in the district
		String run = f.run;
		EntityView registered = f.registry.register(new Registration(EntityKind.ORGANIZATION, "梁平数据测试公司" + run,
				TestActor.creditCode("500155"), null, "张三", "李四", "023-12345678", "contact@example.cn", "重庆市梁平区", "150",
				REGION, Set.of(EntityRole.BIDDER), "lp." + run, ProcurementFixture.PASSWORD));
		TestActor.cityStaff().call(() -> f.registry.approve(registered.id(), registered.version()));
		month = YearMonth.from(cases.get(2).decidedAt().atZone(BEIJING));
		assertThat(cases).allSatisfy(c -> assertThat(YearMonth.from(c.decidedAt().atZone(BEIJING))).isEqualTo(month));
		// the facts arrive after commit: wait until every stage of every case is counted
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> operator(() -> analytics.facts(Audience.OPERATOR,
				month.toString(), "OPENED", null, REGION, null, null)).size() == 3 && operator(() -> analytics
					.facts(Audience.OPERATOR, month.toString(), "FAILED", null, REGION, null, null)).size() == 1
				&& operator(() -> analytics.facts(Audience.OPERATOR, month.toString(), "AWARDED", null, REGION, null, null))
					.size() == 2);
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> operator(() -> analytics.facts(Audience.OPERATOR,
				YearMonth.from(registeredAt(registered).atZone(BEIJING)).toString(), "ENTITY", null, REGION, null, null)).size() == 1);
	}

	private static Instant registeredAt(EntityView e) {
		return e.submittedAt();
	}

	private Case procured(ProcurementFixture f, String budget, List<String> quotes) {
		NewProcurement request = f.request(CATEGORY, ProcurementMethod.REQUEST_FOR_QUOTATIONS, budget, 3);
		NewProcurement here = new NewProcurement(RegionCode.of(REGION).value(), request.category(), request.method(),
				request.title() + " " + budget, request.requirements(), request.budget(), request.suppliers(),
				request.responseDays(), request.singleSourceReason());
		ProcurementView registered = f.purchaserActor().call(() -> f.desk.register(here));
		Instant publishedAt = clock.instant();
		ProcurementView c = TestActor.cityStaff().call(() -> f.desk.publish(registered.id(), registered.version()));
		f.seatTeam(c); // the quotation team (政府采购法 第四十条第一项) drawn from the expert pool
		for (int i = 0; i < quotes.size(); i++) {
			f.quote(c, i + 1, quotes.get(i)); // sealed by the supplier to the case's opening key
		}
		clock.advanceTo(c.responseDeadline().plusSeconds(1));
		f.openSealed(c);
		Instant decidedAt = clock.instant();
		ProcurementView done = f.purchaserActor().call(() -> f.room.openResponses(c.id()));
		assertThat(done.status()).isEqualTo(quotes.size() >= 3 ? ProcurementStatus.CONCLUDED : ProcurementStatus.FAILED);
		return new Case(budget, quotes, c, publishedAt, decidedAt);
	}

	private static <T> T operator(Supplier<T> work) {
		return TestActor.cityStaff().call(work);
	}

	private static BigDecimal point(Dashboard d, String chart, String key) {
		return d.figure(chart).orElseThrow().points().stream().filter(p -> p.key().equals(key)).findFirst()
			.map(Figure.Point::value).orElse(null);
	}

	@Test
	void every_dashboard_number_agrees_with_a_count_made_here() {
		List<Case> concluded = cases.stream().filter(Case::concluded).toList();
		BigDecimal awarded = concluded.stream().map(Case::price).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal budgets = concluded.stream().map(c -> new BigDecimal(c.budget())).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal wan = awarded.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP);
		BigDecimal savings = BigDecimal.ONE.subtract(awarded.divide(budgets, 10, RoundingMode.HALF_UP))
			.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
		double days = concluded.stream().mapToDouble(c -> Duration.between(c.publishedAt(), c.decidedAt()).toMinutes()
				/ 1440.0).average().orElseThrow();
		String m = month.toString();
		for (Audience audience : List.of(Audience.OPERATOR, Audience.PUBLIC)) {
			Dashboard d = operator(() -> analytics.dashboard(audience, m, null, REGION));
			assertThat(point(d, "volume", m)).as(audience + " volume").isEqualByComparingTo("" + concluded.size());
			assertThat(point(d, "amount", m)).as(audience + " amount").isEqualByComparingTo(wan);
			assertThat(point(d, "savings", m)).as("savings").isEqualByComparingTo(savings);
			assertThat(point(d, "premium", m)).as("no auction here").isNull();
			// every winner is registered in the city: none non-local
			assertThat(point(d, "nonLocal", m)).isEqualByComparingTo("0");
			assertThat(point(d, "failed", m)).isEqualByComparingTo(BigDecimal.valueOf(100).divide(BigDecimal.valueOf(3), 2,
					RoundingMode.HALF_UP));
			assertThat(point(d, "awardDays", m).doubleValue()).isCloseTo(days, org.assertj.core.data.Offset.offset(0.11));
			assertThat(point(d, "category", CATEGORY)).isEqualByComparingTo(wan);
			assertThat(point(d, "district", REGION)).isEqualByComparingTo(wan);
			assertThat(d.figure("district").orElseThrow().points()).hasSize(1);
			assertThat(point(d, "procedure", "REQUEST_FOR_QUOTATIONS")).isEqualByComparingTo("" + concluded.size());
			Map<String, BigDecimal> bidders = new TreeMap<>();
			d.figure("bidders").orElseThrow().points().forEach(p -> bidders.put(p.key(), p.value()));
			assertThat(bidders).hasSize(2);
			assertThat(bidders.get("3")).isEqualByComparingTo("2");
			assertThat(bidders.get("2")).isEqualByComparingTo("1");
			for (String none : List.of("complaints", "alerts", "capitalFreed")) {
				assertThat(point(d, none, m)).as(none).isEqualByComparingTo("0");
			}
			// each case's quotation team (compulsory, 政府采购法 第四十条第一项) seated two drawn experts
			assertThat(point(d, "expertSeats", m)).as("expertSeats").isEqualByComparingTo("" + 2 * cases.size());
			assertThat(point(d, "eGuarantee", m)).as("no security given").isNull();
			// the same month a year before has nothing: no year-on-year change to state
			assertThat(d.figure("volume").orElseThrow().points().get(11).previousYear()).isEqualByComparingTo("0");
		}
		Dashboard entities = operator(() -> analytics.dashboard(Audience.OPERATOR, m, null, REGION));
		assertThat(entities.figure("entities").orElseThrow().points().stream().map(Figure.Point::value)
			.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1");
		// the drill-down behind the amount bar lists exactly the concluded cases, with their prices
		List<FactRow> rows = operator(() -> analytics.facts(Audience.OPERATOR, m, "AWARDED", null, REGION, null, null));
		assertThat(rows).extracting(FactRow::tradeCode)
			.containsExactlyInAnyOrderElementsOf(concluded.stream().map(c -> c.view().tradeCode().value()).toList());
		assertThat(rows).extracting(FactRow::amount).usingElementComparator(BigDecimal::compareTo)
			.containsExactlyInAnyOrderElementsOf(concluded.stream().map(Case::price).toList());
		assertThat(rows).allSatisfy(r -> assertThat(r.recordId()).isNotNull());
	}

	@Test
	void the_city_wide_rollup_agrees_with_the_district_rollup() {
		String m = month.toString();
		Dashboard city = operator(() -> analytics.dashboard(Audience.OPERATOR, m, null, null));
		BigDecimal districts = city.figure("district").orElseThrow().points().stream().map(Figure.Point::value)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal categories = city.figure("category").orElseThrow().points().stream().map(Figure.Point::value)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		// rounding to 万元 per district or per category may differ by a cent per row
		assertThat(districts.subtract(point(city, "amount", m)).abs())
			.isLessThanOrEqualTo(BigDecimal.valueOf(city.figure("district").orElseThrow().points().size(), 2));
		assertThat(categories.subtract(point(city, "amount", m)).abs())
			.isLessThanOrEqualTo(BigDecimal.valueOf(city.figure("category").orElseThrow().points().size(), 2));
	}

	@Test
	void a_regulator_never_sees_what_is_outside_its_industries_or_regions() {
		String m = month.toString();
		List<String> mine = cases.stream().map(c -> c.view().tradeCode().value()).toList();
		TestActor otherIndustry = regulator(RegionScope.wholeCity(), "ENG_BUILDING");
		TestActor otherRegion = regulator(RegionScope.of(RegionCode.of(TestActor.WANZHOU)), CATEGORY);
		TestActor inScope = regulator(RegionScope.of(RegionCode.of(REGION)), CATEGORY);
		Dashboard other = otherIndustry.call(() -> analytics.dashboard(Audience.REGULATOR, m, null, REGION));
		assertThat(point(other, "volume", m)).isEqualByComparingTo("0");
		assertThat(other.figure("category").orElseThrow().points()).isEmpty();
		assertThat(otherIndustry.call(() -> analytics.facts(Audience.REGULATOR, m, "AWARDED", null, REGION, null, null)))
			.isEmpty();
		for (TestActor outside : List.of(otherIndustry, otherRegion)) {
			for (String stage : List.of("AWARDED", "FAILED", "OPENED", "PUBLISHED")) {
				assertThat(outside.call(() -> analytics.facts(Audience.REGULATOR, m, stage, null, null, null, null)))
					.extracting(FactRow::tradeCode).doesNotContainAnyElementsOf(mine);
			}
			Dashboard all = outside.call(() -> analytics.dashboard(Audience.REGULATOR, m, null, null));
			assertThat(all.figure("district").orElseThrow().points()).extracting(Figure.Point::key).doesNotContain(REGION);
		}
		assertThatThrownBy(() -> otherRegion.call(() -> analytics.dashboard(Audience.REGULATOR, m, null, REGION)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("region"));
		assertThatThrownBy(() -> otherIndustry.call(() -> analytics.dashboard(Audience.REGULATOR, m, CATEGORY, null)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("category"));
		// in scope: the same numbers the operator sees
		Dashboard own = inScope.call(() -> analytics.dashboard(Audience.REGULATOR, m, null, null));
		assertThat(point(own, "volume", m)).isEqualByComparingTo("2");
		assertThat(inScope.call(() -> analytics.facts(Audience.REGULATOR, m, "AWARDED", null, null, null, null)))
			.hasSize(2);
		// district staff elsewhere: none of it either
		TestActor wanzhou = TestActor.districtStaff(TestActor.WANZHOU);
		assertThat(wanzhou.call(() -> analytics.facts(Audience.OPERATOR, m, "AWARDED", null, null, null, null)))
			.extracting(FactRow::tradeCode).doesNotContainAnyElementsOf(mine);
	}

	private static TestActor regulator(RegionScope scope, String industry) {
		return new TestActor(new Actor("regulator." + industry.toLowerCase(), "REGULATOR", TestActor.CITY), "监管",
				Set.of(Role.REGULATOR), scope, Set.of(CategoryCode.of(industry)));
	}

	@Test
	void the_excel_and_csv_downloads_carry_the_dashboard_numbers() throws Exception {
		String m = month.toString();
		Dashboard d = operator(() -> analytics.dashboard(Audience.OPERATOR, m, null, REGION));
		MockHttpServletResponse xlsx = mvc.perform(get("/analytics/export/data.xlsx").param("chart", "amount").param("month", m)
			.param("region", REGION).with(authentication(TestActor.cityStaff().authentication()))).andReturn().getResponse();
		assertThat(xlsx.getStatus()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).contains("成交金额");
			List<Figure.Point> points = d.figure("amount").orElseThrow().points();
			assertThat(sheet.getLastRowNum()).isEqualTo(points.size());
			for (int i = 0; i < points.size(); i++) {
				Row row = sheet.getRow(i + 1);
				assertThat(row.getCell(0).getStringCellValue()).isEqualTo(points.get(i).key());
				assertThat(BigDecimal.valueOf(row.getCell(1).getNumericCellValue()))
					.isEqualByComparingTo(points.get(i).value());
			}
		}
		MockHttpServletResponse csv = mvc.perform(get("/open/analytics/export/data.csv").param("chart", "district")
			.param("month", m).param("region", REGION)).andReturn().getResponse();
		assertThat(csv.getStatus()).isEqualTo(200);
		String text = new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(text.lines().skip(1).toList()).singleElement().asString()
			.startsWith("\"梁平区\"," + point(d, "district", REGION).toPlainString() + ",");
	}

	@Test
	void rebuilding_the_rollups_from_the_facts_gives_the_same_figures() {
		String m = month.toString();
		Dashboard before = operator(() -> analytics.dashboard(Audience.OPERATOR, m, null, REGION));
		Dashboard cityBefore = operator(() -> analytics.dashboard(Audience.PUBLIC, m, null, null));
		rebuild.rebuild();
		assertThat(operator(() -> analytics.dashboard(Audience.OPERATOR, m, null, REGION))).isEqualTo(before);
		assertThat(operator(() -> analytics.dashboard(Audience.PUBLIC, m, null, null)).figure("volume"))
			.isEqualTo(cityBefore.figure("volume"));
	}

	@Test
	void bad_input_is_refused_naming_the_field() throws Exception {
		var staff = authentication(TestActor.cityStaff().authentication());
		Map<String, String[]> bad = Map.of("month", new String[] { "/analytics", "month", "2026-13" }, "category",
				new String[] { "/analytics", "category", "NO_SUCH_CATEGORY" }, "region",
				new String[] { "/analytics", "region", "999999" }, "chart",
				new String[] { "/analytics/export/data.xlsx", "chart", "nothing" }, "stage",
				new String[] { "/analytics/facts", "stage", "NOPE" });
		for (Map.Entry<String, String[]> e : bad.entrySet()) {
			String[] v = e.getValue();
			MockHttpServletResponse r = mvc.perform(get(v[0]).param(v[1], v[2]).with(staff)).andReturn().getResponse();
			assertThat(r.getStatus()).as(e.getKey()).isEqualTo(400);
			assertThat(r.getContentAsString()).as(e.getKey())
				.contains(Map.of("month", "月份", "category", "交易品类", "region", "区县", "chart", "图表", "stage", "环节")
					.get(e.getKey()));
		}
		MockHttpServletResponse english = mvc.perform(get("/analytics").param("month", "11/2026").with(staff)
			.header("Accept-Language", "en")).andReturn().getResponse();
		assertThat(english.getStatus()).isEqualTo(400);
		// a district outside the staff member's regions, and a stage the public may not list
		MockHttpServletResponse outside = mvc.perform(get("/analytics").param("region", REGION)
			.with(authentication(TestActor.districtStaff(TestActor.WANZHOU).authentication()))).andReturn().getResponse();
		assertThat(outside.getStatus()).isEqualTo(400);
		assertThat(outside.getContentAsString()).contains("管辖范围");
		MockHttpServletResponse hidden = mvc.perform(get("/open/analytics/facts").param("stage", "ENTITY")
			.param("month", month.toString())).andReturn().getResponse();
		assertThat(hidden.getStatus()).isEqualTo(400);
		assertThat(hidden.getContentAsString()).contains("不公开");
	}

	@Test
	void the_pages_render_for_each_audience() throws Exception {
		String m = month.toString();
		String page = mvc.perform(get("/open/analytics").param("month", m).param("region", REGION)).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("公共资源交易数据").contains("chart-volume").contains("梁平区");
		String facts = mvc.perform(get("/open/analytics/facts").param("stage", "AWARDED").param("month", m)
			.param("region", REGION)).andReturn().getResponse().getContentAsString();
		for (Case c : cases.stream().filter(Case::concluded).toList()) {
			assertThat(facts).contains(c.view().tradeCode().value());
		}
		String staff = mvc.perform(get("/analytics/staff").param("month", m)
			.with(authentication(TestActor.cityStaff().authentication()))).andReturn().getResponse().getContentAsString();
		assertThat(staff).contains("staff-table");
	}

	/**
	 * The coarse rollups the dashboards read (city and district by month × stage × procedure, city-wide bidder counts)
	 * hold exactly what a GROUP BY over every fact gives, in both directions; each comparison is one statement, so one
	 * snapshot, while other tests' facts keep arriving.
	 */
	@Test
	void the_coarse_rollups_equal_a_group_by_over_the_facts() {
		Map<String, String[]> pairs = Map.of("city_months", new String[] {
				"SELECT month, stage, procedure, n, amount, paired_budget, non_local, duration_n FROM analytics.city_months",
				"""
				SELECT month, stage, procedure, count(*), coalesce(sum(amount), 0),
				  coalesce(sum(budget) FILTER (WHERE amount IS NOT NULL AND budget > 0), 0),
				  count(*) FILTER (WHERE non_local), count(duration_days) FROM analytics.facts GROUP BY 1, 2, 3""" },
				"region_months", new String[] {
						"SELECT region_code, month, stage, procedure, n, amount FROM analytics.region_months",
						"""
						SELECT region_code, month, stage, procedure, count(*), coalesce(sum(amount), 0) FROM analytics.facts
						GROUP BY 1, 2, 3, 4""" },
				"city_bidder_counts", new String[] {
						"SELECT month, category_code, procedure, bidders, sections FROM analytics.city_bidder_counts", """
						SELECT month, category_code, procedure, bidders, count(*) FROM analytics.facts
						WHERE stage = 'OPENED' AND bidders IS NOT NULL GROUP BY 1, 2, 3, 4""" });
		for (Map.Entry<String, String[]> pair : pairs.entrySet()) {
			String rollup = pair.getValue()[0];
			String plain = pair.getValue()[1];
			long differing = RegionScopes.callAsPlatform(() -> transactions.execute(status -> jdbc.sql("""
					SELECT (SELECT count(*) FROM ((%1$s) EXCEPT (%2$s)) a) + (SELECT count(*) FROM ((%2$s) EXCEPT (%1$s)) b)"""
				.formatted(rollup, plain)).query(Long.class).single()));
			assertThat(differing).as(pair.getKey()).isZero();
		}
		long rows = RegionScopes.callAsPlatform(() -> transactions.execute(status -> jdbc
			.sql("SELECT count(*) FROM analytics.region_months WHERE region_code = ?").param(REGION).query(Long.class)
			.single()));
		assertThat(rows).as("the district's coarse rows exist").isPositive();
	}

	/**
	 * A failed section re-tendered (tendering's {@code SectionRetendered}) is counted apart from the failed share: the
	 * re-tendered share is the sections re-tendered over the tender notices published, both counted here, with its
	 * drill-down and its CSV.
	 */
	@Test
	void a_retendered_section_is_counted_apart_from_the_failed_share() throws Exception {
		String run = Long.toString(System.nanoTime(), 36).toUpperCase();
		java.time.Instant at = month.atDay(12).atTime(10, 0).atZone(BEIJING).toInstant();
		List<String> trades = List.of("CQ-500155-RT-" + run + "A", "CQ-500155-RT-" + run + "B",
				"CQ-500155-RT-" + run + "C");
		for (String trade : trades) {
			facts.record(Fact.of("test-notice:" + trade, Stage.PUBLISHED, at, REGION, "ENG_BUILDING", TenderFacts.TENDER,
					trade, "重新招标测试 " + trade));
		}
		SectionId section = new SectionId(UUID.randomUUID());
		var retendered = new OpeningChanged.SectionRetendered(new Actor("staff.lp", "CENTER_STAFF", REGION), section,
				TradeCode.of(trades.get(0)), 2, RegionCode.of(REGION), at.plusSeconds(3600));
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> context.publishEvent(retendered)));
		String m = month.toString();
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !operator(() -> analytics.facts(Audience.OPERATOR,
				m, "RETENDERED", null, REGION, null, null)).isEmpty());
		// redelivered: counted once
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> context.publishEvent(retendered)));
		long published = trades.size();
		BigDecimal share = BigDecimal.valueOf(100).divide(BigDecimal.valueOf(published), 2, RoundingMode.HALF_UP);
		Awaitility.await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(500)).untilAsserted(() -> {
			for (Audience audience : List.of(Audience.OPERATOR, Audience.PUBLIC)) {
				Dashboard d = operator(() -> analytics.dashboard(audience, m, null, REGION));
				assertThat(point(d, "retendered", m)).as(audience + " re-tendered share").isEqualByComparingTo(share);
				// the failed share is the procurement cases' alone: 1 of 3
				assertThat(point(d, "failed", m)).isEqualByComparingTo(BigDecimal.valueOf(100).divide(BigDecimal.valueOf(3),
						2, RoundingMode.HALF_UP));
			}
		});
		assertThat(operator(() -> analytics.facts(Audience.OPERATOR, m, "RETENDERED", null, REGION, null, null)))
			.singleElement().satisfies(r -> assertThat(r.tradeCode()).isEqualTo(trades.get(0)));
		// the public may list it (a re-tender is published anyway), and download the chart
		String csv = mvc.perform(get("/open/analytics/export/data.csv").param("chart", "retendered").param("month", m)
			.param("region", REGION)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.lines().filter(l -> l.startsWith("\"" + m + "\"")).findFirst().orElseThrow())
			.startsWith("\"" + m + "\"," + share.toPlainString() + ",");
		assertThat(mvc.perform(get("/open/analytics/facts").param("stage", "RETENDERED").param("month", m)
			.param("region", REGION)).andReturn().getResponse().getContentAsString()).contains(trades.get(0));
	}

	/**
	 * Service ratings (好差评) and room bookings, from the service desk's and the venue module's events: the bad-rating
	 * share, the room-hours booked (a cancellation taken back) and each rated staff member's good and bad ratings, all
	 * against counts made here; the public does not get these operator charts.
	 */
	@Test
	void ratings_and_room_hours_agree_with_what_was_given_and_booked() {
		String run = Long.toString(System.nanoTime(), 36);
		String m = month.toString();
		java.time.Instant at = month.atDay(14).atTime(9, 0).atZone(BEIJING).toInstant();
		String staff = "lp.desk." + run;
		List<SatisfactionLevel> given = List.of(SatisfactionLevel.VERY_SATISFIED, SatisfactionLevel.BASICALLY_SATISFIED,
				SatisfactionLevel.SATISFIED, SatisfactionLevel.VERY_DISSATISFIED);
		Actor citizen = new Actor("citizen." + run, "BIDDER", REGION);
		for (SatisfactionLevel level : given) {
			publish(new ServiceDeskChanged.ServiceRated(citizen, UUID.randomUUID(), level, staff, RegionCode.of(REGION), at));
		}
		long bad = given.stream().filter(SatisfactionLevel::bad).count();
		// two rooms booked (2 h and 3.5 h), the second cancelled: 2 h remain
		Actor booker = new Actor("staff.lp." + run, "CENTER_STAFF", REGION);
		UUID kept = UUID.randomUUID();
		UUID cancelled = UUID.randomUUID();
		publish(new VenueChanged.RoomBooked(booker, kept, UUID.randomUUID(), UUID.randomUUID(), "OPENING", "开标", "T-" + run,
				at, at.plusSeconds(7200), at, at.plusSeconds(7200), RegionCode.of(REGION), at));
		publish(new VenueChanged.RoomBooked(booker, cancelled, UUID.randomUUID(), UUID.randomUUID(), "EVALUATION", "评标",
				"T2-" + run, at, at.plusSeconds(12600), at, at.plusSeconds(12600), RegionCode.of(REGION), at));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> operator(() -> analytics.facts(Audience.OPERATOR, m,
				"ROOM_BOOKED", null, REGION, null, null)).size() >= 2);
		publish(new VenueChanged.BookingCancelled(booker, cancelled, "改期", RegionCode.of(REGION), at.plusSeconds(60)));
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Dashboard d = operator(() -> analytics.dashboard(Audience.OPERATOR, m, null, REGION));
			assertThat(point(d, "badRatings", m)).isEqualByComparingTo(BigDecimal.valueOf(100 * bad)
				.divide(BigDecimal.valueOf(given.size()), 2, RoundingMode.HALF_UP));
			assertThat(point(d, "roomHours", m)).isEqualByComparingTo("2.0");
		});
		List<StaffFigure> rated = operator(() -> analytics.staff(m, false)).stream()
			.filter(f -> f.staff().equals(staff)).toList();
		assertThat(rated).extracting(StaffFigure::stage, StaffFigure::completions).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple(Stage.GOOD_RATING, given.size() - bad),
				org.assertj.core.groups.Tuple.tuple(Stage.BAD_RATING, bad));
		Dashboard open = analytics.dashboard(Audience.PUBLIC, m, null, REGION);
		assertThat(open.figure("roomHours")).isEmpty();
		assertThat(open.figure("badRatings")).isEmpty();
		assertThatThrownBy(() -> analytics.facts(Audience.PUBLIC, m, "BAD_RATING", null, REGION, null, null))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("stage"));
	}

	/**
	 * The auctions' premium rate by category, two months before the procurement cases (whose month has no auction):
	 * Σ final ÷ Σ starting − 1 over the lots sold here, and the drill-down behind it lists those lots only.
	 */
	@Test
	void the_premium_by_category_is_the_auctions_final_over_starting_price() {
		String run = Long.toString(System.nanoTime(), 36).toUpperCase();
		YearMonth earlier = month.minusMonths(2);
		java.time.Instant at = earlier.atDay(20).atTime(15, 0).atZone(BEIJING).toInstant();
		String[][] lots = { { "100000", "130000" }, { "200000", "220000" } };
		for (int i = 0; i < lots.length; i++) {
			String trade = "CQ-500155-PR-" + run + i;
			facts.record(Fact.of("test-auction:" + trade, Stage.AWARDED, at, REGION, "LAND_STATE", MarketFacts.AUCTION,
					trade, "溢价率测试 " + trade).withAmounts(new BigDecimal(lots[i][0]), new BigDecimal(lots[i][1])));
		}
		// a tender in the same category and month: not an auction, no part of the premium
		facts.record(Fact.of("test-tender:" + run, Stage.AWARDED, at, REGION, "LAND_STATE", TenderFacts.TENDER,
				"CQ-500155-PT-" + run, "非竞价").withAmounts(new BigDecimal("100000"), new BigDecimal("90000")));
		BigDecimal starting = new BigDecimal("300000");
		BigDecimal last = new BigDecimal("350000");
		BigDecimal premium = last.divide(starting, 10, RoundingMode.HALF_UP).subtract(BigDecimal.ONE)
			.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
		for (Audience audience : List.of(Audience.OPERATOR, Audience.PUBLIC)) {
			Dashboard d = operator(() -> analytics.dashboard(audience, earlier.toString(), null, REGION));
			assertThat(point(d, "premiumByCategory", "LAND_STATE")).as(audience.name()).isEqualByComparingTo(premium);
			assertThat(point(d, "premium", earlier.toString())).isEqualByComparingTo(premium);
		}
		assertThat(operator(() -> analytics.facts(Audience.OPERATOR, earlier.toString(), "AWARDED", "LAND_STATE", REGION,
				MarketFacts.AUCTION, null))).hasSize(lots.length);
	}

	private void publish(Object event) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> context.publishEvent(event)));
	}

	@Autowired
	MarketFacts marketFacts;

	/**
	 * Auction lots by bidders: the transferees qualified to bid on a lot (auction's {@code TransfereeQualified}, a
	 * redelivery counted once) are its bidders when its auction closes, charted apart from the sections' bidders. The
	 * listener bean is called directly (still asynchronously): a made-up closing must not reach the portal.
	 */
	@Test
	void a_lots_bidders_are_the_transferees_qualified_to_bid_on_it() {
		String run = Long.toString(System.nanoTime(), 36).toUpperCase();
		YearMonth earlier = month.minusMonths(3);
		java.time.Instant at = earlier.atDay(8).atTime(10, 0).atZone(BEIJING).toInstant();
		UUID listing = UUID.randomUUID();
		int qualified = 4;
		for (int i = 0; i < qualified; i++) {
			var q = new org.yiwang.auction.AuctionChanged.TransfereeQualified(Actor.SYSTEM, listing, UUID.randomUUID(), null,
					"B" + i, null, RegionCode.of(REGION), at);
			marketFacts.on(q);
			marketFacts.on(q);
		}
		// the listener's methods run asynchronously (@ApplicationModuleListener): the closing comes after the qualifying
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> RegionScopes.callAsPlatform(() -> transactions
			.execute(status -> jdbc.sql("SELECT count(*) FROM analytics.lot_bidders WHERE listing = ?").param(listing)
				.query(Long.class).single())) == qualified);
		TradeCode trade = TradeCode.of("CQ-500155-LB-" + run);
		marketFacts.on(new org.yiwang.auction.AuctionClosed(Actor.SYSTEM, listing, trade, RegionCode.of(REGION),
				CategoryCode.of("LAND_STATE"), "竞买人数测试", org.yiwang.auction.AuctionStatus.FAILED,
				org.yiwang.kernel.Money.of("1000000"), null, 0, null, null, null, null, null, at, at.plusSeconds(3600), "",
				"", at.plusSeconds(3600), null));
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (Audience audience : List.of(Audience.OPERATOR, Audience.PUBLIC)) {
				Dashboard d = operator(() -> analytics.dashboard(audience, earlier.toString(), null, REGION));
				assertThat(d.figure("lotBidders").orElseThrow().points()).as(audience.name()).singleElement()
					.satisfies(p -> {
						assertThat(p.key()).isEqualTo("" + qualified);
						assertThat(p.value()).isEqualByComparingTo("1");
					});
				assertThat(d.figure("bidders").orElseThrow().points()).as("sections apart from lots").isEmpty();
			}
		});
		assertThat(operator(() -> analytics.facts(Audience.OPERATOR, earlier.toString(), "OPENED", null, REGION,
				MarketFacts.AUCTION, qualified))).extracting(FactRow::tradeCode).containsExactly(trade.value());
		assertThat(operator(() -> analytics.facts(Audience.OPERATOR, earlier.toString(), "OPENED", null, REGION, null,
				qualified))).as("the sections' bidders drill-down lists no lot").isEmpty();
	}
}
