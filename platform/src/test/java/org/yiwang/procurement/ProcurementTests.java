package org.yiwang.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.AdjustableClock;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Role;
import org.yiwang.portal.OpenData;
import org.yiwang.portal.Portal;
import org.yiwang.portal.PublicRecord;
import org.yiwang.portal.RecordType;
import org.yiwang.portal.SearchRequest;
import org.yiwang.registry.EntityId;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * The government procurement methods from notice to published result, with the law's minimums, sealed offers and the
 * refusals people get for bad input.
 */
@PlatformTest
@Import(AdjustableClock.Config.class)
class ProcurementTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	AdjustableClock clock;

	@Autowired
	Portal portal;

	@Autowired
	OpenData openData;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Test
	void a_negotiation_goes_through_rounds_to_sealed_final_offers_and_the_lowest_wins() {
		ProcurementFixture f = new ProcurementFixture(context, 3);
		ProcurementView c = f.seated("GOV_GOODS", ProcurementMethod.COMPETITIVE_NEGOTIATION, "500000", 3);
		assertThat(c.status()).isEqualTo(ProcurementStatus.PUBLISHED);
		assertThat(c.noticeText()).contains("竞争性谈判采购公告").contains(c.tradeCode().value());
		assertThat(c.responseDeadline()).as("at least 3 working days").isAfter(clock.instant().plus(Duration.ofDays(3)));
		// each supplier responds and seals its first offer itself to the case's opening key (no typed amount)
		refused(() -> f.supplier(1).call(() -> f.room.respond(c.id(), "响应文件", new BigDecimal("479000"))),
				"procurement.respond.sealFirstOffer");
		for (int i = 1; i <= 3; i++) {
			f.quote(c, i, String.valueOf(480000 - i * 1000));
		}
		String firstKey = f.publicKeyPem(c, 1);
		refused(() -> f.purchaserActor().call(() -> f.room.openResponses(c.id())), "procurement.open.beforeDeadline");
		// a supplier sees its own part only, and no amount of anybody's before opening
		ProcurementView seen = f.supplier(1).call(() -> f.desk.get(c.id()));
		assertThat(seen.suppliers()).hasSize(1).allSatisfy(s -> assertThat(s.firstOffer()).isNull());
		ProcurementView team = f.purchaserActor().call(() -> f.desk.get(c.id()));
		assertThat(team.suppliers()).hasSize(3).allSatisfy(s -> assertThat(s.firstOffer()).isNull());
		List<byte[]> stored = RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc.sql(
				"select envelope from procurement.sealed_offers where subject_id = ? and stage = 'first'").param(c.id())
			.query(byte[].class).list()));
		assertThat(stored).as("the database holds the suppliers' envelopes, no readable amount").hasSize(3)
			.allSatisfy(e -> assertThat(new String(e, java.nio.charset.StandardCharsets.ISO_8859_1))
				.doesNotContain("479000").doesNotContain("478000"));
		Integer platformSealed = RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc.sql(
				"select count(*) from procurement.suppliers where case_id = ? and first_offer_sealed is not null")
			.param(c.id()).query(Integer.class).single()));
		assertThat(platformSealed).as("nothing sealed by the platform").isZero();

		clock.advanceTo(c.responseDeadline().plusSeconds(1));
		// the platform cannot open the first offers alone: the custodians' shares come first
		refused(() -> f.purchaserActor().call(() -> f.room.openResponses(c.id())), "procurement.open.sharesNeeded");
		f.openSealed(c);
		ProcurementView negotiating = f.purchaserActor().call(() -> f.room.openResponses(c.id()));
		assertThat(negotiating.status()).isEqualTo(ProcurementStatus.NEGOTIATING);
		assertThat(f.purchaserActor().call(() -> f.desk.get(c.id())).suppliers())
			.extracting(s -> s.firstOffer().yuan().toPlainString()).containsExactlyInAnyOrder("479000.00", "478000.00", "477000.00");
		refused(() -> f.purchaserActor().call(() -> f.room.callFinalOffers(c.id(), clock.instant().plusSeconds(3600))),
				"procurement.finalOffers.noRound");
		EntityId first = f.suppliers.get(0).id();
		EntityId second = f.suppliers.get(1).id();
		f.purchaserActor().call(() -> f.room.negotiate(c.id(), Map.of(first, "交货期缩短至 20 天", second, "保修延长至五年")));
		assertThat(f.supplier(1).call(() -> f.desk.rounds(c.id()))).extracting(RoundView::note)
			.containsExactly("交货期缩短至 20 天");
		assertThat(f.purchaserActor().call(() -> f.desk.rounds(c.id()))).hasSize(2);
		refused(() -> f.purchaserActor().call(() -> f.room.callFinalOffers(c.id(), clock.instant())),
				"procurement.finalOffers.deadline");
		ProcurementView calling = f.purchaserActor()
			.call(() -> f.room.callFinalOffers(c.id(), clock.instant().plus(Duration.ofHours(2))));
		assertThat(calling.status()).isEqualTo(ProcurementStatus.FINAL_OFFERS);
		// final offers are sealed by each supplier to a key of their own (the one reassembled for the first offers
		// never opens them); the custodians hold its private key
		assertThat(f.publicKeyPem(c, 1)).isNotEqualTo(firstKey);
		java.nio.file.Path toFirstKey = f.seal(c, 1, "1", f.suppliers.get(0).name(), firstKey);
		refused(() -> f.submit(c, 1, toFirstKey), "pki.envelope.notSealedToOpeningKey");
		f.offer(c, 1, "470000");
		f.offer(c, 2, "460000.50");
		f.offer(c, 3, "465000");
		f.offer(c, 1, "455000");
		refused(() -> f.supplier(2).call(() -> f.room.submitFinalOffer(c.id(), new BigDecimal("1"))),
				"procurement.finalOffer.sealEnvelope");
		refused(() -> f.purchaserActor().call(() -> f.room.conclude(c.id(), Map.of())), "procurement.open.beforeDeadline");

		clock.advanceTo(calling.finalOfferDeadline().plusSeconds(1));
		java.nio.file.Path late = f.seal(c, 2, "1", f.suppliers.get(1).name(), f.publicKeyPem(c, 2));
		refused(() -> f.submit(c, 2, late), "procurement.finalOffer.closed");
		refused(() -> f.purchaserActor().call(() -> f.room.conclude(c.id(), Map.of())), "procurement.open.sharesNeeded");
		f.openSealed(c);
		ProcurementView done = f.purchaserActor().call(() -> f.room.conclude(c.id(), Map.of()));
		assertThat(done.status()).isEqualTo(ProcurementStatus.CONCLUDED);
		assertThat(done.winnerName()).isEqualTo(f.suppliers.get(0).name());
		assertThat(done.winnerPrice().yuan()).as("the replaced final offer counts").isEqualByComparingTo("455000");
		assertThat(done.resultText()).contains("成交结果公告").contains("455000");

		PublicRecord result = awaitRecord(c.tradeCode().value(), RecordType.AWARD_RESULT);
		assertThat(result.amount()).isEqualByComparingTo("455000");
		assertThat(result.party("winner").name()).isEqualTo(f.suppliers.get(0).name());
		assertThat(awaitRecord(c.tradeCode().value(), RecordType.TENDER).bidDeadline()).isEqualTo(c.responseDeadline());
		Map<String, Object> tender = tenderOf(c.tradeCode().value());
		assertThat(tender).containsEntry("procurementMethod", "selective").containsEntry("procurementMethodDetails", "竞争性谈判");
	}

	@Test
	void too_few_responses_fail_the_case_and_the_failure_is_published() {
		ProcurementFixture f = new ProcurementFixture(context, 3);
		ProcurementView c = f.seated("GOV_SERVICES", ProcurementMethod.COMPETITIVE_NEGOTIATION, "100000", 3);
		f.quote(c, 1, "90000");
		f.quote(c, 2, "95000");
		// supplier 3 responds but seals no first offer: no valid response
		f.supplier(3).run(() -> f.room.respond(c.id(), "响应但未报价", null));
		clock.advanceTo(c.responseDeadline().plusSeconds(1));
		refused(() -> f.supplier(3).call(() -> f.room.respond(c.id(), "迟到", null)), "procurement.respond.closed");
		refused(() -> f.offer(c, 3, "1"), "procurement.respond.closed");
		f.openSealed(c);
		ProcurementView failed = f.purchaserActor().call(() -> f.room.openResponses(c.id()));
		assertThat(failed.status()).isEqualTo(ProcurementStatus.FAILED);
		assertThat(failed.failureReason()).isEqualTo("procurement.failed.tooFewResponses");
		assertThat(awaitRecord(c.tradeCode().value(), RecordType.FAILED).body()).contains("采购终止公告");
	}

	@Test
	void a_request_for_quotations_takes_one_sealed_quote_each_and_the_lowest_within_budget_wins() {
		ProcurementFixture f = new ProcurementFixture(context, 4);
		ProcurementView c = f.seated("SOE_PROCUREMENT", ProcurementMethod.REQUEST_FOR_QUOTATIONS, "200000", 4);
		refused(() -> f.supplier(1).call(() -> f.room.respond(c.id(), "报价", new BigDecimal("199000"))),
				"procurement.respond.sealQuote");
		f.quote(c, 1, "199000");
		f.quote(c, 2, "150000");
		f.quote(c, 3, "210000");
		f.quote(c, 4, "188000");
		clock.advanceTo(c.responseDeadline().plusSeconds(1));
		refused(() -> f.purchaserActor().call(() -> f.room.openResponses(c.id())), "procurement.open.sharesNeeded");
		f.openSealed(c);
		ProcurementView done = f.purchaserActor().call(() -> f.room.openResponses(c.id()));
		assertThat(done.status()).isEqualTo(ProcurementStatus.CONCLUDED);
		assertThat(done.winnerName()).isEqualTo(f.suppliers.get(1).name());
		assertThat(done.winnerPrice().yuan()).isEqualByComparingTo("150000");
		refused(() -> f.purchaserActor().call(() -> f.room.negotiate(c.id(), Map.of())), "procurement.round.notNegotiating");
	}

	@Test
	void a_consultation_scores_price_and_technical_merit_and_the_best_score_wins() {
		ProcurementFixture f = new ProcurementFixture(context, 3);
		ProcurementView c = f.seated("GOV_SERVICES", ProcurementMethod.COMPETITIVE_CONSULTATION, "300000", 3);
		assertThat(c.responseDeadline()).as("at least 10 days").isAfter(clock.instant().plus(Duration.ofDays(9)));
		for (int i = 1; i <= 3; i++) {
			f.quote(c, i, "290000");
		}
		clock.advanceTo(c.responseDeadline().plusSeconds(1));
		f.openSealed(c);
		f.purchaserActor().call(() -> f.room.openResponses(c.id()));
		f.purchaserActor().call(() -> f.room.negotiate(c.id(), Map.of(f.suppliers.get(0).id(), "请细化运维方案")));
		ProcurementView calling = f.purchaserActor()
			.call(() -> f.room.callFinalOffers(c.id(), clock.instant().plus(Duration.ofHours(1))));
		f.offer(c, 1, "200000");
		f.offer(c, 2, "250000");
		f.offer(c, 3, "280000");
		clock.advanceTo(calling.finalOfferDeadline().plusSeconds(1));
		f.openSealed(c);
		EntityId a = f.suppliers.get(0).id();
		EntityId b = f.suppliers.get(1).id();
		EntityId d = f.suppliers.get(2).id();
		refused(() -> f.purchaserActor().call(() -> f.room.conclude(c.id(), Map.of(a, new BigDecimal("40")))),
				"procurement.conclude.score");
		refused(() -> f.purchaserActor().call(() -> f.room.conclude(c.id(),
				Map.of(a, new BigDecimal("71"), b, new BigDecimal("60"), d, new BigDecimal("50")))), "procurement.conclude.score");
		// a: 30 + 40 = 70; b: 24 + 65 = 89; d: 21.43 + 50 = 71.43
		ProcurementView done = f.purchaserActor().call(() -> f.room.conclude(c.id(),
				Map.of(a, new BigDecimal("40"), b, new BigDecimal("65"), d, new BigDecimal("50"))));
		assertThat(done.winnerName()).isEqualTo(f.suppliers.get(1).name());
		assertThat(done.resultText()).contains("89.00");
	}

	@Test
	void a_single_source_notice_takes_objections_during_its_publicity_and_ends_at_the_agreed_price() {
		ProcurementFixture f = new ProcurementFixture(context, 2);
		ProcurementView c = f.published("GOV_GOODS", ProcurementMethod.SINGLE_SOURCE, "800000", 1);
		assertThat(c.noticeText()).contains("单一来源采购公示").contains(f.suppliers.get(0).name()).contains("第三十一条");
		assertThat(c.responseDeadline()).as("5 working days at least").isAfter(clock.instant().plus(Duration.ofDays(5)));
		ProcurementView publicView = f.desk.get(c.id());
		assertThat(publicView.suppliers()).extracting(SupplierView::name).containsExactly(f.suppliers.get(0).name());
		ObjectionView objection = f.supplier(2).call(() -> f.desk.object(c.id(), "本公司同样能够提供该设备"));
		assertThat(objection.open()).isTrue();
		refused(() -> f.supplier(2).call(() -> f.desk.object(c.id(), " ")), "procurement.text.required");
		refused(() -> f.supplier(2).call(() -> f.desk.answerObjection(objection.id(), false, "驳回")),
				"procurement.staffOnly");
		clock.advanceTo(c.responseDeadline().plusSeconds(1));
		refused(() -> f.supplier(2).call(() -> f.desk.object(c.id(), "迟到的异议")), "procurement.objection.publicityOver");
		refused(() -> f.purchaserActor().call(() -> f.room.openResponses(c.id())), "procurement.open.objectionOpen");
		ProcurementFixture.staff().run(() -> f.desk.answerObjection(objection.id(), false, "该设备专利仅由拟定供应商持有"));
		f.purchaserActor().call(() -> f.room.openResponses(c.id()));
		refused(() -> f.purchaserActor().call(() -> f.room.agree(c.id(), new BigDecimal("800000.01"))),
				"procurement.agree.overBudget");
		ProcurementView done = f.purchaserActor().call(() -> f.room.agree(c.id(), new BigDecimal("790000")));
		assertThat(done.status()).isEqualTo(ProcurementStatus.CONCLUDED);
		assertThat(f.desk.objections(c.id())).extracting(ObjectionView::status).containsExactly("DISMISSED");
		awaitRecord(c.tradeCode().value(), RecordType.AWARD_RESULT);
		assertThat(tenderOf(c.tradeCode().value())).containsEntry("procurementMethod", "limited");
	}

	@Test
	void an_upheld_objection_ends_the_single_source_case() {
		ProcurementFixture f = new ProcurementFixture(context, 2);
		ProcurementView c = f.published("MILITARY_PROCUREMENT", ProcurementMethod.SINGLE_SOURCE, "50000", 1);
		ObjectionView objection = f.supplier(2).call(() -> f.desk.object(c.id(), "并非唯一供应商"));
		ProcurementFixture.staff().run(() -> f.desk.answerObjection(objection.id(), true, "经核实，市场上另有两家供应商"));
		ProcurementView failed = f.desk.get(c.id());
		assertThat(failed.status()).isEqualTo(ProcurementStatus.FAILED);
		assertThat(failed.failureReason()).isEqualTo("procurement.failed.objectionUpheld");
		awaitRecord(c.tradeCode().value(), RecordType.FAILED);
	}

	@Test
	void bad_input_is_refused_naming_the_field() {
		ProcurementFixture f = new ProcurementFixture(context, 3);
		TestActor p = f.purchaserActor();
		List<String> three = f.codes(3);
		record Case(NewProcurement request, String field, String key) {
		}
		BigDecimal budget = new BigDecimal("1000");
		for (Case bad : List.of(
				new Case(new NewProcurement("999999", "GOV_GOODS", ProcurementMethod.COMPETITIVE_NEGOTIATION, "t", "r", budget, three, null, null), "region", "procurement.region.unknown"),
				new Case(new NewProcurement(f.REGION, "ENG_BUILDING", ProcurementMethod.COMPETITIVE_NEGOTIATION, "t", "r", budget, three, null, null), "category", "procurement.category.notProcurement"),
				new Case(new NewProcurement(f.REGION, "NO_SUCH", ProcurementMethod.COMPETITIVE_NEGOTIATION, "t", "r", budget, three, null, null), "category", "procurement.category.unknown"),
				new Case(new NewProcurement(f.REGION, "GOV_GOODS", null, "t", "r", budget, three, null, null), "method", "procurement.method.required"),
				new Case(new NewProcurement(f.REGION, "GOV_GOODS", ProcurementMethod.COMPETITIVE_NEGOTIATION, " ", "r", budget, three, null, null), "title", "procurement.text.required"),
				new Case(new NewProcurement(f.REGION, "GOV_GOODS", ProcurementMethod.COMPETITIVE_NEGOTIATION, "t", "r", new BigDecimal("-1"), three, null, null), "budget", "procurement.amount.positive"),
				new Case(new NewProcurement(f.REGION, "GOV_GOODS", ProcurementMethod.COMPETITIVE_NEGOTIATION, "t", "r", new BigDecimal("1.001"), three, null, null), "budget", "procurement.amount.decimals"),
				new Case(new NewProcurement(f.REGION, "GOV_GOODS", ProcurementMethod.COMPETITIVE_NEGOTIATION, "t", "r", budget, f.codes(2), null, null), "suppliers", "procurement.suppliers.tooFew"),
				new Case(new NewProcurement(f.REGION, "GOV_GOODS", ProcurementMethod.COMPETITIVE_NEGOTIATION, "t", "r", budget, List.of(three.get(0), three.get(1), "NOT-A-CODE"), null, null), "suppliers", "procurement.suppliers.badCode"),
				new Case(new NewProcurement(f.REGION, "GOV_GOODS", ProcurementMethod.COMPETITIVE_NEGOTIATION, "t", "r", budget, List.of(three.get(0), three.get(1), TestActor.creditCode("500103")), null, null), "suppliers", "procurement.suppliers.unknown"),
				new Case(new NewProcurement(f.REGION, "GOV_GOODS", ProcurementMethod.COMPETITIVE_NEGOTIATION, "t", "r", budget, List.of(three.get(0), three.get(1), f.purchaser.creditCode()), null, null), "suppliers", "procurement.suppliers.unknown"),
				new Case(new NewProcurement(f.REGION, "GOV_GOODS", ProcurementMethod.COMPETITIVE_NEGOTIATION, "t", "r", budget, three, 2, null), "responseDays", "procurement.responseDays.working"),
				new Case(new NewProcurement(f.REGION, "GOV_GOODS", ProcurementMethod.COMPETITIVE_CONSULTATION, "t", "r", budget, three, 9, null), "responseDays", "procurement.responseDays.calendar"),
				new Case(new NewProcurement(f.REGION, "GOV_GOODS", ProcurementMethod.SINGLE_SOURCE, "t", "r", budget, f.codes(2), null, "理由"), "suppliers", "procurement.suppliers.single"),
				new Case(new NewProcurement(f.REGION, "GOV_GOODS", ProcurementMethod.SINGLE_SOURCE, "t", "r", budget, f.codes(1), null, null), "singleSourceReason", "procurement.text.required"))) {
			assertThatThrownBy(() -> p.call(() -> f.desk.register(bad.request()))).isInstanceOfSatisfying(Refusal.class, r -> {
				assertThat(r.messageKey()).as(bad.key()).isEqualTo(bad.key());
				assertThat(r.field()).as(bad.key()).isEqualTo(bad.field());
			});
		}
		refused(() -> f.supplier(1).call(() -> f.desk.register(f.request("GOV_GOODS", ProcurementMethod.REQUEST_FOR_QUOTATIONS, "1", 3))),
				"procurement.purchaserOnly");
	}

	@Test
	void outsiders_and_other_districts_find_nothing_and_suppliers_offer_only_valid_amounts() {
		ProcurementFixture f = new ProcurementFixture(context, 3);
		ProcurementView registered = f.purchaserActor().call(() -> f.desk.register(
				f.request("GOV_WORKS", ProcurementMethod.COMPETITIVE_NEGOTIATION, "100000", 3)));
		refused(() -> TestActor.districtStaff(TestActor.WANZHOU).call(() -> f.desk.publish(registered.id(),
				registered.version())), "procurement.notFound");
		assertThat(f.desk.view(registered.id())).as("unpublished: not public").isEmpty();
		ProcurementView c = ProcurementFixture.staff().call(() -> f.desk.publish(registered.id(), registered.version()));
		ProcurementFixture other = new ProcurementFixture(context, 1);
		refused(() -> other.supplier(1).call(() -> f.room.respond(c.id(), "未受邀", new BigDecimal("1"))),
				"procurement.notFound");
		refused(() -> other.purchaserActor().call(() -> f.room.openResponses(c.id())), "procurement.notFound");
		refused(() -> f.supplier(1).call(() -> f.room.respond(c.id(), "响应", new BigDecimal("0"))),
				"procurement.amount.positive");
		refused(() -> f.supplier(1).call(() -> f.room.respond(c.id(), "响应", new BigDecimal("100"))),
				"procurement.respond.sealFirstOffer");
		refused(() -> f.supplier(1).call(() -> f.room.respond(c.id(), "响应", new BigDecimal("1e15"))),
				"procurement.amount.absurd");
		assertThat(TestActor.of("nobody", Role.REGULATOR, TestActor.CITY, true).call(() -> f.desk.get(c.id())).suppliers())
			.as("the public sees no invited supplier of a negotiation").isEmpty();
		// no team drawn: the responses do not open (政府采购法 第三十八条第一项), and the refusal says what to do
		clock.advanceTo(c.responseDeadline().plusSeconds(1));
		refused(() -> f.purchaserActor().call(() -> f.room.openResponses(c.id())), "procurement.open.noTeam");
	}

	private PublicRecord awaitRecord(String tradeCode, RecordType type) {
		return Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> portal.history(tradeCode).stream().filter(r -> r.type() == type).findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> tenderOf(String tradeCode) {
		List<Map<String, Object>> releases = (List<Map<String, Object>>) openData.sectionPackage(tradeCode).get("releases");
		return (Map<String, Object>) releases.get(0).get("tender");
	}

	static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable action, String key) {
		assertThatThrownBy(action).isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(key));
	}
}
