package org.yiwang.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.AdjustableClock;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.ProcedureFamily;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Refusal;

/**
 * Volume-based procurement rounds and hospitals' orders on PostgreSQL, with the platform's clock moved past the
 * deadlines: every catalogue-family category from the round's publication to its published result; sealed bids
 * unreadable in the database and unopenable before the deadline; winners and volumes by the documented rule; orders
 * placed, delivered, received and settled; price deviations raised as events; another district sees nothing.
 */
@PlatformTest
@Import(AdjustableClock.Config.class)
@RecordApplicationEvents
class CataloguePurchasingFlowTests {

	@Autowired
	org.yiwang.portal.Portal portal;

	@Autowired
	ApplicationContext context;

	@Autowired
	AdjustableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	PurchasingFixture f;

	@BeforeEach
	void fixture() {
		f = new PurchasingFixture(context);
	}

	private Refusal refusal(Runnable action) {
		try {
			action.run();
		}
		catch (Refusal refusal) {
			return refusal;
		}
		throw new AssertionError("not refused");
	}

	@Test
	void the_catalogue_family_is_the_three_categories_the_parameterised_test_takes() {
		assertThat(catalog.categories().stream().filter(c -> c.family() == ProcedureFamily.CATALOG)
			.map(c -> c.code().value()).collect(Collectors.toSet()))
			.containsAll(Set.of("MEDICAL_CONSUMABLES", "DRUGS", "BUILDING_MATERIALS"));
	}

