package org.yiwang.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.catalog.AuctionKind;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.guarantee.ClaimView;
import org.yiwang.guarantee.NewClaim;
import org.yiwang.guarantee.SecurityClaims;
import org.yiwang.kernel.Money;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.system.RegionScopes;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;

/**
 * Bid security is money counted once (issue 17, item 2): over every kind of listing (English, Dutch and sealed
 * auctions, transfer by agreement, a failed auction), every form of security (cash deposit, e-guarantee) and random
 * extra payments (overpaid, paid twice, short, from the wrong payer), claims approved or rejected, the contract
 * signed: for every listing the refunds (principal), the amounts applied to the price and the amounts forfeited add up
 * to the amounts received, to the fen; the winner's deposit is applied and not refunded, every other is refunded or
 * forfeited, never both, and no guarantee letter stays in force. Runs on the platform's real services and PostgreSQL
 * (the shared test context, obtained through Spring's test context as the other {@code @PlatformTest} classes are).
 */
@PlatformTest
class SecurityLedgerProperties {

	enum Kind {
		ENGLISH("STATE_EQUITY"), DUTCH("CONFISCATED_GOODS"), SEALED("PUBLIC_CONCESSION"), AGREEMENT("STATE_EQUITY"),
		FAILED("STATE_EQUITY");

		final String category;

		Kind(String category) {
			this.category = category;
		}
	}

	enum Form {
		CASH, GUARANTEE
	}

	enum Extra {
		NONE, OVERPAID, TWICE, SHORT, WRONG_PAYER
	}

	/** One bidder: how it holds security, what else reached its sub-account, and whether the transferor claims on it. */
	record Plan(Form form, Extra extra, boolean claimed, boolean approved) {
	}

	private static final AtomicInteger TRIES = new AtomicInteger();

	private static ApplicationContext context;

	private static AuctionFixture fixture;

	private static LetterIssuer issuer;

	@Provide
	Arbitrary<List<Plan>> plans() {
		return Combinators.combine(Arbitraries.of(Form.class), Arbitraries.of(Extra.class),
				Arbitraries.integers().between(0, 3).map(i -> i == 0), Arbitraries.of(true, false))
			.as(Plan::new).list().ofMinSize(1).ofMaxSize(4);
	}

