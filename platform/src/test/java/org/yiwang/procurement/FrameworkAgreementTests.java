package org.yiwang.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yiwang.procurement.ProcurementTests.refused;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.yiwang.AdjustableClock;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.portal.Portal;
import org.yiwang.portal.PublicRecord;
import org.yiwang.portal.RecordType;
import org.yiwang.registry.EntityId;
import org.yiwang.system.Refusal;

/**
 * Closed framework agreements from the call to second-stage orders: the entry list by price and by quality with one in
 * five eliminated, direct selection, rotation and re-competition, the published records, and the refusals for bad
 * input.
 */
@PlatformTest
@Import(AdjustableClock.Config.class)
class FrameworkAgreementTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	AdjustableClock clock;

	@Autowired
	Portal portal;

	@Autowired
	FrameworkAgreements agreements;

	@Autowired
	FrameworkOrders orders;

	private NewFramework request(ProcurementFixture f, FrameworkEvaluation evaluation, SecondStage stage, Integer cap) {
		return new NewFramework(ProcurementFixture.REGION, "GOV_GOODS", "台式计算机框架协议 " + f.run,
				"标准配置台式计算机，三年上门保修。", "台", new BigDecimal("5000"), evaluation, stage, cap, 12, null);
	}

	private FrameworkView published(ProcurementFixture f, FrameworkEvaluation evaluation, SecondStage stage, Integer cap) {
		FrameworkView registered = f.purchaserActor().call(() -> agreements.register(request(f, evaluation, stage, cap)));
		assertThat(registered.status()).isEqualTo(FrameworkStatus.SUBMITTED);
		return ProcurementFixture.staff().call(() -> agreements.publish(registered.id(), registered.version()));
	}

	@Autowired
	FrameworkSealedOffers sealed;

	/** Supplier {@code i} responds and seals its unit price (the sheet's amount) to the call's opening key. */
	private void respond(ProcurementFixture f, FrameworkView fw, int supplier, String price) {
		f.supplier(supplier).run(() -> agreements.respond(fw.id(), "按需求供货，响应 " + supplier, null));
		submitResponse(f, fw, supplier, sealResponse(f, fw, supplier, price));
	}

	private java.nio.file.Path sealResponse(ProcurementFixture f, FrameworkView fw, int supplier, String price) {
		String key = f.supplier(supplier).call(() -> sealed.responses(fw.id())).orElseThrow().publicKeyPem();
		return f.seal(fw.tradeCode().value(), supplier, price, f.suppliers.get(supplier - 1).name(), key);
	}

	private OfferReceipt submitResponse(ProcurementFixture f, FrameworkView fw, int supplier, java.nio.file.Path file) {
		return f.supplier(supplier).call(() -> {
			return sealed.submitResponse(fw.id(), stream(file));
		});
	}

	private static java.io.InputStream stream(java.nio.file.Path file) {
		try {
			return java.nio.file.Files.newInputStream(file);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** Entrant {@code i} seals a re-competition offer to the order's own opening key and submits it. */
	private OfferReceipt offer(ProcurementFixture f, FrameworkView fw, FrameworkOrderView o, int supplier, String price) {
		String key = f.supplier(supplier).call(() -> sealed.offers(o.id())).orElseThrow().publicKeyPem();
		java.nio.file.Path file = f.seal(fw.tradeCode().value(), supplier, price, f.suppliers.get(supplier - 1).name(),
				key);
		return f.supplier(supplier).call(() -> {
			return sealed.submitOffer(o.id(), stream(file));
		});
	}

	/** After the response deadline the two demo custodians give their shares: the unit prices open. */
	private SealingView openResponses(ProcurementFixture f, FrameworkView fw) {
		SealingView last = null;
		for (String custodian : ProcurementFixture.CUSTODIANS) {
			String share = f.decryptedShare(ProcurementFixture.custodian(custodian)
				.call(() -> sealed.responses(fw.id())).orElseThrow(), custodian);
			last = ProcurementFixture.custodian(custodian).call(() -> sealed.giveResponseShare(fw.id(), share));
		}
		return last;
	}

	private SealingView openOffers(ProcurementFixture f, FrameworkOrderView o) {
		SealingView last = null;
		for (String custodian : ProcurementFixture.CUSTODIANS) {
			String share = f.decryptedShare(ProcurementFixture.custodian(custodian)
				.call(() -> sealed.offers(o.id())).orElseThrow(), custodian);
			last = ProcurementFixture.custodian(custodian).call(() -> sealed.giveOfferShare(o.id(), share));
		}
		return last;
	}

	@Test
	void price_first_enters_the_cheapest_eliminating_one_in_five_and_a_purchaser_orders_directly() {
		ProcurementFixture f = new ProcurementFixture(context, 6);
		FrameworkView fw = published(f, FrameworkEvaluation.PRICE_FIRST, SecondStage.DIRECT_SELECTION, null);
		assertThat(fw.noticeText()).contains("框架协议采购征集公告").contains("价格优先法").contains("直接选定")
			.contains(fw.tradeCode().value());
		assertThat(fw.responseDeadline()).as("20 days at least").isAfter(clock.instant().plus(Duration.ofDays(20)));
		respond(f, fw, 1, "4800");
		respond(f, fw, 2, "4500");
		respond(f, fw, 3, "4990");
		respond(f, fw, 4, "4700");
		respond(f, fw, 5, "4600");
		respond(f, fw, 5, "4400");
		// the price is the supplier's sealed envelope, never a typed amount; one above the maximum is refused when opened
		refused(() -> f.supplier(6).run(() -> agreements.respond(fw.id(), "报价", new BigDecimal("4000"))),
				"procurement.framework.sealUnitPrice");
		respond(f, fw, 6, "5000.01");
		refused(() -> f.purchaserActor().call(() -> agreements.select(fw.id(), Map.of())),
				"procurement.open.beforeDeadline");
		assertThat(f.supplier(1).call(() -> agreements.get(fw.id())).suppliers()).as("a supplier sees its own response")
			.singleElement().satisfies(s -> assertThat(s.unitPrice()).as("sealed").isNull());
		assertThat(agreements.get(fw.id()).suppliers()).as("the public sees nobody before selection").isEmpty();
		assertThat(f.purchaserActor().call(() -> sealed.responses(fw.id())).orElseThrow().offers()).hasSize(6)
			.allSatisfy(o -> assertThat(o.amount()).isNull());
		assertThat(TestActor.of("staff.wz" + f.run, org.yiwang.kernel.Role.CENTER_STAFF, TestActor.WANZHOU, false)
			.call(() -> sealed.responses(fw.id())).orElseThrow().offers()).as("another district's staff: no envelope")
			.isEmpty();
		assertThat(sealed.responses(fw.id()).orElseThrow().offers()).as("the public: the key only").isEmpty();

		clock.advanceTo(fw.responseDeadline().plusSeconds(1));
		refused(() -> f.supplier(6).run(() -> agreements.respond(fw.id(), "迟到", null)), "procurement.respond.closed");
		refused(() -> submitResponse(f, fw, 6, sealResponse(f, fw, 6, "1")), "procurement.respond.closed");
		refused(() -> f.purchaserActor().call(() -> agreements.select(fw.id(), Map.of())),
				"procurement.open.sharesNeeded");
		SealingView opened = openResponses(f, fw);
		assertThat(opened.offers()).filteredOn(o -> o.supplier().equals(f.suppliers.get(5).name())).singleElement()
			.satisfies(o -> assertThat(o.refusal()).isEqualTo("procurement.offer.aboveMax"));
		FrameworkView selected = f.purchaserActor().call(() -> agreements.select(fw.id(), Map.of()));
		assertThat(selected.status()).isEqualTo(FrameworkStatus.IN_FORCE);
		// five responses: one eliminated (20 %), the dearest
		assertThat(selected.suppliers()).filteredOn(FrameworkSupplierView::entered).hasSize(4)
			.extracting(s -> s.unitPrice().yuan().toPlainString()).containsExactly("4400.00", "4500.00", "4700.00", "4800.00");
		assertThat(selected.entryText()).contains("框架协议入围结果公告").contains("响应供应商 5 家，入围 4 家")
			.contains(f.suppliers.get(4).name()).doesNotContain(f.suppliers.get(2).name());
		assertThat(agreements.get(fw.id()).suppliers()).as("the public sees the entrants").hasSize(4)
			.allSatisfy(s -> assertThat(s.responseText()).isNull());

		refused(() -> f.purchaserActor().call(() -> orders.order(fw.id(),
				new NewFrameworkOrder(10, f.suppliers.get(2).creditCode(), "价格", null))), "procurement.framework.notEntrant");
		refused(() -> f.purchaserActor().call(() -> orders.order(fw.id(),
				new NewFrameworkOrder(10, f.suppliers.get(1).creditCode(), " ", null))), "procurement.text.required");
		refused(() -> f.purchaserActor().call(() -> orders.order(fw.id(),
				new NewFrameworkOrder(0, f.suppliers.get(1).creditCode(), "价格", null))), "procurement.framework.quantity");
		FrameworkOrderView order = f.purchaserActor().call(() -> orders.order(fw.id(),
				new NewFrameworkOrder(20, f.suppliers.get(1).creditCode(), "售后网点距本单位最近", null)));
		assertThat(order.status()).isEqualTo(FrameworkOrderStatus.PLACED);
		assertThat(order.supplierName()).isEqualTo(f.suppliers.get(1).name());
		assertThat(order.amount().yuan()).isEqualByComparingTo("90000");
		assertThat(order.orderText()).contains("直接选定").contains("售后网点距本单位最近");

		String code = fw.tradeCode().value();
		assertThat(awaitRecord(code, RecordType.TENDER).body()).contains("框架协议采购征集公告");
		PublicRecord entry = awaitRecord(code, RecordType.AWARD_RESULT);
		assertThat(entry.parties()).filteredOn(p -> p.role().equals("winner")).hasSize(4);
		assertThat(awaitRecord(code, RecordType.CONTRACT).amount()).isEqualByComparingTo("90000");
		// the term's end is not reached here: the shared test clock must not run a year ahead of the other tests
		assertThat(selected.inForceAt(selected.validUntil())).isFalse();
		assertThat(selected.inForceAt(selected.validUntil().minusSeconds(1))).isTrue();
	}

	@Test
	void quality_first_ranks_by_the_teams_scores_and_rotation_gives_orders_in_turn() {
		ProcurementFixture f = new ProcurementFixture(context, 3);
		FrameworkView fw = published(f, FrameworkEvaluation.QUALITY_FIRST, SecondStage.ROTATION, null);
		respond(f, fw, 1, "4000");
		respond(f, fw, 2, "4900");
		respond(f, fw, 3, "4500");
		clock.advanceTo(fw.responseDeadline().plusSeconds(1));
		openResponses(f, fw);
		EntityId a = f.suppliers.get(0).id();
		EntityId b = f.suppliers.get(1).id();
		EntityId c = f.suppliers.get(2).id();
		refused(() -> f.purchaserActor().call(() -> agreements.select(fw.id(), Map.of(a, new BigDecimal("80")))),
				"procurement.framework.qualityScore");
		refused(() -> f.purchaserActor().call(() -> agreements.select(fw.id(),
				Map.of(a, new BigDecimal("80"), b, new BigDecimal("101"), c, new BigDecimal("70")))),
				"procurement.framework.qualityScore");
		FrameworkView selected = f.purchaserActor().call(() -> agreements.select(fw.id(),
				Map.of(a, new BigDecimal("70"), b, new BigDecimal("95"), c, new BigDecimal("88.5"))));
		// three responses: one eliminated; b (95) and c (88.5) enter though a is cheapest
		assertThat(selected.suppliers()).filteredOn(FrameworkSupplierView::entered)
			.extracting(FrameworkSupplierView::name).containsExactly(f.suppliers.get(1).name(), f.suppliers.get(2).name());
		assertThat(selected.entryText()).contains("质量优先法");
		List<String> turns = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			turns.add(f.purchaserActor().call(() -> orders.order(fw.id(), new NewFrameworkOrder(2, null, null, null)))
				.supplierName());
		}
		assertThat(turns).as("rank 1, rank 2, then rank 1 again").containsExactly(f.suppliers.get(1).name(),
				f.suppliers.get(2).name(), f.suppliers.get(1).name());
	}

	@Test
	void a_re_competition_takes_sealed_offers_under_the_entry_price_and_the_lowest_wins() {
		ProcurementFixture f = new ProcurementFixture(context, 4);
		FrameworkView fw = published(f, FrameworkEvaluation.PRICE_FIRST, SecondStage.RE_COMPETITION, 2);
		respond(f, fw, 1, "4000");
		respond(f, fw, 2, "4200");
		respond(f, fw, 3, "4100");
		respond(f, fw, 4, "4900");
		clock.advanceTo(fw.responseDeadline().plusSeconds(1));
		String responseKey = openResponses(f, fw).publicKeyPem();
		FrameworkView selected = f.purchaserActor().call(() -> agreements.select(fw.id(), Map.of()));
		assertThat(selected.suppliers()).as("the cap of 2 is below the 3 the elimination leaves")
			.filteredOn(FrameworkSupplierView::entered).hasSize(2);
		refused(() -> f.purchaserActor().call(() -> orders.order(fw.id(), new NewFrameworkOrder(5, null, null, null))),
				"procurement.framework.offerHours");
		FrameworkOrderView competing = f.purchaserActor()
			.call(() -> orders.order(fw.id(), new NewFrameworkOrder(5, null, null, 24)));
		assertThat(competing.status()).isEqualTo(FrameworkOrderStatus.COMPETING);
		// the re-competition has its own key: the one reassembled for the responses never opens its offers
		SealingView orderKey = f.supplier(1).call(() -> sealed.offers(competing.id())).orElseThrow();
		assertThat(orderKey.publicKeyPem()).isNotEqualTo(responseKey);
		assertThat(orderKey.stage()).isEqualTo("recompetition");
		refused(() -> f.supplier(3).run(() -> orders.offer(competing.id(), new BigDecimal("3900"))),
				"procurement.framework.sealOffer");
		java.nio.file.Path toResponseKey = f.seal(fw.tradeCode().value(), 3, "3900", f.suppliers.get(2).name(),
				responseKey);
		refused(() -> f.supplier(3).call(() -> {
			return sealed.submitOffer(competing.id(), stream(toResponseKey));
		}), "pki.envelope.notSealedToOpeningKey");
		refused(() -> offer(f, fw, competing, 2, "3900"), "procurement.framework.notFound");
		offer(f, fw, competing, 1, "4000.01"); // above its entry price of 4000: refused when opened
		offer(f, fw, competing, 3, "4000");
		offer(f, fw, competing, 3, "3900"); // replaced before the deadline: the last counts
		refused(() -> f.purchaserActor().call(() -> orders.award(competing.id())), "procurement.open.beforeDeadline");
		refused(() -> ProcurementFixture.custodian(ProcurementFixture.CUSTODIANS.get(0))
			.call(() -> sealed.giveOfferShare(competing.id(), "AQID")), "procurement.shares.beforeDeadline");
		clock.advanceTo(competing.offerDeadline().plusSeconds(1));
		refused(() -> offer(f, fw, competing, 1, "3000"), "procurement.framework.offersClosed");
		refused(() -> f.purchaserActor().call(() -> orders.award(competing.id())), "procurement.open.sharesNeeded");
		SealingView offers = openOffers(f, competing);
		assertThat(offers.offers()).filteredOn(o -> o.supplier().equals(f.suppliers.get(0).name())).singleElement()
			.satisfies(o -> assertThat(o.refusal()).isEqualTo("procurement.offer.aboveEntry"));
		ProcurementFixture other = new ProcurementFixture(context, 0);
		refused(() -> other.purchaserActor().call(() -> orders.award(competing.id())), "procurement.framework.notFound");
		FrameworkOrderView placed = f.purchaserActor().call(() -> orders.award(competing.id()));
		assertThat(placed.status()).isEqualTo(FrameworkOrderStatus.PLACED);
		assertThat(placed.supplierName()).isEqualTo(f.suppliers.get(2).name());
		assertThat(placed.amount().yuan()).isEqualByComparingTo("19500");
		refused(() -> f.purchaserActor().call(() -> orders.award(competing.id())), "procurement.framework.orderClosed");
	}

	@Test
	void one_response_fails_the_framework_and_the_termination_is_published() {
		ProcurementFixture f = new ProcurementFixture(context, 1);
		FrameworkView fw = published(f, FrameworkEvaluation.PRICE_FIRST, SecondStage.DIRECT_SELECTION, null);
		respond(f, fw, 1, "4000");
		clock.advanceTo(fw.responseDeadline().plusSeconds(1));
		openResponses(f, fw);
		FrameworkView failed = f.purchaserActor().call(() -> agreements.select(fw.id(), Map.of()));
		assertThat(failed.status()).isEqualTo(FrameworkStatus.FAILED);
		assertThat(failed.failureReason()).isEqualTo("procurement.framework.failed.tooFew");
		assertThat(awaitRecord(fw.tradeCode().value(), RecordType.FAILED).body()).contains("框架协议采购终止公告");
		refused(() -> f.purchaserActor().call(() -> orders.order(fw.id(), new NewFrameworkOrder(1, null, null, null))),
				"procurement.framework.notInForce");
	}

	@Test
	void bad_input_is_refused_naming_the_field_and_other_districts_and_outsiders_find_nothing() {
		ProcurementFixture f = new ProcurementFixture(context, 1);
		TestActor p = f.purchaserActor();
		BigDecimal max = new BigDecimal("100");
		FrameworkEvaluation price = FrameworkEvaluation.PRICE_FIRST;
		SecondStage direct = SecondStage.DIRECT_SELECTION;
		String r = ProcurementFixture.REGION;
		record Case(NewFramework request, String field, String key) {
		}
		for (Case bad : List.of(
				new Case(new NewFramework("999999", "GOV_GOODS", "t", "r", "台", max, price, direct, null, 12, null), "region", "procurement.region.unknown"),
				new Case(new NewFramework(r, "ENG_BUILDING", "t", "r", "台", max, price, direct, null, 12, null), "category", "procurement.category.notProcurement"),
				new Case(new NewFramework(r, "GOV_GOODS", " ", "r", "台", max, price, direct, null, 12, null), "title", "procurement.text.required"),
				new Case(new NewFramework(r, "GOV_GOODS", "t", "r", "", max, price, direct, null, 12, null), "unit", "procurement.text.required"),
				new Case(new NewFramework(r, "GOV_GOODS", "t", "r", "台", new BigDecimal("0"), price, direct, null, 12, null), "maxUnitPrice", "procurement.amount.positive"),
				new Case(new NewFramework(r, "GOV_GOODS", "t", "r", "台", null, price, direct, null, 12, null), "maxUnitPrice", "procurement.amount.required"),
				new Case(new NewFramework(r, "GOV_GOODS", "t", "r", "台", max, null, direct, null, 12, null), "evaluation", "procurement.framework.evaluation.required"),
				new Case(new NewFramework(r, "GOV_GOODS", "t", "r", "台", max, price, null, null, 12, null), "secondStage", "procurement.framework.secondStage.required"),
				new Case(new NewFramework(r, "GOV_GOODS", "t", "r", "台", max, price, direct, 0, 12, null), "entryCap", "procurement.framework.entryCap"),
				new Case(new NewFramework(r, "GOV_GOODS", "t", "r", "台", max, price, direct, null, 25, null), "termMonths", "procurement.framework.term"),
				new Case(new NewFramework(r, "GOV_GOODS", "t", "r", "台", max, price, direct, null, null, null), "termMonths", "procurement.framework.term"),
				new Case(new NewFramework(r, "GOV_GOODS", "t", "r", "台", max, price, direct, null, 12, 19), "responseDays", "procurement.responseDays.calendar"))) {
			assertThatThrownBy(() -> p.call(() -> agreements.register(bad.request()))).isInstanceOfSatisfying(Refusal.class, x -> {
				assertThat(x.messageKey()).as(bad.key()).isEqualTo(bad.key());
				assertThat(x.field()).as(bad.key()).isEqualTo(bad.field());
			});
		}
		refused(() -> f.supplier(1).call(() -> agreements.register(request(f, price, direct, null))),
				"procurement.purchaserOnly");
		FrameworkView registered = p.call(() -> agreements.register(request(f, price, direct, null)));
		assertThat(agreements.view(registered.id())).as("unpublished: not public").isEmpty();
		refused(() -> TestActor.districtStaff(TestActor.WANZHOU).call(() -> agreements.publish(registered.id(),
				registered.version())), "procurement.framework.notFound");
		refused(() -> f.supplier(1).call(() -> agreements.respond(registered.id(), "早到", BigDecimal.ONE)),
				"procurement.respond.closed");
		FrameworkView fw = ProcurementFixture.staff().call(() -> agreements.publish(registered.id(), registered.version()));
		refused(() -> f.supplier(1).run(() -> agreements.respond(fw.id(), "响应", new BigDecimal("1.001"))),
				"procurement.amount.decimals");
		refused(() -> f.supplier(1).run(() -> agreements.respond(fw.id(), " ", BigDecimal.ONE)), "procurement.text.required");
		clock.advanceTo(fw.responseDeadline().plusSeconds(1));
		ProcurementFixture other = new ProcurementFixture(context, 0);
		refused(() -> other.purchaserActor().call(() -> agreements.select(fw.id(), Map.of())),
				"procurement.framework.notFound");
		refused(() -> TestActor.districtStaff(TestActor.WANZHOU).call(() -> agreements.select(fw.id(), Map.of())),
				"procurement.framework.notFound");
	}

	private PublicRecord awaitRecord(String tradeCode, RecordType type) {
		return Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> portal.history(tradeCode).stream().filter(r -> r.type() == type).findFirst(), Optional::isPresent)
			.orElseThrow();
	}
}
