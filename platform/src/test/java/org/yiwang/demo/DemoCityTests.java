package org.yiwang.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.TestActor;
import org.yiwang.auction.AuctionHall;
import org.yiwang.auction.ListingStatus;
import org.yiwang.auction.ListingView;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CategoryView;
import org.yiwang.evaluation.EvaluationCaseView;
import org.yiwang.evaluation.EvaluationDesk;
import org.yiwang.portal.Portal;
import org.yiwang.portal.SearchRequest;
import org.yiwang.portal.SearchResult;
import org.yiwang.tendering.SectionStatus;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDesk;

/**
 * A fresh demo start with the whole demo on (the demo city, entities, bank and issuer, as {@code yiwang.demo=true}
 * gives a newcomer): the portal's public notice list shows records of at least 8 districts and of every category of
 * the catalogue, the sign-in page lists the demo accounts, tenders and listings stand at every later stage (failed,
 * under evaluation, publicised, awarded, contracted; sold and unsold), tenders went their whole way in each month of the
 * past year, every demo runner finished, and a second start seeds nothing twice.
 */
@SpringBootTest(properties = { "yiwang.demo.city=true", "yiwang.demo.entities=true", "yiwang.demo.guarantee=true" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DemoCityTests {

	@Autowired
	Portal portal;

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoCity city;

	@Autowired
	DemoTenderStages stages;

	@Autowired
	TenderDesk desk;

	@Autowired
	AuctionHall hall;

	@Autowired
	EvaluationDesk evaluation;

	@Autowired
	Clock clock;

	@Autowired
	DemoSeeding seeding;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The portal indexes what was published after the commit, off the start-up thread: waits until it settled, that is
	 * until the portal's listeners handled every event published so far and the index holds every public record (or,
	 * should the two counts differ for good, until the index stood still for a second), checking every 50 ms.
	 */
	private long settled() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		long last = -1;
		long stillSince = System.nanoTime();
		while (true) {
			long pending = jdbc.sql("select count(*) from event_publication where completion_date is null "
					+ "and listener_id like 'org.yiwang.portal.%'").query(Long.class).single();
			long indexed = portal.search(SearchRequest.of("")).total();
			if (indexed != last) {
				last = indexed;
				stillSince = System.nanoTime();
			}
			boolean handled = pending == 0 && indexed >= 20;
			if (handled && (indexed == portal.recordCount() || System.nanoTime() - stillSince >= 1_000_000_000L)
					|| System.nanoTime() > deadline) {
				return indexed;
			}
			Thread.sleep(50);
		}
	}

	@Autowired
	Catalog catalog;

	@Test
	void the_public_notice_list_shows_at_least_8_districts_and_every_category_of_the_catalogue() throws Exception {
		settled();
		SearchResult all = portal.search(SearchRequest.of(""));
		Map<String, Long> regions = all.facets().get("region");
		Map<String, Long> categories = all.facets().get("category");
		System.out.printf("Demo city: %d public records in %d regions and %d categories: %s %s%n", all.total(),
				regions.size(), categories.size(), regions, categories);
		assertThat(regions.keySet()).hasSizeGreaterThanOrEqualTo(8)
			.contains("500103", "500105", "500106", "500107", "500108", "500112", "X50001", "500243", "500229");
		// issue 23: the demo city holds public records of every category of the catalogue
		List<String> catalogue = catalog.categories().stream().filter(CategoryView::enabled).map(c -> c.code().value())
			.toList();
		assertThat(catalogue).hasSizeGreaterThanOrEqualTo(35);
		assertThat(categories.keySet()).as("categories with a public record of the demo city")
			.containsAll(catalogue);
		// the public page itself (as anyone reads it), filtered to a county
		String page = mvc.perform(get("/notices").param("region", "500243")).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("彭水县鹿角镇建筑石料用灰岩矿采矿权").contains("彭水县郁江防洪护岸综合治理");
	}

	/**
	 * The demo runners swallow their failures so the platform starts anyway: a runner that fails leaves only a log line,
	 * as the procurement demo did for weeks (a demo credit code with an S, which codes never contain).
	 */
	@Test
	void the_procurement_demo_publishes_its_cases() throws Exception {
		settled();
		assertThat(portal.search(SearchRequest.of("政务大厅自助终端")).total()).as("the demo negotiation case").isPositive();
		assertThat(portal.search(SearchRequest.of("政务系统原厂运维")).total()).as("the demo single-source case").isPositive();
		// the demo suppliers sealed their first offers and framework unit prices themselves (nothing platform-sealed)
		TestActor staff = TestActor.cityStaff();
		org.yiwang.procurement.ProcurementView negotiation = staff.call(procurement::regionCases).stream()
			.filter(c -> c.title().contains("政务大厅自助终端")).findFirst().orElseThrow();
		assertThat(staff.call(() -> sealedOffers.sealing(negotiation.id())).orElseThrow().offers()).hasSize(2)
			.allSatisfy(o -> assertThat(o.sealed()).isTrue());
		org.yiwang.procurement.FrameworkView framework = staff.call(frameworks::regionFrameworks).stream()
			.filter(f -> f.title().contains("办公设备框架协议")).findFirst().orElseThrow();
		assertThat(staff.call(() -> frameworkOffers.responses(framework.id())).orElseThrow().offers()).hasSize(2);
	}

	@Autowired
	org.yiwang.procurement.ProcurementDesk procurement;

	@Autowired
	org.yiwang.procurement.SealedOffers sealedOffers;

	@Autowired
	org.yiwang.procurement.FrameworkAgreements frameworks;

	@Autowired
	org.yiwang.procurement.FrameworkSealedOffers frameworkOffers;

	@Test
	void a_restart_seeds_nothing_twice() throws Exception {
		long before = settled();
		long sections = TestActor.cityStaff().call(desk::sections).size();
		java.time.Instant now = clock.instant();
		ApplicationArguments none = new DefaultApplicationArguments();
		stages.run(none);
		city.run(none);
		assertThat(settled()).isEqualTo(before);
		assertThat(TestActor.cityStaff().call(desk::sections)).hasSize((int) sections);
		assertThat(Duration.between(now, clock.instant())).as("the demo clock did not jump again")
			.isLessThan(Duration.ofMinutes(5));
	}

	@Test
	void the_city_has_tenders_and_listings_at_every_later_stage() {
		Map<SectionStatus, Long> tenders = TestActor.cityStaff().call(desk::sections).stream()
			.collect(Collectors.groupingBy(SectionView::status, Collectors.counting()));
		Map<ListingStatus, Long> listings = TestActor.cityStaff().call(hall::regionListings).stream()
			.collect(Collectors.groupingBy(ListingView::status, Collectors.counting()));
		System.out.printf("Demo city stages: tenders %s, listings %s%n", tenders, listings);
		assertThat(tenders).containsKeys(SectionStatus.PUBLISHED, SectionStatus.FAILED, SectionStatus.OPENED,
				SectionStatus.PUBLICIZING, SectionStatus.AWARDED, SectionStatus.CONTRACTED);
		assertThat(listings).containsKeys(ListingStatus.PUBLISHED, ListingStatus.SOLD, ListingStatus.FAILED);
		// the tender under evaluation has its committee seated and evaluation begun
		SectionView underEvaluation = TestActor.cityStaff().call(desk::sections).stream()
			.filter(s -> s.status() == SectionStatus.OPENED).findFirst().orElseThrow();
		UUID caseId = TestActor.cityStaff().call(() -> evaluation.caseOf(underEvaluation.id(), 1)).orElseThrow();
		EvaluationCaseView view = TestActor.cityStaff().call(() -> evaluation.caseView(caseId));
		assertThat(view.committeeSeated()).isTrue();
		assertThat(view.begunAt()).isNotNull();
		// the contracted one's public record carries the winner; the sold listing its price
		assertThat(TestActor.cityStaff().call(hall::regionListings).stream()
			.filter(l -> l.status() == ListingStatus.SOLD)).allSatisfy(l -> assertThat(l.finalPrice()).isNotNull());
	}

	@Test
	void the_sign_in_page_lists_a_demo_account_of_every_role_in_demo_mode() throws Exception {
		String page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"demo-accounts\"", "Demo@2026yw");
		for (String username : new String[] { "admin", "staff", "staff.yuzhong", "tenderer", "agency", "bidder", "expert",
				"regulator", "issuer", "intermediary" }) {
			assertThat(page).as(username).contains(">" + username + "</code>");
		}
		assertThat(page).contains("平台管理员", "评标专家", "中介机构");
	}

	@Test
	void the_past_year_has_public_records_every_month_and_tenders_that_went_their_way_each_month() throws Exception {
		settled();
		double total = 0;
		for (DemoSeeding.Outcome o : seeding.outcomes()) {
			System.out.printf("Demo runner %-18s %s %6.1f s %s%n", o.runner(), o.ok() ? "ok    " : "FAILED", o.seconds(),
					o.error() == null ? "" : o.error());
			total += o.seconds();
		}
		System.out.printf("Demo seeding: %.1f s in all runners%n", total);
		assertThat(seeding.failures()).as("demo runners that failed").isEmpty();

		ZoneId china = ZoneId.of("Asia/Shanghai");
		YearMonth platformMonth = YearMonth.from(LocalDate.ofInstant(clock.instant(), china));
		List<YearMonth> withRecords = new ArrayList<>();
		for (int i = 0; i <= 13; i++) {
			YearMonth month = platformMonth.minusMonths(i);
			if (portal.search(new SearchRequest("", null, null, null, month.atDay(1), month.atEndOfMonth(), null, null, null,
					1)).total() > 0) {
				withRecords.add(month);
			}
		}
		System.out.printf("Demo city: public records in %d of the last 14 months: %s%n", withRecords.size(), withRecords);
		assertThat(withRecords).hasSizeGreaterThanOrEqualTo(12);

		// not only back-dated listings: tenders contracted or failed at their own month's time, in many districts
		List<SectionView> done = TestActor.cityStaff().call(desk::sections).stream()
			.filter(s -> s.status() == SectionStatus.CONTRACTED || s.status() == SectionStatus.FAILED).toList();
		Set<YearMonth> months = done.stream().map(s -> YearMonth.from(s.bidDeadline().atZone(china)))
			.collect(Collectors.toSet());
		Set<String> districts = done.stream().map(s -> s.region().value()).collect(Collectors.toSet());
		System.out.printf("Demo city: %d tenders contracted or failed, deadlines in %d months, %d districts%n", done.size(),
				months.size(), districts.size());
		assertThat(months).hasSizeGreaterThanOrEqualTo(11);
		assertThat(districts).hasSizeGreaterThanOrEqualTo(8).contains("X50001", "500243", "500229");
		assertThat(Duration.between(clock.instant(), Clock.systemUTC().instant()).abs())
			.as("the demo clock ends at real time: the current tenders ran in the last month, the purchasing rounds' "
					+ "minutes after it")
			.isLessThan(Duration.ofMinutes(30));
	}
}
