package org.yiwang;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.yiwang.account.AccountKind;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.NewAccount;
import org.yiwang.auction.AuctionHall;
import org.yiwang.auction.ListingStatus;
import org.yiwang.auction.ListingView;
import org.yiwang.auction.NewListing;
import org.yiwang.catalog.AuctionKind;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CategoryView;
import org.yiwang.catalog.ProcedureFamily;
import org.yiwang.catalog.ProcedureTemplate;
import org.yiwang.guarantee.ArrivalReport;
import org.yiwang.guarantee.CashDeposits;
import org.yiwang.guarantee.DepositAccountView;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Role;
import org.yiwang.portal.Portal;
import org.yiwang.portal.PublicRecord;
import org.yiwang.portal.RecordType;
import org.yiwang.procurement.ProcurementDesk;
import org.yiwang.procurement.ProcurementFixture;
import org.yiwang.procurement.ProcurementMethod;
import org.yiwang.procurement.ProcurementStatus;
import org.yiwang.procurement.ProcurementView;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;

/**
 * Issue 23's done-when: every category of the catalogue trades, from publication to a result the portal shows, through
 * the modules' public APIs and the procedure its template names. Procurement categories (government, SOE sunshine,
 * military) and intermediary services run a request for quotations in the procurement module; land, mining, listing,
 * property and environmental rights run a listing with an online auction of their template's kind (English, Dutch,
 * sealed; judicial rules for court-ordered assets).
 * <p>
 * Not here, by name: the catalogue-purchasing family (MEDICAL_CONSUMABLES, DRUGS, BUILDING_MATERIALS), which the
 * {@code purchasing} module of another change builds; and the works-tender family (ENG_*, PRIVATE_PROJECT), whose open
 * tender runs from notice to award in {@code WholeTenderIT} and {@code TenderingIT}: its sealed bids, opening,
 * expert draw and evaluation need certificates and a committee that a parameterised row cannot set up in seconds.
 */
@PlatformTest
@Import(AdjustableClock.Config.class)
class EveryCategoryTradesTests {

	static final Set<String> CATALOGUE_PURCHASING = Set.of("MEDICAL_CONSUMABLES", "DRUGS", "BUILDING_MATERIALS");

	static final String PASSWORD = "Every-pass-2026";

	@Autowired
	ApplicationContext context;

	@Autowired
	AdjustableClock clock;

	@Autowired
	Catalog catalog;

	@Autowired
	Portal portal;

	@Autowired
	AuctionHall hall;

	@Autowired
	EntityRegistry registry;

	@Autowired
	CashDeposits deposits;

	@Autowired
	AccountManagement accounts;