	@Property(tries = 12, shrinking = ShrinkingMode.OFF)
	void every_fen_received_is_refunded_applied_or_forfeited_exactly_once(@ForAll Kind kind,
			@ForAll("plans") List<Plan> drawn, @ForAll @IntRange(min = 10_000, max = 300_000) int securityFen,
			@ForAll @IntRange(min = 0, max = 3) int winnerPick, @ForAll boolean claimsBeforeSigning) throws Exception {
		setUp();
		AuctionHall hall = fixture.hall;
		BidSecurity security = context.getBean(BidSecurity.class);
		SecurityClaims claims = context.getBean(SecurityClaims.class);
		String suffix = "L" + TRIES.incrementAndGet();
		List<Plan> plans = new ArrayList<>(drawn);
		boolean auctioned = kind != Kind.AGREEMENT;
		if (auctioned && plans.size() < 2) {
			plans.add(new Plan(Form.CASH, Extra.NONE, false, false));
		}
		String securityYuan = BigDecimal.valueOf(securityFen, 2).toPlainString();
		String transferorUser = ("tf" + suffix + "." + fixture.run).toLowerCase();
		EntityView transferor = fixture.entity(transferorUser, EntityRole.TRANSFEROR);
		String reserve = kind == Kind.DUTCH ? "5000.00" : "10000.00";
		String step = kind == Kind.DUTCH ? "1000.00" : "100.00";
		ListingView submitted = fixture.as(transferorUser, () -> hall.submit(fixture.listing(fixture.tradeCode(suffix),
				kind.category, "10000.00", reserve, step, securityYuan, 20)));
		ListingView listing = AuctionFixture.staff().call(() -> hall.publish(submitted.id(), submitted.version()));
		assertThat(listing.auctionKind()).isEqualTo(switch (kind) {
			case DUTCH -> AuctionKind.DUTCH;
			case SEALED -> AuctionKind.SEALED;
			default -> AuctionKind.ENGLISH;
		});

		List<String> users = new ArrayList<>();
		Map<String, EntityView> entities = new java.util.HashMap<>();
		for (int i = 0; i < plans.size(); i++) {
			Plan plan = plans.get(i);
			String user = fixture.registered(listing, suffix + "b" + i);
			EntityView entity = fixture.as(user, () -> fixture.registry.myEntity().orElseThrow());
			users.add(user);
			entities.put(user, entity);
			String key = suffix + "-" + i + "-" + fixture.run;
			Money required = listing.security();
			if (plan.form() == Form.CASH) {
				BigDecimal paid = plan.extra() == Extra.OVERPAID ? required.yuan().add(new BigDecimal("0.37")) : required.yuan();
				fixture.arrival(listing, user, paid, entity.name(), "m-" + key);
				if (plan.extra() == Extra.TWICE) {
					fixture.arrival(listing, user, required.yuan(), entity.name(), "t-" + key);
				}
			}
			else {
				issuer.issue(listing, transferor.creditCode(), user, entity.creditCode());
			}
			switch (plan.extra()) {
				case SHORT -> fixture.arrival(listing, user, required.yuan().subtract(new BigDecimal("0.01")), entity.name(),
						"s-" + key);
				case WRONG_PAYER -> fixture.arrival(listing, user, required.yuan(), "他人代付有限公司", "w-" + key);
				default -> {
				}
			}
			boolean qualify = kind != Kind.AGREEMENT || i == 0;
			if (kind == Kind.FAILED && plans.size() == 1) {
				qualify = false;
			}
			java.util.UUID registration = fixture.hall_registration(listing, user);
			if (qualify) {
				AuctionFixture.staff().run(() -> hall.qualify(registration));
			}
			else {
				AuctionFixture.staff().run(() -> hall.refuseRegistration(registration, "测试：不予受理"));
			}
		}

		// The transferor (the trade's beneficiary) claims on some bidders once the bidders are disclosed.
		AuctionFixture.staff().run(() -> security.biddersDisclosed(listing.tradeCode()));
		List<ClaimView> filed = new ArrayList<>();
		List<Boolean> approvals = new ArrayList<>();
		for (int i = 0; i < plans.size(); i++) {
			if (plans.get(i).claimed()) {
				String bidder = entities.get(users.get(i)).id().toString();
				filed.add(fixture.as(transferorUser, () -> claims.file(new NewClaim(listing.tradeCode().value(), bidder,
						"REFUSED_TO_SIGN", null))));
				approvals.add(plans.get(i).approved());
			}
		}

		int winner = winnerPick % plans.size();
		ListingView concluded = fixture.concludeAfterPeriod(listing, 0);
		switch (kind) {
			case AGREEMENT -> {
				assertThat(concluded.status()).isEqualTo(ListingStatus.AGREEMENT);
				winner = 0;
				AuctionFixture.staff().call(() -> hall.concludeAgreement(listing.id(), new BigDecimal("10500.00")));
			}
			case FAILED -> {
				if (concluded.status() == ListingStatus.AUCTION) {
					hall.closeAsOf(listing.id(), hall.auction(listing.id()).endsAt());
				}
				winner = -1;
			}
			case ENGLISH -> {
				String loser = users.get((winner + 1) % users.size());
				fixture.as(loser, () -> hall.bid(listing.id(), "10000.00", "e1"));
				BidReceipt last = fixture.as(users.get(winner), () -> hall.bid(listing.id(), "10100.00", "e2"));
				hall.closeAsOf(listing.id(), last.endsAt());
			}
			case DUTCH -> fixture.as(users.get(winner), () -> hall.accept(listing.id(), "d1"));
			case SEALED -> {
				for (int i = 0; i < users.size(); i++) {
					String amount = i == winner ? "12000.00" : "10000.00";
					fixture.as(users.get(i), () -> hall.bid(listing.id(), amount, "s1"));
				}
				hall.closeAsOf(listing.id(), hall.auction(listing.id()).endsAt());
			}
		}
		ListingView result = Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> AuctionFixture.staff().call(() -> hall.listing(listing.id())),
					l -> l.status() == ListingStatus.SOLD || l.status() == ListingStatus.FAILED);
		assertThat(result.status()).isEqualTo(winner < 0 ? ListingStatus.FAILED : ListingStatus.SOLD);

