package org.yiwang.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.yiwang.demo.DemoListings;
import org.yiwang.system.IndexedRequestMappings;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.registry.EntityRole;

/**
 * The listing and auction pages and their JSON: the demo listings a newcomer finds, what the public sees (and does
 * not), the live page's event stream, and a refused bid explained in the bidder's language.
 */
@PlatformTest
class AuctionPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	AuctionFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new AuctionFixture(context);
	}

	private org.springframework.security.core.Authentication session(String user) {
		return fixture.login.authenticate(new UsernamePasswordAuthenticationToken(user, AuctionFixture.PASSWORD));
	}

	@Test
	void a_newcomer_finds_the_demo_listings_and_runs_the_demo_auction_as_staff() throws Exception {
		mvc.perform(get("/listings")).andExpect(status().isOk())
			.andExpect(content().string(containsString(DemoListings.OPEN_TRADE)))
			.andExpect(content().string(containsString(DemoListings.READY_TRADE)));
		ListingView ready = fixture.hall.publicListings().stream()
			.filter(l -> l.tradeCode().value().equals(DemoListings.READY_TRADE)).findFirst().orElseThrow();
		var staff = TestActor.districtStaff(TestActor.YUZHONG);
		var registrations = staff.call(() -> fixture.hall.registrations(ready.id()));
		assertThat(registrations).hasSize(2);
		for (RegistrationView r : registrations) {
			mvc.perform(post("/listings/registrations/" + r.id() + "/qualify").with(csrf())
				.with(authentication(staff.authentication()))).andExpect(status().is3xxRedirection());
		}
		mvc.perform(post("/listings/" + ready.id() + "/conclude").with(csrf()).param("freeMinutes", "0")
			.with(authentication(staff.authentication()))).andExpect(status().is3xxRedirection());
		assertThat(fixture.hall.listing(ready.id()).status()).isEqualTo(ListingStatus.AUCTION);
		var demoBidder = fixture.login.authenticate(new UsernamePasswordAuthenticationToken("demo.transferee1",
				DemoListings.PASSWORD));
		mvc.perform(get("/auctions/" + ready.id()).with(authentication(demoBidder))).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"bid-form\"")))
			.andExpect(content().string(containsString("id=\"my-number\"")));
		mvc.perform(post("/auctions/" + ready.id() + "/bids").with(csrf()).with(authentication(demoBidder))
			.header("Idempotency-Key", "demo-1").param("amount", "3000000.00")).andExpect(status().isOk())
			.andExpect(jsonPath("$.seq").value(1));
	}

	@Test
	void a_bid_is_found_by_the_indexed_mapping_with_the_handler_interceptors_and_attributes_of_mvcs_own_walk()
			throws Exception {
		// auction.web.BidMapping (a mapping for this one endpoint) is retired: the general index finds the bid as fast
		IndexedRequestMappings mappings = context.getBean("requestMappingHandlerMapping", IndexedRequestMappings.class);
		assertThat(context.getBeansOfType(HandlerMapping.class)).doesNotContainKey("bidMapping");
		String path = "/auctions/" + UUID.randomUUID() + "/bids";
		MockHttpServletRequest fastRequest = dispatched("POST", path);
		HandlerExecutionChain fast = mappings.getHandler(fastRequest);
		MockHttpServletRequest slowRequest = dispatched("POST", path);
		HandlerMethod slow = mappings.lookupByWalk(slowRequest);
		assertThat(((HandlerMethod) fast.getHandler()).getMethod()).isEqualTo(slow.getMethod());
		assertThat(slow.getMethod().getDeclaringClass().getSimpleName()).isEqualTo("BidController");
		assertThat(slow.getMethod().getName()).isEqualTo("bid");
		// MVC's interceptors: locale change, layout, input rules
		assertThat(fast.getInterceptorList()).hasSizeGreaterThanOrEqualTo(3);
		for (String attribute : List.of(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE,
				HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE,
				HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)) {
			assertThat(fastRequest.getAttribute(attribute)).as(attribute).isEqualTo(slowRequest.getAttribute(attribute));
		}
		assertThat(fastRequest.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE))
			.isEqualTo(Map.of("id", path.split("/")[2]));
	}

	private static MockHttpServletRequest dispatched(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		ServletRequestPathUtils.parseAndCache(request);
		return request;
	}

	@Test
	void the_public_sees_published_listings_without_the_reserve_and_nothing_unpublished() throws Exception {
		ListingView published = fixture.published("W", "7000.00", "7777.77", "100.00", "700.00");
		mvc.perform(get("/listings/" + published.id())).andExpect(status().isOk())
			.andExpect(content().string(containsString(published.title())))
			.andExpect(content().string(not(containsString("7777.77"))))
			.andExpect(content().string(containsString("YIWANG-LISTING-V1")));
		mvc.perform(get("/listings/" + published.id()).with(authentication(AuctionFixture.staff().authentication())))
			.andExpect(content().string(containsString("7777.77")));
		mvc.perform(get("/api/listings")).andExpect(status().isOk())
			.andExpect(content().string(containsString(published.tradeCode().value())))
			.andExpect(content().string(not(containsString("7777.77"))));

		String user = "tfu." + fixture.run;
		fixture.entity(user, EntityRole.TRANSFEROR);
		ListingView submitted = fixture.as(user, () -> fixture.hall.submit(fixture.listing(fixture.tradeCode("U"),
				"STATE_EQUITY", "1000.00", "1000.00", "10.00", "100.00", 20)));
		mvc.perform(get("/listings/" + submitted.id())).andExpect(status().isNotFound());
		mvc.perform(get("/listings/" + submitted.id()).with(authentication(TestActor.districtStaff(TestActor.WANZHOU)
			.authentication()))).andExpect(status().isNotFound());
		mvc.perform(get("/listings/review").with(authentication(AuctionFixture.staff().authentication())))
			.andExpect(status().isOk()).andExpect(content().string(containsString(submitted.tradeCode().value())));
		mvc.perform(post("/listings").with(csrf()).with(authentication(session(user))).param("tradeCode", "bad code")
			.param("startingPrice", "abc")).andExpect(status().is3xxRedirection())
			.andExpect(result -> assertThat(result.getFlashMap().get("refused")).isNotNull());
	}

	@Test
	void a_refused_listing_form_comes_back_with_every_field_typed_and_the_refused_field_marked() throws Exception {
		String user = "tfk." + fixture.run;
		fixture.entity(user, EntityRole.TRANSFEROR);
		MvcResult refused = mvc.perform(post("/listings").with(csrf()).with(authentication(session(user)))
			.param("tradeCode", fixture.tradeCode("K")).param("region", "500103").param("title", "渝中区某国有股权转让")
			.param("description", "转让标的说明：第一行").param("conditions", "受让方须为依法设立的企业")
			.param("startingPrice", "一百万").param("increment", "1000.00").param("security", "10000.00")
			.param("listingDays", "25").param("autoExtend", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/listings/new"))
			.andReturn();
		assertThat(refused.getFlashMap().get("refusedField")).isEqualTo("startingPrice");
		String page = mvc.perform(get("/listings/new").with(authentication(session(user))).flashAttrs(refused.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("value=\"渝中区某国有股权转让\"", "转让标的说明：第一行</textarea>",
				"受让方须为依法设立的企业</textarea>", "value=\"一百万\"", "value=\"1000.00\"", "value=\"25\"");
		assertThat(page).containsPattern("<option value=\"500103\" selected=\"selected\">渝中区</option>");
		assertThat(page).containsPattern("id=\"startingPrice\"[^>]*class=\"invalid\"[^>]*aria-invalid=\"true\"|"
				+ "id=\"startingPrice\"[^>]*aria-invalid=\"true\"[^>]*class=\"invalid\"");
		assertThat(page).containsPattern("id=\"autoExtend\"[^>]*checked");
		assertThat(page.split("aria-invalid", -1)).as("only the refused field is marked").hasSize(2);
	}

	@Test
	void the_live_page_streams_the_state_and_a_refused_bid_says_why_in_the_bidders_language() throws Exception {
		ListingView listing = fixture.published("L", "1000.00", "1000.00", "10.00", "100.00");
		String first = fixture.qualified(listing, "L1");
		fixture.qualified(listing, "L2");
		fixture.concludeAfterPeriod(listing, 0);

		mvc.perform(get("/auctions/" + listing.id())).andExpect(status().isOk())
			.andExpect(content().string(containsString("auction-live.js")))
			.andExpect(content().string(not(containsString("id=\"bid-form\""))));
		MvcResult stream = mvc.perform(get("/auctions/" + listing.id() + "/events").accept(MediaType.TEXT_EVENT_STREAM))
			.andExpect(request().asyncStarted()).andReturn();
		assertThat(stream.getResponse().getContentAsString()).startsWith("event:state").contains("\"status\":\"RUNNING\"");

		var bidder = authentication(session(first));
		mvc.perform(post("/auctions/" + listing.id() + "/bids").with(csrf()).with(bidder).header("Idempotency-Key", "a1")
			.param("amount", "1000.001")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("两位小数")));
		mvc.perform(post("/auctions/" + listing.id() + "/bids").with(csrf()).with(bidder).header("Idempotency-Key", "a2")
			.param("lang", "en").param("amount", "999.99")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("starting price")))
			// answered by the controller itself, yet the same problem as every API's (ApiProblems)
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(409)).andExpect(jsonPath("$.title").isNotEmpty())
			.andExpect(jsonPath("$.instance").value("/auctions/" + listing.id() + "/bids"));
		mvc.perform(post("/api/auctions/" + listing.id() + "/bids").with(bidder).header("Idempotency-Key", "a3")
			.contentType(MediaType.APPLICATION_JSON).content("{\"amount\":\"1000.00\"}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.seq").value(1)).andExpect(jsonPath("$.replayed").value(false));
		mvc.perform(post("/api/auctions/" + listing.id() + "/bids").with(bidder).header("Idempotency-Key", "a3")
			.contentType(MediaType.APPLICATION_JSON).content("{\"amount\":\"1000.00\"}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.seq").value(1)).andExpect(jsonPath("$.replayed").value(true));
		mvc.perform(get("/api/auctions/" + listing.id())).andExpect(status().isOk())
			.andExpect(jsonPath("$.lastSeq").value(1)).andExpect(jsonPath("$.bids[0].bidderNumber").exists())
			.andExpect(content().string(not(containsString(first))));
	}

	@Test
	void the_result_page_shows_the_buyers_deposit_applied_to_the_price_and_what_is_still_due() throws Exception {
		ListingView listing = fixture.published("S", "8000.00", "8000.00", "100.00", "800.00");
		fixture.qualified(listing, "S1");
		fixture.concludeAfterPeriod(listing, 0);
		AuctionFixture.staff().call(() -> fixture.hall.concludeAgreement(listing.id(), new java.math.BigDecimal("8100.00")));
		mvc.perform(get("/listings/" + listing.id())).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"security-applied\"><span>800.00</span>")))
			.andExpect(content().string(containsString("id=\"amount-due\">7300.00<")))
			.andExpect(content().string(containsString("现金保证金转为价款的一部分")));
		mvc.perform(get("/listings/" + listing.id()).param("lang", "en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("counts towards the price")));
	}

	@Test
	void staff_see_before_and_after_publishing_that_a_period_runs_into_a_year_without_a_holiday_schedule() throws Exception {
		String transferor = ("tfcal." + fixture.run).toLowerCase();
		fixture.entity(transferor, EntityRole.TRANSFEROR);
		// 300 working days run well into next year, which has no schedule yet (only 2026's is seeded).
		ListingView submitted = fixture.as(transferor, () -> fixture.hall.submit(fixture.listing(fixture.tradeCode("CAL"),
				"STATE_EQUITY", "1000000.00", "1000000.00", "10000.00", "100000.00", 300)));
		ListingPeriod projected = fixture.hall.period(submitted);
		assertThat(projected.unscheduledYears()).isNotEmpty();
		String years = projected.unscheduledYearsText();
		var staff = authentication(AuctionFixture.staff().authentication());
		mvc.perform(get("/listings/review").param("lang", "zh_CN").with(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("period-unscheduled")))
			.andExpect(content().string(containsString("工作日历中尚无 " + years + " 年的节假日安排")));
		mvc.perform(get("/listings/" + submitted.id()).param("lang", "en").with(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"projected-period-end\"")))
			.andExpect(content().string(containsString("the working calendar has no holiday schedule for " + years)));
		MvcResult published = mvc.perform(post("/listings/" + submitted.id() + "/publish").with(csrf()).with(staff)
			.param("version", String.valueOf(submitted.version()))).andReturn();
		assertThat(published.getFlashMap().get("saved")).isEqualTo("auction.saved.publishedUnscheduled");
		assertThat(published.getFlashMap().get("savedVersion")).isEqualTo(years);
		ListingView listing = fixture.hall.listing(submitted.id());
		assertThat(listing.periodEnd()).isEqualTo(projected.end());
		mvc.perform(get("/listings/" + submitted.id()).param("lang", "zh_CN").with(staff).flashAttrs(published.getFlashMap()))
			.andExpect(content().string(containsString("id=\"period-unscheduled\"")))
			.andExpect(content().string(containsString("截止时间在该年只扣除了周六、周日")));
		// The public sees the period end, not the staff's warning.
		mvc.perform(get("/listings/" + submitted.id())).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("period-unscheduled"))));
	}
}