	/** The "every category" test for the catalogue family: publication to a published result. */
	@ParameterizedTest
	@ValueSource(strings = { "MEDICAL_CONSUMABLES", "DRUGS", "BUILDING_MATERIALS" })
	void each_catalogue_category_runs_from_publication_to_a_published_result(String category) throws Exception {
		EntityView h1 = f.entity("h1" + category, "第一人民医院", TestActor.YUZHONG, EntityRole.TENDERER);
		f.entity("h2" + category, "第二人民医院", TestActor.WANZHOU, EntityRole.TENDERER);
		for (String s : List.of("s1", "s2", "s3")) {
			f.entity(s + category, "供应商" + s, TestActor.YUZHONG, EntityRole.BIDDER);
		}
		Instant now = clock.instant();
		RoundView round = TestActor.cityStaff().call(() -> f.rounds.publish(new NewRound(TestActor.CITY, category,
				"带量采购 " + category + " " + f.run, "同一通用名、规格 " + category, new BigDecimal("100.00"), 2,
				now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)))));
		assertThat(round.templateVersion()).isPositive();
		mvc.perform(get("/purchasing/rounds/" + round.id())).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(round.title())));

		f.as("h1" + category, () -> f.rounds.reportQuantity(round.id(), 600L));
		f.as("h2" + category, () -> f.rounds.reportQuantity(round.id(), 400L));
		f.as("h1" + category, () -> f.rounds.reportQuantity(round.id(), 700L));
		Refusal badQuantity = refusal(() -> f.as("h2" + category, () -> f.rounds.reportQuantity(round.id(), 0L)));
		assertThat(badQuantity.field()).isEqualTo("quantity");

		bid("s1" + category, category, round, "80.00");
		bid("s2" + category, category, round, "60.00");
		bid("s3" + category, category, round, "120.00");
		Refusal twice = refusal(() -> bid("s1" + category, category, round, "70.00"));
		assertThat(twice.messageKey()).isEqualTo("purchasing.bid.already");
		Refusal hospitalBids = refusal(() -> f.as("h1" + category, () -> f.rounds.bid(round.id(), null, BigDecimal.ONE)));
		assertThat(hospitalBids.status().value()).isEqualTo(403);

		// sealed: nothing in the database reads as the price, and nobody opens the bids before the deadline
		List<byte[]> stored = org.yiwang.system.RegionScopes.callAsPlatform(() -> transactions.execute(
				tx -> jdbc.sql("select sealed_price from purchasing.round_bids where round_id = ?").param(round.id())
					.query(byte[].class).list()));
		assertThat(stored).hasSize(3).allSatisfy(b -> assertThat(new String(b, StandardCharsets.ISO_8859_1))
			.doesNotContain("80.00").doesNotContain("60.00").doesNotContain("120.00"));
		assertThat(f.rounds.result(round.id())).isEmpty();
		Refusal early = refusal(() -> TestActor.cityStaff().call(() -> f.rounds.decide(round.id(), round.version())));
		assertThat(early.messageKey()).isEqualTo("purchasing.round.beforeDeadline");

		clock.advanceTo(round.reportDeadline().plusSeconds(1));
		Refusal late = refusal(() -> f.as("h2" + category, () -> f.rounds.reportQuantity(round.id(), 10L)));
		assertThat(late.messageKey()).isEqualTo("purchasing.quantity.closed");
		clock.advanceTo(round.bidDeadline().plusSeconds(1));
		Refusal lateBid = refusal(() -> bid("s1" + category, category, round, "1.00"));
		assertThat(lateBid.messageKey()).isEqualTo("purchasing.bid.closed");

		RoundView decided = TestActor.cityStaff().call(() -> f.rounds.decide(round.id(), round.version()));
		assertThat(decided.status()).isEqualTo(RoundStatus.DECIDED);
		assertThat(decided.totalQuantity()).isEqualTo(1100L);
		List<RoundBidView> result = f.rounds.result(round.id());
		assertThat(result).extracting(b -> b.supplierName().replace(f.run, ""), b -> b.price().toString(),
				RoundBidView::winner, RoundBidView::volume)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("供应商s2", "60.00", true, 629L),
					org.assertj.core.groups.Tuple.tuple("供应商s1", "80.00", true, 471L),
					org.assertj.core.groups.Tuple.tuple("供应商s3", "120.00", false, 0L));
		assertThat(result.get(2).valid()).isFalse();
		assertThat(events.stream(RoundResultPublished.class).filter(e -> e.round().equals(round.id()))).singleElement()
			.satisfies(e -> assertThat(e.decided()).isTrue());
		// the result is a public record: trade code, signed text, the winners as parties
		assertThat(decided.tradeCode().value()).startsWith("CG-DL-" + round.region().value());
		assertThat(decided.resultText()).contains("带量采购结果公告").contains(decided.tradeCode().value()).contains("629");
		org.yiwang.portal.PublicRecord record = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
			.until(() -> portal.history(decided.tradeCode().value()).stream()
				.filter(r -> r.type() == org.yiwang.portal.RecordType.AWARD_RESULT).findFirst(), java.util.Optional::isPresent)
			.orElseThrow();
		assertThat(record.signature()).isEqualTo(decided.resultSignature());
		assertThat(record.signedContent()).isEqualTo(decided.resultText());
		assertThat(record.parties()).extracting(org.yiwang.portal.Party::role).containsOnly("winner").hasSize(2);
		mvc.perform(get("/purchasing/rounds/" + round.id())).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("中选")))
			.andExpect(content().string(Matchers.containsString("629")));
		assertThat(f.rounds.quantities(round.id())).extracting(QuantityView::hospital).contains(h1.id());
	}

	private RoundBidView bid(String supplier, String category, RoundView round, String price) {
		ProductView product = f.as(supplier, () -> f.catalogue.addProduct(
				PurchasingFixture.product(category, "集采产品", "规格 " + java.util.UUID.randomUUID())));
		return f.as(supplier, () -> f.rounds.bid(round.id(), product.id().toString(), new BigDecimal(price)));
	}

	@Test
	void a_round_with_too_few_valid_bids_fails_and_another_district_cannot_decide_it() throws Exception {
		f.entity("hx", "区医院", TestActor.YUZHONG, EntityRole.TENDERER);
		f.entity("sx", "供应商", TestActor.YUZHONG, EntityRole.BIDDER);
		Instant now = clock.instant();
		Refusal wrongOrder = refusal(() -> TestActor.districtStaff(TestActor.YUZHONG).call(() -> f.rounds.publish(
				new NewRound(TestActor.YUZHONG, "DRUGS", "区级带量", "阿莫西林", new BigDecimal("5"), 1,
						now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(1))))));
		assertThat(wrongOrder.field()).isEqualTo("bidDeadline");
		Refusal notYours = refusal(() -> TestActor.districtStaff(TestActor.YUZHONG).call(() -> f.rounds.publish(
				new NewRound(TestActor.WANZHOU, "DRUGS", "区级带量", "阿莫西林", new BigDecimal("5"), 1,
						now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2))))));
		assertThat(notYours.status().value()).isEqualTo(403);
		Refusal winners = refusal(() -> TestActor.districtStaff(TestActor.YUZHONG).call(() -> f.rounds.publish(
				new NewRound(TestActor.YUZHONG, "DRUGS", "区级带量", "阿莫西林", new BigDecimal("5"), 0,
						now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2))))));
		assertThat(winners.field()).isEqualTo("maxWinners");
		RoundView round = TestActor.districtStaff(TestActor.YUZHONG).call(() -> f.rounds.publish(new NewRound(
				TestActor.YUZHONG, "DRUGS", "区级带量 " + f.run, "阿莫西林胶囊 0.25g", new BigDecimal("5.00"), 1,
				now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)))));
		f.as("hx", () -> f.rounds.reportQuantity(round.id(), 50L));
		bid("sx", "DRUGS", round, "6.00");

		clock.advanceTo(round.bidDeadline().plusSeconds(1));
		var wanzhou = authentication(TestActor.districtStaff(TestActor.WANZHOU).authentication());
		mvc.perform(post("/purchasing/rounds/" + round.id() + "/decide").with(wanzhou).with(csrf())
				.param("version", "0")).andExpect(status().isNotFound());
		Refusal otherDistrict = refusal(() -> TestActor.districtStaff(TestActor.WANZHOU)
			.call(() -> f.rounds.decide(round.id(), round.version())));
		assertThat(otherDistrict.status().value()).isEqualTo(404);

		RoundView failed = TestActor.districtStaff(TestActor.YUZHONG).call(() -> f.rounds.decide(round.id(), round.version()));
		assertThat(failed.status()).as("the one bid is above the ceiling").isEqualTo(RoundStatus.FAILED);
		assertThat(f.rounds.result(round.id())).singleElement().satisfies(b -> assertThat(b.valid()).isFalse());
	}

	@Test
	void hospitals_order_distributors_deliver_hospitals_receive_and_settle_and_deviations_are_raised() throws Exception {
		f.entity("maker", "耗材生产公司", TestActor.YUZHONG, EntityRole.BIDDER);
		EntityView distributor = f.entity("dist", "医药配送公司", TestActor.YUZHONG, EntityRole.BIDDER);
		EntityView otherDistributor = f.entity("dist2", "另一配送公司", TestActor.YUZHONG, EntityRole.BIDDER);
		EntityView yuzhong = f.entity("hy", "渝中医院", TestActor.YUZHONG, EntityRole.TENDERER);
		EntityView wanzhou = f.entity("hw", "万州医院", TestActor.WANZHOU, EntityRole.TENDERER);
		ProductView product = f.listed("maker", PurchasingFixture.product("MEDICAL_CONSUMABLES", "一次性使用输液器",
				"0.7mm " + f.run), "10.00");

		Refusal above = refusal(() -> f.as("hy", () -> f.orders.place(new NewOrder(product.id().toString(),
				distributor.creditCode(), 100L, new BigDecimal("10.01")))));
		assertThat(above.field()).isEqualTo("unitPrice");
		Refusal badCode = refusal(() -> f.as("hy", () -> f.orders.place(new NewOrder(product.id().toString(),
				"91500103ABCDEFGH12", 100L, null))));
		assertThat(badCode.field()).isEqualTo("distributorCreditCode");
		Refusal hospitalAsDistributor = refusal(() -> f.as("hy", () -> f.orders.place(new NewOrder(product.id().toString(),
				wanzhou.creditCode(), 100L, null))));
		assertThat(hospitalAsDistributor.messageKey()).isEqualTo("purchasing.order.distributorUnknown");
		Refusal noQuantity = refusal(() -> f.as("hy", () -> f.orders.place(new NewOrder(product.id().toString(),
				distributor.creditCode(), 0L, null))));
		assertThat(noQuantity.field()).isEqualTo("quantity");
		Refusal notListed = refusal(() -> f.as("hy", () -> f.orders.place(new NewOrder(java.util.UUID.randomUUID().toString(),
				distributor.creditCode(), 1L, null))));
		assertThat(notListed.field()).isEqualTo("product");

		OrderView cheap = f.as("hy", () -> f.orders.place(new NewOrder(product.id().toString(), distributor.creditCode(),
				200L, new BigDecimal("8.00"))));
		assertThat(cheap.amount().toString()).isEqualTo("1600.00");
		assertThat(cheap.region().value()).isEqualTo(TestActor.YUZHONG);
		OrderView dear = f.as("hw", () -> f.orders.place(new NewOrder(product.id().toString(), distributor.creditCode(),
				50L, null)));
		assertThat(dear.unitPrice().toString()).isEqualTo("10.00");
		assertThat(events.stream(PriceDeviationFound.class).filter(e -> e.order().equals(dear.id()))).singleElement()
			.satisfies(e -> {
				assertThat(e.lowestElsewhere().toString()).isEqualTo("8.00");
				assertThat(e.percentAbove()).isEqualByComparingTo("25.00");
				assertThat(e.hospital()).isEqualTo(wanzhou.id());
			});
		assertThat(events.stream(PriceDeviationFound.class).filter(e -> e.order().equals(cheap.id()))).isEmpty();

		Refusal wrongDistributor = refusal(() -> f.as("dist2", () -> f.orders.deliver(cheap.id(), cheap.version(), "x")));
		assertThat(wrongDistributor.status().value()).isEqualTo(404);
		Refusal receiveEarly = refusal(() -> f.as("hy", () -> f.orders.receive(cheap.id(), cheap.version())));
		assertThat(receiveEarly.messageKey()).isEqualTo("purchasing.order.step.RECEIVED");
		Refusal noNote = refusal(() -> f.as("dist", () -> f.orders.deliver(cheap.id(), cheap.version(), " ")));
		assertThat(noNote.field()).isEqualTo("deliveryNote");
		OrderView delivered = f.as("dist", () -> f.orders.deliver(cheap.id(), cheap.version(), "配送单 PS-001，批号 B2026"));
		assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
		Refusal otherHospital = refusal(() -> f.as("hw", () -> f.orders.receive(cheap.id(), delivered.version())));
		assertThat(otherHospital.status().value()).isEqualTo(404);
		OrderView received = f.as("hy", () -> f.orders.receive(cheap.id(), delivered.version()));
		Refusal wrongAmount = refusal(() -> f.as("hy", () -> f.orders.settle(cheap.id(), received.version(),
				new BigDecimal("1500.00"), "PAY-1")));
		assertThat(wrongAmount.field()).isEqualTo("amount");
		Refusal noReference = refusal(() -> f.as("hy", () -> f.orders.settle(cheap.id(), received.version(),
				new BigDecimal("1600.00"), "")));
		assertThat(noReference.field()).isEqualTo("reference");
		OrderView settled = f.as("hy", () -> f.orders.settle(cheap.id(), received.version(), new BigDecimal("1600.00"),
				"PAY-20261207-001"));
		assertThat(settled.status()).isEqualTo(OrderStatus.SETTLED);
		assertThat(f.as("dist", () -> f.orders.myOrders())).extracting(OrderView::id).contains(cheap.id(), dear.id());
		assertThat(f.as("dist2", () -> f.orders.myOrders())).isEmpty();
		assertThat(otherDistributor.id()).isNotNull();

		// price monitoring: the city sees both hospitals, Wanzhou's staff only Wanzhou's order
		List<PricePoint> city = TestActor.cityStaff().call(() -> f.orders.monitoring(product.id()));
		assertThat(city).extracting(PricePoint::deviates).containsExactly(false, true);
		List<PricePoint> district = TestActor.districtStaff(TestActor.WANZHOU).call(() -> f.orders.monitoring(product.id()));
		assertThat(district).singleElement().satisfies(p -> assertThat(p.hospitalName()).startsWith("万州医院"));
		mvc.perform(get("/purchasing/monitoring").param("product", product.id().toString())
				.with(authentication(TestActor.districtStaff(TestActor.WANZHOU).authentication())))
			.andExpect(status().isOk()).andExpect(content().string(Matchers.not(Matchers.containsString("渝中医院" + f.run))))
			.andExpect(content().string(Matchers.containsString("万州医院" + f.run)));
		mvc.perform(get("/purchasing/monitoring").param("product", product.id().toString())
				.with(authentication(TestActor.cityStaff().authentication())))
			.andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("price-chart")))
			.andExpect(content().string(Matchers.containsString("渝中医院" + f.run)));
		assertThat(yuzhong.id()).isNotNull();
		Refusal regulatorOfWorks = refusal(() -> TestActor.regulator().call(() -> f.orders.monitoring(product.id())));
		assertThat(regulatorOfWorks.status().value()).as("a works regulator does not watch medical consumables")
			.isEqualTo(404);
	}
}
