package org.yiwang.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.audit.AuditLog;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.guarantee.SecurityForm;
import org.yiwang.kernel.Money;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.portal.Portal;
import org.yiwang.portal.PublicRecord;
import org.yiwang.portal.RecordType;
import org.yiwang.portal.SearchRequest;
import org.yiwang.registry.EntityRole;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * A listing from submission to a sold auction and its confirmation, through the module's entry point with the
 * platform's real registry, guarantee module, signatures, audit log and PostgreSQL.
 */
@PlatformTest
class AuctionHallTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	PlatformKeys keys;

	@Autowired
	AuditLog audit;

	@Autowired
	BidSecurity security;

	@Autowired
	Portal portal;

	@Autowired
	WorkingCalendar calendar;

	AuctionFixture fixture;

	AuctionHall hall;

	@BeforeEach
	void fixture() {
		fixture = new AuctionFixture(context);
		hall = fixture.hall;
	}

	@Test
	void publishes_a_signed_listing_for_twenty_working_days_with_the_transferor_as_beneficiary() throws Exception {
		ListingView listing = fixture.published("P", "1000000.00", "1200000.00", "10000.00", "100000.00");
		assertThat(listing.status()).isEqualTo(ListingStatus.PUBLISHED);
		assertThat(listing.workingDays()).isTrue();
		LocalDate day = LocalDate.ofInstant(listing.publishedAt(), WorkingDays.CHINA);
		int working = 0;
		while (day.plusDays(1).atStartOfDay(WorkingDays.CHINA).toInstant().isBefore(listing.periodEnd())) {
			day = day.plusDays(1);
			working += calendar.schedule().isWorkingDay(day) ? 1 : 0;
		}
		assertThat(working).as("working days in the period").isEqualTo(20);
		assertThat(verifies(listing.signedText(), listing.platformSignature())).isTrue();
		assertThat(verifies(listing.signedText().replace("1000000.00", "1.00"), listing.platformSignature())).isFalse();
		assertThat(fixture.staff().call(() -> security.requirement(listing.tradeCode().value())).beneficiary())
			.isEqualTo(listing.transferor());
		assertThat(TestActor.cityStaff().call(() -> audit.latest("listing:" + listing.id(), 10)))
			.extracting(e -> e.action()).contains("auction.listing.submitted", "auction.listing.published");
		assertThat(hall.publicListings()).extracting(ListingView::id).contains(listing.id());
		// the portal takes the disclosure after commit, signed content and all
		PublicRecord disclosed = Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> portal.record(listing.id()), Optional::isPresent).orElseThrow();
		assertThat(disclosed.type()).isEqualTo(RecordType.LISTING_DISCLOSURE);
		assertThat(disclosed.tradeCode()).isEqualTo(listing.tradeCode().value());
		assertThat(disclosed.signedContent()).isEqualTo(listing.signedText());
		assertThat(disclosed.estimatedPrice()).isEqualByComparingTo("1000000.00");
	}

	@Test
	void refuses_a_period_shorter_than_the_template_a_reserve_below_the_start_and_odd_amounts() {
		String user = "tfr." + fixture.run;
		fixture.entity(user, EntityRole.TRANSFEROR);
		refusedWith(() -> fixture.as(user, () -> hall.submit(fixture.listing(fixture.tradeCode("R1"), "STATE_EQUITY",
				"1000.00", "1000.00", "10.00", "100.00", 19))), "auction.listingDays.working");
		refusedWith(() -> fixture.as(user, () -> hall.submit(fixture.listing(fixture.tradeCode("R2"), "STATE_EQUITY",
				"1000.00", "999.99", "10.00", "100.00", 20))), "auction.reserve.belowStart");
		refusedWith(() -> fixture.as(user, () -> hall.submit(fixture.listing(fixture.tradeCode("R3"), "STATE_EQUITY",
				"1000.001", "1000.00", "10.00", "100.00", 20))), "auction.amount.decimals");
		refusedWith(() -> fixture.as(user, () -> hall.submit(fixture.listing(fixture.tradeCode("R4"), "ENG_BUILDING",
				"1000.00", "1000.00", "10.00", "100.00", 20))), "auction.category.notListing");
		refusedWith(() -> fixture.as(user, () -> hall.submit(fixture.listing(fixture.tradeCode("R5"), "JUDICIAL_ASSET",
				"1000.00", "1000.00", "10.00", "300.00", 20))), "auction.security.judicial");
		assertThat(fixture.as(user, () -> hall.myListings())).isEmpty();
	}

	@Test
	void another_districts_staff_find_nothing_and_bidders_without_security_are_not_qualified() {
		ListingView listing = fixture.published("I", "5000.00", "5000.00", "100.00", "500.00");
		refusedWith(() -> TestActor.districtStaff(TestActor.WANZHOU).call(() -> hall.registrations(listing.id())),
				"auction.listing.notFound");
		String user = fixture.registered(listing, "N");
		UUID registration = fixture.hall_registration(listing, user);
		refusedWith(() -> fixture.staff().call(() -> hall.qualify(registration)), "auction.qualify.noSecurity");
		refusedWith(() -> fixture.as(user, () -> hall.register(listing.id())), "auction.register.already");
		refusedWith(() -> fixture.staff().call(() -> hall.conclude(listing.id(), null, 0, null)),
				"auction.conclude.periodOpen");
	}

	@Test
	void one_qualified_transferee_buys_by_agreement_at_no_less_than_the_listing_price() {
		ListingView listing = fixture.published("A", "8000.00", "8000.00", "100.00", "800.00");
		String buyer = fixture.qualified(listing, "A");
		ListingView agreement = fixture.concludeAfterPeriod(listing, 0);
		assertThat(agreement.status()).isEqualTo(ListingStatus.AGREEMENT);
		refusedWith(() -> fixture.staff().call(() -> hall.concludeAgreement(listing.id(), new java.math.BigDecimal("7999.99"))),
				"auction.agreement.belowListing");
		ListingView sold = fixture.staff().call(() -> hall.concludeAgreement(listing.id(), new java.math.BigDecimal("8100.00")));
		assertThat(sold.status()).isEqualTo(ListingStatus.SOLD);
		assertThat(sold.buyerName()).contains(buyer);
		byte[] pdf = fixture.as(buyer, () -> hall.confirmation(listing.id()));
		assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		PriceSettlement settlement = fixture.as(buyer, () -> hall.settlement(listing.id())).orElseThrow();
		assertThat(settlement.form()).isEqualTo(SecurityForm.CASH_DEPOSIT);
		assertThat(settlement.applied()).as("the deposit counts towards the price").isEqualTo(Money.of("800.00"));
		assertThat(settlement.due()).isEqualTo(Money.of("7300.00"));
	}

	@Test
	void a_bid_while_the_clocks_node_resumes_the_auction_is_answered_resuming_and_its_retry_is_decided_once() {
		ListingView listing = fixture.published("W", "5000.00", "5000.00", "100.00", "500.00");
		String bidder = fixture.qualified(listing, "1");
		fixture.qualified(listing, "2"); // two qualified: an auction, not an agreement
		assertThat(fixture.concludeAfterPeriod(listing, 5).status()).isEqualTo(ListingStatus.AUCTION);
		Auctioneer auctioneer = context.getBean(Auctioneer.class);
		assertThat(auctioneer.ownsClock()).as("this node runs the clock").isTrue();
		auctioneer.setAside(listing.id()); // as a start or a takeover holds it until its lane is loaded
		try {
			Refusal resuming = catchThrowableOfType(Refusal.class,
					() -> fixture.as(bidder, () -> hall.bid(listing.id(), "5000.00", "w1")));
			assertThat(resuming.messageKey()).as("not refused: retry").isEqualTo("auction.bid.resuming");
			assertThat(resuming.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(hall.auction(listing.id()).lastSeq()).as("nothing decided").isZero();
		}
		finally {
			auctioneer.bringBack(listing.id());
		}
		// the bidder's retry, with the same key, once the lane is back
		BidReceipt decided = Awaitility.await().atMost(Duration.ofSeconds(30))
			.ignoreExceptionsMatching(e -> e instanceof Refusal r && r.messageKey().equals("auction.bid.resuming"))
			.until(() -> fixture.as(bidder, () -> hall.bid(listing.id(), "5000.00", "w1")), Objects::nonNull);
		assertThat(decided.seq()).isEqualTo(1);
		assertThat(decided.replayed()).isFalse();
		BidReceipt again = fixture.as(bidder, () -> hall.bid(listing.id(), "5000.00", "w1"));
		assertThat(again.replayed()).as("decided once").isTrue();
		assertThat(again.seq()).isEqualTo(1);
		assertThat(hall.auction(listing.id()).lastSeq()).isEqualTo(1);
	}

	@Test
	void an_auction_bid_on_after_the_last_heartbeat_keeps_its_start_when_it_resumes() {
		ListingView listing = fixture.published("H", "8000.00", "8000.00", "100.00", "800.00");
		String first = fixture.qualified(listing, "H1");
		String second = fixture.qualified(listing, "H2");
		fixture.concludeAfterPeriod(listing, 5);
		AuctionView opened = hall.auction(listing.id());
		BidReceipt bid = fixture.as(first, () -> hall.bid(listing.id(), "8000.00", "h1"));
		// The node's last heartbeat came before it opened the auction (it beats once a second), then it was killed:
		// the bid says the auction had started, so its start stays and the outage counts from the bid.
		Auctioneer auctioneer = context.getBean(Auctioneer.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
		auctioneer.stop();
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> jdbc
			.sql("update auction.heartbeat set alive_at = ?").param(Timestamp.from(opened.startsAt().minusSeconds(1)))
			.update()));
		auctioneer.start();
		AuctionView resumed = hall.auction(listing.id());
		assertThat(resumed.startsAt()).as("started before the kill: its start stays").isEqualTo(opened.startsAt());
		Timestamp alive = RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc
			.sql("select last_alive from auction.extensions where listing_id = ?").param(listing.id())
			.query(Timestamp.class).single()));
		assertThat(Duration.between(bid.placedAt(), alive.toInstant()).abs()).as("the outage counts from the bid (as stored:"
				+ " to the microsecond)").isLessThanOrEqualTo(Duration.ofNanos(1000));
		BidReceipt next = fixture.as(second, () -> hall.bid(listing.id(), "8100.00", "h2"));
		assertThat(next.seq()).as("bidding goes on at once").isEqualTo(2);
	}

	@Test
	void nobody_qualified_fails_the_listing_unless_it_extends() {
		ListingView listing = fixture.published("F", "8000.00", "8000.00", "100.00", "800.00");
		ListingView failed = fixture.concludeAfterPeriod(listing, 0);
		assertThat(failed.status()).isEqualTo(ListingStatus.FAILED);
	}

	@Test
	void two_transferees_bid_the_highest_valid_bid_wins_and_refusals_change_nothing() throws Exception {
		ListingView listing = fixture.published("E", "1000000.00", "1020000.00", "10000.00", "100000.00");
		String first = fixture.qualified(listing, "1");
		String second = fixture.qualified(listing, "2");
		String unqualified = fixture.registered(listing, "3");
		refusedWith(() -> fixture.concludeAfterPeriod(listing, 0), "auction.conclude.pending");
		UUID pending = fixture.hall_registration(listing, unqualified);
		fixture.staff().run(() -> hall.refuseRegistration(pending, "未交纳保证金"));
		assertThat(fixture.concludeAfterPeriod(listing, 0).status()).isEqualTo(ListingStatus.AUCTION);

		BidReceipt opening = fixture.as(first, () -> hall.bid(listing.id(), "1000000.00", "k1"));
		assertThat(opening.seq()).isEqualTo(1);
		BidReceipt raise = fixture.as(second, () -> hall.bid(listing.id(), "1010000", "k1"));
		assertThat(raise.seq()).isEqualTo(2);
		assertThat(raise.bidderNumber()).isNotEqualTo(opening.bidderNumber()).matches("[0-9]{6}");
		AuctionView before = hall.auction(listing.id());

		refusedWith(() -> fixture.as(first, () -> hall.bid(listing.id(), "1019999.99", "k2")), "auction.bid.refused.BELOW_INCREMENT");
		refusedWith(() -> fixture.as(first, () -> hall.bid(listing.id(), "1020000.001", "k3")), "auction.bid.refused.DECIMALS");
		refusedWith(() -> fixture.as(first, () -> hall.bid(listing.id(), "-5", "k4")), "auction.bid.refused.NOT_POSITIVE");
		refusedWith(() -> fixture.as(first, () -> hall.bid(listing.id(), "abc", "k5")), "auction.bid.refused.MALFORMED");
		refusedWith(() -> fixture.as(first, () -> hall.bid(listing.id(), "999999999999", "k6")), "auction.bid.refused.ABSURD");
		refusedWith(() -> fixture.as(first, () -> hall.bid(listing.id(), "1030000.00", null)), "auction.bid.refused.KEY");
		refusedWith(() -> fixture.as(unqualified, () -> hall.bid(listing.id(), "1030000.00", "u1")),
				"auction.bid.refused.NOT_QUALIFIED");
		refusedWith(() -> fixture.as(first, () -> hall.bid(listing.id(), "1040000.00", "k1")), "auction.bid.refused.KEY_REUSED");
		BidReceipt replay = fixture.as(first, () -> hall.bid(listing.id(), "1000000.00", "k1"));
		assertThat(replay.replayed()).isTrue();
		assertThat(replay.seq()).isEqualTo(1);

		AuctionView after = hall.auction(listing.id());
		assertThat(after.lastSeq()).as("refused bids and the replay changed nothing").isEqualTo(before.lastSeq());
		assertThat(after.price()).isEqualTo(before.price());
		assertThat(after.endsAt()).isEqualTo(before.endsAt());
		var entries = TestActor.cityStaff().call(() -> audit.latest("listing:" + listing.id(), 100));
		assertThat(entries).as("refused before the writer: one entry each")
			.filteredOn(e -> e.action().equals("auction.bid.refused")).hasSize(5);
		assertThat(entries).as("refused by the writer: in its batch's entry, with the reason")
			.filteredOn(e -> e.action().equals("auction.bids.committed")).extracting(e -> e.payload())
			.anyMatch(p -> p.contains("BELOW_INCREMENT")).anyMatch(p -> p.contains("KEY_REUSED")).anyMatch(p -> p.contains("ABSURD"))
			.anyMatch(p -> p.contains("\"seq\":2"));

		BidReceipt winning = fixture.as(first, () -> hall.bid(listing.id(), "1020000.00", "k7"));
		assertThat(winning.endsAt()).isEqualTo(winning.placedAt().plusSeconds(300));
		hall.closeAsOf(listing.id(), winning.endsAt());
		AuctionView closed = hall.auction(listing.id());
		assertThat(closed.status()).isEqualTo(AuctionStatus.SOLD);
		PublicRecord result = Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> portal.search(SearchRequest.of(listing.tradeCode().value())).hits().stream()
				.map(h -> h.record()).filter(r -> r.type() == RecordType.AUCTION_RESULT).findFirst(), Optional::isPresent)
			.orElseThrow();
		assertThat(result.amount()).isEqualByComparingTo("1020000.00");
		assertThat(result.party("transferee")).isNotNull();
		assertThat(closed.leaderNumber()).isEqualTo(winning.bidderNumber());
		assertThat(closed.winnerName()).contains(first);
		refusedWith(() -> fixture.as(second, () -> hall.bid(listing.id(), "1100000.00", "k9")), "auction.bid.refused.ENDED");

		ListingView sold = fixture.staff().call(() -> hall.listing(listing.id()));
		assertThat(sold.status()).isEqualTo(ListingStatus.SOLD);
		assertThat(sold.finalPrice()).isEqualTo(Money.of("1020000.00"));
		var ended = fixture.staff().call(() -> security.transactionEnded(listing.tradeCode(),
				java.util.Optional.of(sold.buyer())));
		assertThat(ended.ended()).as("the auction's close ended the trade's security").isTrue();
		assertThat(ended.winner()).isEqualTo(sold.buyer());
		assertThat(ended.refunds()).as("the loser's deposit is refunded, the winner's kept for the price")
			.extracting(r -> r.bidder()).hasSize(1).doesNotContain(sold.buyer());
		List<BidView> history = fixture.staff().call(() -> hall.bidHistory(listing.id()));
		assertThat(history).extracting(BidView::seq).containsExactly(1L, 2L, 3L);
		var closing = TestActor.cityStaff().call(() -> audit.latest("listing:" + listing.id(), 100)).stream()
			.filter(e -> e.action().equals("auction.auction.closed")).findFirst().orElseThrow();
		assertThat(closing.payload()).contains("\"outcome\":\"SOLD\"").contains(winning.bidderNumber());

		PriceSettlement settlement = fixture.staff().call(() -> hall.settlement(listing.id())).orElseThrow();
		assertThat(settlement.buyer()).isEqualTo(sold.buyer());
		assertThat(settlement.form()).isEqualTo(SecurityForm.CASH_DEPOSIT);
		assertThat(settlement.securityAmount()).isEqualTo(Money.of("100000.00"));
		assertThat(settlement.applied()).as("the winner's deposit is applied to the price").isEqualTo(Money.of("100000.00"));
		assertThat(settlement.due()).isEqualTo(Money.of("920000.00"));
		assertThat(settlement.reference()).as("the sub-account number stays on the confirmation").isNull();
		assertThat(TestActor.cityStaff().call(() -> audit.latest("listing:" + listing.id(), 100)))
			.filteredOn(e -> e.action().equals("auction.security.applied")).singleElement()
			.satisfies(e -> assertThat(e.payload()).contains("\"due\":920000.00").contains("CASH_DEPOSIT"));

		byte[] pdf = fixture.as(first, () -> hall.confirmation(listing.id()));
		assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).as("the CJK font is embedded").contains("FontFile");
		refusedWith(() -> fixture.as(second, () -> hall.confirmation(listing.id())), "auction.listing.notFound");
	}

	@Test
	void an_auction_with_no_bid_at_the_reserve_fails() {
		ListingView listing = fixture.published("R", "1000.00", "2000.00", "100.00", "100.00");
		String first = fixture.qualified(listing, "R1");
		fixture.qualified(listing, "R2");
		fixture.concludeAfterPeriod(listing, 0);
		BidReceipt only = fixture.as(first, () -> hall.bid(listing.id(), "1500.00", "r1"));
		hall.closeAsOf(listing.id(), only.endsAt().plusMillis(1));
		assertThat(hall.auction(listing.id()).status()).isEqualTo(AuctionStatus.FAILED);
		assertThat(fixture.staff().call(() -> hall.listing(listing.id())).status()).isEqualTo(ListingStatus.FAILED);
	}

	private boolean verifies(String text, String signature) throws Exception {
		X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509", new BouncyCastleProvider())
			.generateCertificate(new ByteArrayInputStream(keys.certificatePem().getBytes(StandardCharsets.US_ASCII)));
		Signature verifier = Signature.getInstance("SM3withSM2", new BouncyCastleProvider());
		verifier.setParameter(new SM2ParameterSpec("1234567812345678".getBytes(StandardCharsets.US_ASCII)));
		verifier.initVerify(certificate.getPublicKey());
		verifier.update(text.getBytes(StandardCharsets.UTF_8));
		return verifier.verify(Base64.getDecoder().decode(signature));
	}

	private static void refusedWith(Runnable action, String key) {
		assertThatThrownBy(action::run).isInstanceOf(Refusal.class)
			.satisfies(e -> assertThat(((Refusal) e).messageKey()).isEqualTo(key));
	}

	static Instant now() {
		return Instant.now();
	}
}