	static Stream<String> categories() {
		return ReferenceCategories.codes().stream().filter(c -> !CATALOGUE_PURCHASING.contains(c))
			.filter(c -> !c.startsWith("ENG_") && !c.equals("PRIVATE_PROJECT"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("categories")
	void every_category_trades_from_publication_to_a_published_result(String code) {
		CategoryView category = catalog.category(CategoryCode.of(code));
		ProcedureTemplate template = catalog.currentTemplate(category.code());
		PublicRecord result;
		if (ProcurementDesk.procuredHere(category.family())) {
			result = procured(code);
		}
		else {
			assertThat(category.family()).isIn(ProcedureFamily.LAND, ProcedureFamily.LISTING, ProcedureFamily.PROPERTY,
					ProcedureFamily.ENVIRONMENT);
			result = auctioned(code, template);
		}
		assertThat(result.categoryCode()).isEqualTo(code);
		assertThat(result.amount()).isPositive();
		// the record is stored before it is indexed (Portal.receive): the search finds it a moment later
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(portal
			.search(org.yiwang.portal.SearchRequest.of(result.tradeCode())).hits()).as("the portal's search finds the result")
			.anySatisfy(h -> assertThat(h.record().id()).isEqualTo(result.id())));
	}

	/** A request for quotations among three suppliers; the lowest quote wins. */
	private PublicRecord procured(String code) {
		ProcurementFixture f = new ProcurementFixture(context, 3);
		ProcurementView c = f.seated(code, ProcurementMethod.REQUEST_FOR_QUOTATIONS, "100000", 3);
		awaitRecord(c.tradeCode().value(), RecordType.TENDER);
		for (int i = 1; i <= 3; i++) {
			f.quote(c, i, String.valueOf(90000 + i * 1000)); // sealed by the supplier to the case's opening key
		}
		clock.advanceTo(c.responseDeadline().plusSeconds(1));
		f.openSealed(c);
		ProcurementView done = f.purchaserActor().call(() -> f.room.openResponses(c.id()));
		assertThat(done.status()).isEqualTo(ProcurementStatus.CONCLUDED);
		PublicRecord result = awaitRecord(c.tradeCode().value(), RecordType.AWARD_RESULT);
		assertThat(result.amount()).isEqualByComparingTo("91000");
		return result;
	}

	/** A listing published, two transferees qualified with their deposits, the auction of the template's kind. */
	private PublicRecord auctioned(String code, ProcedureTemplate template) {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String bank = "bank." + run;
		TestActor.admin().call(() -> accounts.create(new NewAccount(bank, "结算银行 " + run, AccountKind.MACHINE,
				Set.of(Role.API_CLIENT), null, false, Set.of(), null)));
		TestActor.cityStaff().run(() -> deposits.registerBank(bank, "结算银行 " + run));
		String transferor = "tf." + run;
		entity(transferor, EntityRole.TRANSFEROR);
		boolean dutch = template.auctionKind() == AuctionKind.DUTCH;
		String tradeCode = ("CQ-500103-" + code.replace("_", "").substring(0, Math.min(8, code.replace("_", "").length()))
				+ "-" + run).toUpperCase();
		ListingView submitted = TestActor.of(transferor, Role.TENDERER, TestActor.CITY, false).call(() -> hall.submit(
				new NewListing(tradeCode, TestActor.YUZHONG, code, "交易标的 " + code + " " + run, "标的说明。", "", null,
						new BigDecimal("100000"), new BigDecimal(dutch ? "60000" : "100000"), new BigDecimal("1000"),
						new BigDecimal("10000"), template.listingPeriodDays() == null ? 20 : template.listingPeriodDays(),
						false, "9", new BigDecimal("100000"))));
		TestActor staff = TestActor.districtStaff(TestActor.YUZHONG);
		ListingView listing = staff.call(() -> hall.publish(submitted.id(), submitted.version()));
		awaitRecord(tradeCode, RecordType.LISTING_DISCLOSURE);
		String first = qualified(listing, "a" + run, bank);
		String second = qualified(listing, "b" + run, bank);
		clock.advanceTo(listing.periodEnd().plusSeconds(1));
		boolean judicial = code.equals("JUDICIAL_ASSET");
		ListingView auction = staff.call(() -> hall.conclude(listing.id(), null, 0, judicial ? 24 : null));
		assertThat(auction.status()).isEqualTo(ListingStatus.AUCTION);
		TestActor one = TestActor.of(first, Role.BIDDER, TestActor.CITY, false);
		TestActor two = TestActor.of(second, Role.BIDDER, TestActor.CITY, false);
		switch (template.auctionKind()) {
			case DUTCH -> one.call(() -> hall.accept(listing.id(), "accept-" + run));
			case SEALED -> {
				one.call(() -> hall.bid(listing.id(), "120000", "s1-" + run));
				two.call(() -> hall.bid(listing.id(), "110000", "s2-" + run));
			}
			case ENGLISH -> {
				one.call(() -> hall.bid(listing.id(), "100000", "e1-" + run));
				two.call(() -> hall.bid(listing.id(), "101000", "e2-" + run));
			}
		}
		Instant end = hall.auction(listing.id()).endsAt();
		if (end != null && template.auctionKind() != AuctionKind.DUTCH) {
			clock.advanceTo(end.plusSeconds(1));
		}
		PublicRecord result = awaitRecord(tradeCode, RecordType.AUCTION_RESULT);
		assertThat(result.party("transferee")).as("sold to a transferee").isNotNull();
		return result;
	}

	private String qualified(ListingView listing, String name, String bank) {
		String user = ("te" + name).toLowerCase();
		EntityView entity = entity(user, EntityRole.TRANSFEREE);
		TestActor bidder = TestActor.of(user, Role.BIDDER, TestActor.CITY, false);
		bidder.call(() -> hall.register(listing.id()));
		DepositAccountView account = bidder.call(() -> deposits.openAccount(listing.tradeCode().value()));
		TestActor.of(bank, Role.API_CLIENT, TestActor.CITY, false).call(() -> deposits.report("pay-" + user,
				new ArrivalReport(account.accountNumber(), listing.security().yuan(), "6222000011112222", entity.name(),
						clock.instant().minusSeconds(60), "REF-" + user)));
		UUID registration = bidder.call(() -> hall.myRegistration(listing.id())).orElseThrow().id();
		TestActor.districtStaff(TestActor.YUZHONG).run(() -> hall.qualify(registration));
		return user;
	}

	private EntityView entity(String user, EntityRole role) {
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, "交易测试公司" + user,
				TestActor.creditCode("500103"), null, "张三", "李四", "023-12345678", "contact@example.cn", "重庆市渝中区", "150",
				TestActor.YUZHONG, Set.of(role), user, PASSWORD));
		return TestActor.cityStaff().call(() -> registry.approve(registered.id(), registered.version()));
	}

	private PublicRecord awaitRecord(String tradeCode, RecordType type) {
		return Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> portal.history(tradeCode).stream().filter(r -> r.type() == type).findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	/** The catalogue's categories as the reference file lists them (read here so that a new line is a new row). */
	static final class ReferenceCategories {

		static List<String> codes() {
			try {
				String csv = new String(new org.springframework.core.io.ClassPathResource("reference/trading-categories.csv")
					.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
				return csv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.substring(0, l.indexOf(','))).toList();
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
	}
}