		if (claimsBeforeSigning) {
			decide(claims, filed, approvals);
		}
		if (winner >= 0) {
			LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
			AuctionFixture.staff().run(() -> security.contractSigned(listing.tradeCode(), today));
		}
		if (!claimsBeforeSigning) {
			decide(claims, filed, approvals);
		}

		Ledger ledger = ledger(listing);
		assertThat(ledger.refunded().plus(ledger.applied()).plus(ledger.forfeited()))
			.as("refunds + applied + forfeited = received, for %s with %s", kind, plans).isEqualTo(ledger.received());
		assertThat(ledger.spentTwice()).as("no arrival both refunded and forfeited, or forfeited and applied").isZero();
		assertThat(ledger.lettersInForce()).as("no guarantee letter stays in force").isZero();
		assertThat(ledger.wrongPayerInterest()).as("a wrong payer's money goes back without interest")
			.isEqualTo(Money.ZERO);
		Optional<PriceSettlement> settlement = AuctionFixture.staff().call(() -> hall.settlement(listing.id()));
		Money applied = settlement.map(PriceSettlement::applied).orElse(Money.ZERO);
		assertThat(ledger.applied()).as("what the guarantee module kept is what the price settlement applied")
			.isEqualTo(applied);
		if (winner >= 0 && plans.get(winner).form() == Form.CASH) {
			// The deposit counts as it arrived: an overpaid one is applied whole (one arrival is never split).
			Money deposit = plans.get(winner).extra() == Extra.OVERPAID ? listing.security().plus(Money.of("0.37"))
					: listing.security();
			assertThat(applied).as("the winner's cash deposit is applied to the price").isEqualTo(deposit);
		}
		else {
			assertThat(applied).isEqualTo(Money.ZERO);
		}
	}

	private static void decide(SecurityClaims claims, List<ClaimView> filed, List<Boolean> approvals) {
		for (int i = 0; i < filed.size(); i++) {
			String id = filed.get(i).id().toString();
			boolean approve = approvals.get(i);
			AuctionFixture.staff().run(() -> claims.decide(id, approve, approve ? "测试：没收" : "测试：驳回"));
		}
	}

	record Ledger(Money received, Money refunded, Money applied, Money forfeited, long spentTwice, long lettersInForce,
			Money wrongPayerInterest) {
	}

	private static Ledger ledger(ListingView listing) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
		String trade = listing.tradeCode().value();
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> {
			Map<String, Object> arrivals = jdbc.sql("""
					select coalesce(sum(amount), 0) as received, coalesce(sum(applied), 0) as applied,
					  coalesce(sum(amount) filter (where forfeited_at is not null), 0) as forfeited,
					  count(*) filter (where forfeited_at is not null and (refunded_at is not null or applied is not null))
					    as twice
					from guarantee.deposit_arrivals where trade_code = ?""").param(trade).query().singleRow();
			BigDecimal refunded = jdbc.sql("select coalesce(sum(principal), 0) from guarantee.refunds where trade_code = ?")
				.param(trade).query(BigDecimal.class).single();
			BigDecimal wrongPayerInterest = jdbc.sql("""
					select coalesce(sum(r.interest), 0) from guarantee.refunds r
					join guarantee.deposit_arrivals a on a.id = r.arrival_id
					where r.trade_code = ? and a.outcome = 'WRONG_PAYER'""").param(trade).query(BigDecimal.class).single();
			long inForce = jdbc.sql("select count(*) from guarantee.letters where trade_code = ? and status = 'VALID'")
				.param(trade).query(Long.class).single();
			return new Ledger(Money.of((BigDecimal) arrivals.get("received")), Money.of(refunded),
					Money.of((BigDecimal) arrivals.get("applied")), Money.of((BigDecimal) arrivals.get("forfeited")),
					((Number) arrivals.get("twice")).longValue(), inForce, Money.of(wrongPayerInterest));
		}));
	}

	/** The shared test context, a fixture with its bank and an issuer, made once for all tries. */
	private static synchronized void setUp() throws Exception {
		if (context == null) {
			context = new TestContextManager(SecurityLedgerProperties.class).getTestContext().getApplicationContext();
			fixture = new AuctionFixture(context);
			issuer = new LetterIssuer(context, fixture);
		}
	}
}
