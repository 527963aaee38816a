package org.yiwang.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.audit.AuditLog;
import org.yiwang.catalog.AuctionKind;
import org.yiwang.kernel.Money;
import org.yiwang.registry.EntityRole;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * The Dutch (降价) auction and the one-shot sealed-price round (一次报价) from their templates to the signed result,
 * through the module's entry point and over HTTP, with the platform's real registry, guarantee module, audit log and
 * PostgreSQL.
 */
@PlatformTest
class DutchAndSealedAuctionTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	AuditLog audit;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Auctioneer auctioneer;

	AuctionFixture fixture;

	AuctionHall hall;

	@BeforeEach
	void fixture() {
		fixture = new AuctionFixture(context);
		hall = fixture.hall;
	}

	// --- Dutch ------------------------------------------------------------------------------------------------------

	@Test
	void a_dutch_listing_takes_its_floor_between_the_template_share_of_the_start_and_the_start() {
		String user = "tfd." + fixture.run;
		fixture.entity(user, EntityRole.TRANSFEROR);
		refusedWith(() -> fixture.as(user, () -> hall.submit(fixture.listing(fixture.tradeCode("DF1"), "CONFISCATED_GOODS",
				"10000.00", "10000.01", "100.00", "1000.00", 20))), "auction.floor.aboveStart");
		refusedWith(() -> fixture.as(user, () -> hall.submit(fixture.listing(fixture.tradeCode("DF2"), "CONFISCATED_GOODS",
				"10000.00", "4999.99", "100.00", "1000.00", 20))), "auction.floor.belowTemplate");
		refusedWith(() -> fixture.as(user, () -> hall.submit(fixture.listing(fixture.tradeCode("DF3"), "CONFISCATED_GOODS",
				"10000.00", "5000.00", "10000.00", "1000.00", 20))), "auction.decrement.size");
		ListingView ok = fixture.as(user, () -> hall.submit(fixture.listing(fixture.tradeCode("DF4"), "CONFISCATED_GOODS",
				"10000.00", "5000.00", "1000.00", "1000.00", 20)));
		assertThat(ok.auctionKind()).isEqualTo(AuctionKind.DUTCH);
	}

	@Test
	void the_first_acceptance_wins_at_the_current_price_and_every_other_is_refused_with_its_reason() throws Exception {
		ListingView listing = fixture.published("D", "CONFISCATED_GOODS", "10000.00", "5000.00", "1000.00", "1000.00");
		String first = fixture.qualified(listing, "D1");
		String second = fixture.qualified(listing, "D2");
		String unqualified = fixture.registered(listing, "D3");
		fixture.staff().run(() -> hall.refuseRegistration(fixture.hall_registration(listing, unqualified), "未交保证金"));
		assertThat(fixture.concludeAfterPeriod(listing, 0).status()).isEqualTo(ListingStatus.AUCTION);

		AuctionView opened = hall.auction(listing.id());
		assertThat(opened.kind()).isEqualTo(AuctionKind.DUTCH);
		assertThat(opened.countdownSeconds()).as("the template's step").isEqualTo(60);
		assertThat(opened.endsAt()).as("no end on show: it would tell the floor (the reserve)").isNull();
		assertThat(engineEnd(listing)).as("five steps to the floor, then its interval")
			.isEqualTo(opened.startsAt().plusSeconds(360));
		assertThat(mvc.perform(get("/auctions/{id}/state", listing.id())).andReturn().getResponse()
			.getContentAsString()).as("nor in the JSON every watcher reads").contains("\"endsAt\":null");
		assertThat(opened.price()).isEqualTo(priceAt(opened, opened.serverTime()));
		assertThat(opened.nextStepAt()).isAfter(opened.serverTime());

		refusedWith(() -> fixture.as(first, () -> hall.bid(listing.id(), "10000.00", "b1")), "auction.bid.refused.WRONG_KIND");
		refusedWith(() -> fixture.as(first, () -> hall.accept(listing.id(), null)), "auction.bid.refused.KEY");
		refusedWith(() -> fixture.as(unqualified, () -> hall.accept(listing.id(), "u1")),
				"auction.bid.refused.NOT_QUALIFIED");
		assertThat(hall.auction(listing.id()).leaderNumber()).as("refusals change nothing").isNull();

		var bidder = authentication(session(first));
		mvc.perform(get("/auctions/" + listing.id()).with(bidder)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"accept-form\"")))
			.andExpect(content().string(containsString("id=\"next-step\"")))
			.andExpect(content().string(not(containsString("id=\"bid-form\""))));
		mvc.perform(get("/listings/" + listing.id())).andExpect(status().isOk())
			.andExpect(content().string(containsString("降价拍卖"))).andExpect(content().string(containsString("降价幅度")));
		String body = mvc.perform(post("/api/auctions/" + listing.id() + "/accept").with(bidder)
			.header("Idempotency-Key", "d1")).andExpect(status().isOk()).andExpect(jsonPath("$.seq").value(1))
			.andExpect(jsonPath("$.replayed").value(false)).andReturn().getResponse().getContentAsString();
		BidReceipt accepted = fixture.as(first, () -> hall.accept(listing.id(), "d1"));
		assertThat(accepted.replayed()).as("the same key gives the same answer").isTrue();
		assertThat(body).contains(accepted.amount().toString());
		assertThat(accepted.amount()).as("the price current when it entered the platform")
			.isEqualTo(priceAt(opened, accepted.placedAt()));

		mvc.perform(post("/auctions/" + listing.id() + "/accept").with(csrf()).with(authentication(session(second)))
			.header("Idempotency-Key", "d2")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("其他竞买人先应价")));
		mvc.perform(post("/auctions/" + listing.id() + "/accept").with(csrf()).with(authentication(session(second)))
			.header("Idempotency-Key", "d3").param("lang", "en")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("Another bidder accepted first")));

		AuctionView closed = Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> hall.auction(listing.id()), v -> v.status() == AuctionStatus.SOLD);
		assertThat(closed.leaderNumber()).isEqualTo(accepted.bidderNumber());
		assertThat(closed.price()).isEqualTo(accepted.amount());
		assertThat(closed.winnerName()).contains(first);
		ListingView sold = fixture.staff().call(() -> hall.listing(listing.id()));
		assertThat(sold.status()).isEqualTo(ListingStatus.SOLD);
		assertThat(sold.finalPrice()).isEqualTo(accepted.amount());
		assertThat(fixture.staff().call(() -> hall.settlement(listing.id()))).isPresent();
		assertThat(fixture.staff().call(() -> hall.bidHistory(listing.id()))).hasSize(1);
		var entries = TestActor.cityStaff().call(() -> audit.latest("listing:" + listing.id(), 100));
		assertThat(entries).extracting(e -> e.action()).contains("auction.bids.committed", "auction.auction.closed",
				"auction.bid.refused");
		assertThat(entries).filteredOn(e -> e.action().equals("auction.auction.closed")).singleElement()
			.satisfies(e -> assertThat(e.payload()).contains("kind=DUTCH").contains("\"outcome\":\"SOLD\""));
		assertThat(entries).as("every refusal is audited with its reason").extracting(e -> e.payload())
			.anyMatch(p -> p.contains("TAKEN")).anyMatch(p -> p.contains("WRONG_KIND"))
			.anyMatch(p -> p.contains("NOT_QUALIFIED"));
		byte[] pdf = fixture.as(first, () -> hall.confirmation(listing.id()));
		assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		refusedWith(() -> fixture.as(second, () -> hall.accept(listing.id(), "d4")), "auction.bid.refused.TAKEN");
	}

	@Test
	void a_dutch_auction_with_no_acceptance_by_the_end_of_the_floor_fails() {
		ListingView listing = fixture.published("DN", "CONFISCATED_GOODS", "3000.00", "2000.00", "300.00", "300.00");
		String first = fixture.qualified(listing, "DN1");
		fixture.qualified(listing, "DN2");
		fixture.concludeAfterPeriod(listing, 0);
		Instant end = engineEnd(listing);
		DutchAuction.Rules rules = ((DutchAuction) auctioneer.lane(listing.id()).orElseThrow().engine).rules();
		assertThat(rules.priceAt(end.minusMillis(1))).as("the floor, for its interval").isEqualTo(Money.of("2000.00"));
		assertThat(rules.priceAt(end.minusSeconds(61))).isEqualTo(Money.of("2100.00"));
		hall.closeAsOf(listing.id(), end);
		assertThat(hall.auction(listing.id()).status()).isEqualTo(AuctionStatus.FAILED);
		assertThat(Duration.between(end, hall.auction(listing.id()).endsAt()).abs())
			.as("shown once closed (as stored: to the microsecond)").isLessThanOrEqualTo(Duration.ofNanos(1000));
		assertThat(fixture.staff().call(() -> hall.listing(listing.id())).status()).isEqualTo(ListingStatus.FAILED);
		refusedWith(() -> fixture.as(first, () -> hall.accept(listing.id(), "late")), "auction.bid.refused.ENDED");
	}

	@Test
	void after_a_restart_the_dutch_price_resumes_where_it_stood_and_the_extension_is_recorded() {
		ListingView listing = fixture.published("DR", "CONFISCATED_GOODS", "6000.00", "3000.00", "500.00", "600.00");
		fixture.qualified(listing, "DR1");
		fixture.qualified(listing, "DR2");
		fixture.concludeAfterPeriod(listing, 0);
		AuctionView before = hall.auction(listing.id());
		Instant endBefore = engineEnd(listing);
		// The platform "stopped" two minutes ago: its last heartbeat is then, and it starts again now.
		auctioneer.stop();
		Instant lastAlive = Instant.now().minusSeconds(120);
		platform(() -> jdbc.sql("update auction.heartbeat set alive_at = ?").param(java.sql.Timestamp.from(lastAlive))
			.update());
		auctioneer.start();
		AuctionView after = hall.auction(listing.id());
		Duration moved = Duration.between(before.timedFrom(), after.timedFrom());
		assertThat(moved).as("the schedule moved by the outage").isBetween(Duration.ofSeconds(119), Duration.ofSeconds(130));
		assertThat(Duration.between(endBefore, engineEnd(listing))).isEqualTo(moved);
		assertThat(priceAt(after, lastAlive.plus(moved))).as("the price resumes at the one it stood at")
			.isEqualTo(priceAt(before, lastAlive));
		Integer extensions = platform(() -> jdbc.sql("select count(*) from auction.extensions where listing_id = ?")
			.param(listing.id()).query(Integer.class).single());
		assertThat(extensions).isEqualTo(1);
		assertThat(TestActor.cityStaff().call(() -> audit.latest("listing:" + listing.id(), 20)))
			.extracting(e -> e.action()).contains("auction.auction.resumed");
	}

	/** A running Dutch auction's end, as the writer holds it (the live view does not show it). */
	private Instant engineEnd(ListingView listing) {
		return auctioneer.lane(listing.id()).orElseThrow().engine.endsAt();
	}

	// --- sealed-price round -----------------------------------------------------------------------------------------

	@Test
	void a_sealed_round_shows_nothing_before_the_close_takes_one_price_each_and_the_highest_earliest_wins()
			throws Exception {
		ListingView listing = fixture.published("S", "PUBLIC_CONCESSION", "500000.00", "520000.00", "1000.00",
				"50000.00");
		assertThat(listing.auctionKind()).isEqualTo(AuctionKind.SEALED);
		String a = fixture.qualified(listing, "SA");
		String b = fixture.qualified(listing, "SB");
		String c = fixture.qualified(listing, "SC");
		fixture.concludeAfterPeriod(listing, 0);
		AuctionView opened = hall.auction(listing.id());
		assertThat(opened.kind()).isEqualTo(AuctionKind.SEALED);
		assertThat(opened.endsAt()).as("the template's window").isEqualTo(opened.startsAt().plus(Duration.ofMinutes(60)));

		List<String> auditedBefore = TestActor.cityStaff().call(() -> audit.latest("listing:" + listing.id(), 100)).stream()
			.map(e -> e.seq() + " " + e.action()).toList();
		var asA = authentication(session(a));
		String receiptJson = mvc.perform(post("/api/auctions/" + listing.id() + "/bids").with(asA)
			.header("Idempotency-Key", "s1").contentType(MediaType.APPLICATION_JSON).content("{\"amount\":\"530000.00\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.commitment").exists()).andReturn().getResponse()
			.getContentAsString();
		BidReceipt sealedA = fixture.as(a, () -> hall.bid(listing.id(), "530000.00", "s1"));
		assertThat(sealedA.replayed()).isTrue();
		assertThat(receiptJson).contains(sealedA.commitment());
		assertThat(sealedA.commitment()).matches("[0-9a-f]{64}")
			.isEqualTo(SealedPrices.commitment(listing.id(), sealedA.bidderNumber(), Money.of("530000.00"), sealedA.salt()));
		refusedWith(() -> fixture.as(a, () -> hall.bid(listing.id(), "540000.00", "s2")),
				"auction.bid.refused.ALREADY_SEALED");
		refusedWith(() -> fixture.as(a, () -> hall.bid(listing.id(), "540000.00", "s1")), "auction.bid.refused.KEY_REUSED");
		refusedWith(() -> fixture.as(b, () -> hall.bid(listing.id(), "520000.001", "b1")), "auction.bid.refused.DECIMALS");
		refusedWith(() -> fixture.as(b, () -> hall.bid(listing.id(), "-1", "b2")), "auction.bid.refused.NOT_POSITIVE");
		refusedWith(() -> fixture.as(b, () -> hall.bid(listing.id(), "499999.99", "b3")),
				"auction.bid.refused.BELOW_START");
		refusedWith(() -> fixture.as(b, () -> hall.bid(listing.id(), "5000000.01", "b4")), "auction.bid.refused.ABSURD");
		refusedWith(() -> fixture.as(b, () -> hall.accept(listing.id(), "b5")), "auction.bid.refused.WRONG_KIND");
		fixture.as(b, () -> hall.bid(listing.id(), "530000.00", "b6"));
		fixture.as(c, () -> hall.bid(listing.id(), "525000.00", "c1"));

		// Nobody sees a price or how many there are: the view, the API, the page, the stream.
		AuctionView running = hall.auction(listing.id());
		assertThat(running.price()).isNull();
		assertThat(running.lastSeq()).isZero();
		assertThat(running.bids()).isEmpty();
		assertThat(running.ranking()).isEmpty();
		assertThat(running.leaderNumber()).isNull();
		for (String url : List.of("/api/auctions/" + listing.id(), "/auctions/" + listing.id() + "/state",
				"/auctions/" + listing.id())) {
			mvc.perform(get(url).with(authentication(AuctionFixture.staff().authentication()))).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("530000")))).andExpect(content().string(not(
						containsString("525000"))));
		}
		mvc.perform(get("/api/auctions/" + listing.id() + "/sealed-receipt").with(asA)).andExpect(status().isOk())
			.andExpect(jsonPath("$.commitment").value(sealedA.commitment()))
			.andExpect(content().string(not(containsString("530000"))));
		mvc.perform(get("/auctions/" + listing.id() + "/sealed-receipt").with(authentication(session(
				fixture.qualified(fixture.published("S2", "PUBLIC_CONCESSION", "1000.00", "1000.00", "10.00", "100.00"),
						"SX"))))).andExpect(status().isNotFound());
		// Nor does the database alone, nor the audit log.
		List<byte[]> stored = platform(() -> jdbc.sql("select sealed from auction.sealed_prices where listing_id = ?")
			.param(listing.id()).query((rs, n) -> rs.getBytes(1)).list());
		assertThat(stored).hasSize(3).allSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
			.doesNotContain("530000").doesNotContain("525000"));
		assertThat(platform(() -> jdbc.sql("select count(*) from auction.bids where listing_id = ?").param(listing.id())
			.query(Integer.class).single())).isZero();
		// The audit log has not one entry more than when the round opened: three prices and seven refused attempts
		// later, neither staff nor a regulator can count anything.
		for (TestActor reader : List.of(TestActor.cityStaff(), TestActor.regulator(), TestActor.admin())) {
			assertThat(reader.call(() -> audit.latest("listing:" + listing.id(), 100)).stream()
				.map(e -> e.seq() + " " + e.action()).toList()).as(reader.displayName()).isEqualTo(auditedBefore);
		}
		assertThat(TestActor.admin().call(() -> audit.latest("auction.sealed", 100))).extracting(e -> e.target())
			.doesNotContain("listing:" + listing.id());
		assertThat(TestActor.admin().call(() -> audit.latest("auction.bid.refused", 100))).extracting(e -> e.target())
			.doesNotContain("listing:" + listing.id());

		hall.closeAsOf(listing.id(), running.endsAt());
		AuctionView closed = hall.auction(listing.id());
		assertThat(closed.status()).isEqualTo(AuctionStatus.SOLD);
		assertThat(closed.leaderNumber()).as("the earlier of the two highest").isEqualTo(sealedA.bidderNumber());
		assertThat(closed.price()).isEqualTo(Money.of("530000.00"));
		assertThat(closed.bids()).as("all prices disclosed at the close").hasSize(3);
		assertThat(closed.winnerName()).contains(a);
		ListingView sold = fixture.staff().call(() -> hall.listing(listing.id()));
		assertThat(sold.finalPrice()).isEqualTo(Money.of("530000.00"));
		var record = TestActor.cityStaff().call(() -> audit.latest("listing:" + listing.id(), 100)).stream()
			.filter(e -> e.action().equals("auction.auction.closed")).findFirst().orElseThrow();
		assertThat(record.payload()).contains("kind=SEALED").contains("sealed=1," + sealedA.bidderNumber() + ","
				+ sealedA.commitment() + "," + sealedA.salt());
		// At the close one entry makes every submission and every refused attempt accountable: who, as which number,
		// which price with the commitment and salt of its receipt, when; the refused prices themselves stay unwritten.
		var disclosed = TestActor.cityStaff().call(() -> audit.latest("listing:" + listing.id(), 100)).stream()
			.filter(e -> e.action().equals("auction.sealed.disclosed")).toList();
		assertThat(disclosed).singleElement().satisfies(entry -> {
			assertThat(entry.payload()).contains("\"bidder\":\"" + a + "\"", "\"bidder\":\"" + b + "\"",
					"\"bidder\":\"" + c + "\"", "530000", "525000", sealedA.commitment(), sealedA.salt());
			for (String reason : List.of("ALREADY_SEALED", "KEY_REUSED", "DECIMALS", "NOT_POSITIVE", "BELOW_START",
					"ABSURD", "WRONG_KIND")) {
				assertThat(entry.payload()).contains("\"" + reason + "\"");
			}
			assertThat(entry.payload()).doesNotContain("540000").doesNotContain("520000.001").doesNotContain("499999.99")
				.doesNotContain("5000000.01");
			assertThat(entry.seq()).as("written in the closing transaction, before the record")
				.isLessThan(record.seq());
		});
		refusedWith(() -> fixture.as(c, () -> hall.bid(listing.id(), "600000.00", "c2")), "auction.bid.refused.ENDED");
	}

	@Test
	void a_sealed_round_below_the_reserve_fails() {
		ListingView listing = fixture.published("SF", "PUBLIC_CONCESSION", "1000.00", "2000.00", "10.00", "100.00");
		String a = fixture.qualified(listing, "SF1");
		fixture.qualified(listing, "SF2");
		fixture.concludeAfterPeriod(listing, 0);
		fixture.as(a, () -> hall.bid(listing.id(), "1999.99", "f1"));
		hall.closeAsOf(listing.id(), hall.auction(listing.id()).endsAt());
		AuctionView closed = hall.auction(listing.id());
		assertThat(closed.status()).isEqualTo(AuctionStatus.FAILED);
		assertThat(closed.bids()).extracting(BidView::amount).containsExactly(Money.of("1999.99"));
		assertThat(fixture.staff().call(() -> hall.listing(listing.id())).status()).isEqualTo(ListingStatus.FAILED);
	}

	// --- helpers ------------------------------------------------------------------------------------------------------

	/** The Dutch price the view's schedule gives at {@code at}. */
	private static Money priceAt(AuctionView v, Instant at) {
		long steps = at.isAfter(v.timedFrom())
				? Duration.between(v.timedFrom(), at).toNanos() / Duration.ofSeconds(v.countdownSeconds()).toNanos() : 0;
		Money price = Money.of(v.startingPrice().yuan().subtract(v.increment().yuan().multiply(
				java.math.BigDecimal.valueOf(steps))).max(java.math.BigDecimal.ZERO.setScale(2)));
		return price;
	}

	private <T> T platform(java.util.function.Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> work.get()));
	}

	private org.springframework.security.core.Authentication session(String user) {
		return fixture.login.authenticate(new UsernamePasswordAuthenticationToken(user, AuctionFixture.PASSWORD));
	}

	private static void refusedWith(Runnable action, String key) {
		assertThatThrownBy(action::run).isInstanceOf(Refusal.class)
			.satisfies(e -> assertThat(((Refusal) e).messageKey()).isEqualTo(key));
	}

	static UUID unused() {
		return UUID.randomUUID();
	}
}
