package org.yiwang.supervision.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.audit.AuditLog;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;
import org.yiwang.system.RegionScopes;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.BidsOpened;
import org.yiwang.tendering.OpenedBid;
import org.yiwang.tendering.SectionId;

/**
 * Alerts from the opening event to closure: the rules raise them with their evidence, the competent regulator (region
 * and industry) alone sees and dispatches them, the operator's staff of the region answer, the regulator closes; a
 * regulator of another district or industry and staff of another district find nothing; every step is audited.
 */
@PlatformTest
class AlertWorkflowTests {

	@Autowired
	Alerts alerts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	Clock clock;

	final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

	static final TestActor REGULATOR = TestActor.regulator();

	static final TestActor WANZHOU_REGULATOR = new TestActor(new Actor("reg.wanzhou", "REGULATOR", TestActor.WANZHOU),
			"万州监管", Set.of(Role.REGULATOR), RegionScope.of(RegionCode.of(TestActor.WANZHOU)),
			Set.of(CategoryCode.of("ENG_BUILDING")));

	static final TestActor WATER_REGULATOR = new TestActor(new Actor("reg.water", "REGULATOR", TestActor.CITY), "水利监管",
			Set.of(Role.REGULATOR), RegionScope.wholeCity(), Set.of(CategoryCode.of("ENG_WATER")));

	static final TestActor YUZHONG_STAFF = TestActor.districtStaff(TestActor.YUZHONG);

	static final TestActor WANZHOU_STAFF = TestActor.districtStaff(TestActor.WANZHOU);

	/** Opens a section in Yuzhong with these prices and waits for the rules to have run. */
	String open(String... prices) {
		SectionId section = new SectionId(UUID.randomUUID());
		String trade = "CQ-500103-2026-AL" + run + prices.length;
		List<OpenedBid> bids = java.util.stream.IntStream.range(0, prices.length)
			.mapToObj(i -> new OpenedBid(UUID.randomUUID(), EntityId.random(), "投标人" + (i + 1) + "号" + run, null,
					Money.of(prices[i]), 300, "合格", List.of(), OpenedBid.Decryption.BY_BIDDER))
			.toList();
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> events.publishEvent(new BidsOpened(
				Actor.SYSTEM, section, TradeCode.of(trade), 1, RegionCode.of(TestActor.YUZHONG),
				CategoryCode.of("ENG_BUILDING"), EntityId.random(), Money.of("2000000.00"), bids, UUID.randomUUID(),
				clock.instant()))));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> RegionScopes.callAsPlatform(() -> transactions
			.execute(s -> jdbc.sql("SELECT count(*) FROM supervision.screening_sections WHERE section_id = ?")
				.param(section.value()).query(Long.class).single())) == 1);
		return trade;
	}

	List<AlertView> of(TestActor actor, String trade) {
		return actor.call(() -> alerts.visible()).stream().filter(a -> a.tradeCode().equals(trade)).toList();
	}

	@Test
	void pricesAtAConstantRatioAndIdenticalPricesRaiseAlertsWithTheirEvidence() {
		String trade = open("1000000.00", "1010000.00", "1020100.00", "1030301.00");
		List<AlertView> raised = of(REGULATOR, trade);
		assertThat(raised).extracting(AlertView::rule).contains("CONSTANT_RATIO").doesNotContain("FEW_BIDS");
		AlertView ratio = raised.stream().filter(a -> a.rule().equals("CONSTANT_RATIO")).findFirst().orElseThrow();
		assertThat(ratio.evidence()).contains("1.01000").contains("投标人2号" + run);
		assertThat(ratio.status()).isEqualTo("OPEN");
		assertThat(ratio.colour()).isEqualTo("GREEN");

		String same = open("800000.00", "800000.00", "850000.00");
		assertThat(of(REGULATOR, same)).extracting(AlertView::rule).contains("IDENTICAL_PRICES");
	}

	@Test
	void fewerThanThreeBidsRaiseAnAlertAndTheScreensAreStored() {
		String trade = open("500000.00", "520000.00");
		AlertView few = of(REGULATOR, trade).stream().filter(a -> a.rule().equals("FEW_BIDS")).findFirst().orElseThrow();
		assertThat(few.evidence()).contains("opened bids: 2");
		Double spd = RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc
			.sql("SELECT spd FROM supervision.screening_sections WHERE trade_code = ?").param(trade).query(Double.class)
			.single()));
		assertThat(spd).isEqualTo(0.04, org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void aHighRiskScoreRaisesAnAlertNamingTheScreensThatDroveIt() {
		// two clusters of equal prices and two far above: a spread and shape the default model scores about 0.68
		String trade = open("1000000", "1000000", "1000000", "1000000", "1000000", "1010000", "1010000", "1010000",
				"1010000", "1010000", "1500000", "1500000");
		double risk = RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc
			.sql("SELECT risk FROM supervision.screening_sections WHERE trade_code = ?").param(trade).query(Double.class)
			.single()));
		assertThat(risk).isBetween(0.6, 1.0);
		AlertView high = of(REGULATOR, trade).stream().filter(a -> a.rule().equals("HIGH_RISK")).findFirst().orElseThrow();
		assertThat(high.evidence()).contains(String.format(java.util.Locale.ROOT, "risk %.4f", risk)).contains("drivers: CV")
			.contains("KSTEST");
	}

	@Test
	void theCompetentRegulatorDispatchesTheOperatorAnswersTheRegulatorClosesAndOthersSeeNothing() {
		String trade = open("700000.00", "700000.00", "760000.00");
		UUID id = of(REGULATOR, trade).get(0).id();

		// not competent: another district, another industry; the operator sees nothing before dispatch
		assertThat(of(WANZHOU_REGULATOR, trade)).isEmpty();
		assertThat(of(WATER_REGULATOR, trade)).isEmpty();
		assertThat(of(YUZHONG_STAFF, trade)).isEmpty();
		assertThatThrownBy(() -> WANZHOU_REGULATOR.call(() -> alerts.dispatch(id, "请核查")))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("supervision.alert.notFound"));
		assertThatThrownBy(() -> WATER_REGULATOR.call(() -> alerts.alert(id))).isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> YUZHONG_STAFF.call(() -> alerts.dispatch(id, "x")))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status().value()).isEqualTo(403));

		// bad input names the field
		assertThatThrownBy(() -> REGULATOR.call(() -> alerts.dispatch(id, "  ")))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("instruction"));
		assertThatThrownBy(() -> REGULATOR.call(() -> alerts.dispatch(id, "长".repeat(2001))))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("supervision.alert.textTooLong"));

		assertThat(REGULATOR.call(() -> alerts.dispatch(id, "请核查两家报价相同的投标人")).status()).isEqualTo("DISPATCHED");
		assertThatThrownBy(() -> REGULATOR.call(() -> alerts.close(id, "结案")))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("supervision.alert.awaitingFeedback"));
		assertThat(of(WANZHOU_STAFF, trade)).isEmpty();
		assertThatThrownBy(() -> WANZHOU_STAFF.call(() -> alerts.answer(id, "x"))).isInstanceOf(Refusal.class);
		assertThat(of(YUZHONG_STAFF, trade)).extracting(AlertView::id).contains(id);

		assertThat(YUZHONG_STAFF.call(() -> alerts.answer(id, "已调取两家投标文件，移交监管部门")).status()).isEqualTo("ANSWERED");
		assertThatThrownBy(() -> YUZHONG_STAFF.call(() -> alerts.close(id, "x")))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status().value()).isEqualTo(403));
		AlertView closed = REGULATOR.call(() -> alerts.close(id, "已立案调查"));
		assertThat(closed.status()).isEqualTo("CLOSED");
		assertThat(closed.colour()).isEqualTo("GREY");
		assertThat(closed.dispatchedBy()).isEqualTo("regulator");
		assertThat(closed.answeredBy()).isEqualTo("staff.yuzhong");

		List<String> steps = TestActor.admin().call(() -> audit.latest("alert:" + id, 20)).stream()
			.map(e -> e.action()).toList();
		assertThat(steps).contains("supervision.alert.raised", "supervision.alert.dispatched", "supervision.alert.answered",
				"supervision.alert.closed");
	}

	@Test
	void anAlertDispatchedToTheDepartmentInChargeIsAcknowledgedFollowedUpAndAnsweredByThatDepartmentOnly() {
		String trade = open("610000.00", "610000.00", "640000.00");
		UUID id = of(REGULATOR, trade).get(0).id();

		// a party that is neither the operator nor a department names the field
		assertThatThrownBy(() -> REGULATOR.call(() -> alerts.dispatch(id, "NOBODY", "请核查")))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("party"));
		assertThat(of(WATER_REGULATOR, trade)).isEmpty();

		AlertView dispatched = REGULATOR.call(() -> alerts.dispatch(id, "WATER", "请水利部门核查两家报价相同的投标人"));
		assertThat(dispatched.dispatchedTo()).isEqualTo("WATER");
		assertThat(dispatched.acknowledgedAt()).isNull();
		// the water department now sees it; the operator's staff do not (it was not dispatched to them)
		assertThat(of(WATER_REGULATOR, trade)).extracting(AlertView::id).contains(id);
		assertThat(of(YUZHONG_STAFF, trade)).isEmpty();
		assertThatThrownBy(() -> YUZHONG_STAFF.call(() -> alerts.answer(id, "x")))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status().value()).isEqualTo(404));
		// the competent regulator follows up, but only the party acknowledges and answers
		assertThatThrownBy(() -> REGULATOR.call(() -> alerts.acknowledge(id)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("supervision.alert.partyOnly"));
		assertThatThrownBy(() -> REGULATOR.call(() -> alerts.answer(id, "x")))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status().value()).isEqualTo(403));

		AlertView acknowledged = WATER_REGULATOR.call(() -> alerts.acknowledge(id));
		assertThat(acknowledged.acknowledgedBy()).isEqualTo("reg.water");
		assertThat(WATER_REGULATOR.call(() -> alerts.acknowledge(id)).acknowledgedAt()).isEqualTo(acknowledged.acknowledgedAt());
		assertThatThrownBy(() -> WATER_REGULATOR.call(() -> alerts.followUp(id, " ")))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("note"));
		WATER_REGULATOR.run(() -> alerts.followUp(id, "已约谈两家投标人"));
		REGULATOR.run(() -> alerts.followUp(id, "请于三日内反馈"));
		assertThat(REGULATOR.call(() -> alerts.followUps(id))).extracting(AlertFollowUp::party, AlertFollowUp::note)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("WATER", "已约谈两家投标人"),
					org.assertj.core.groups.Tuple.tuple("REGULATOR", "请于三日内反馈"));
		assertThatThrownBy(() -> WANZHOU_STAFF.call(() -> alerts.followUp(id, "x"))).isInstanceOf(Refusal.class);

		assertThat(WATER_REGULATOR.call(() -> alerts.answer(id, "两家共用同一造价咨询人，已移送")).status()).isEqualTo("ANSWERED");
		// the department does not close: the competent regulator does
		assertThatThrownBy(() -> WATER_REGULATOR.call(() -> alerts.close(id, "x"))).isInstanceOf(Refusal.class);
		assertThat(REGULATOR.call(() -> alerts.close(id, "已立案")).status()).isEqualTo("CLOSED");
		assertThatThrownBy(() -> WATER_REGULATOR.call(() -> alerts.followUp(id, "x")))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("supervision.alert.notDispatched"));

		List<String> steps = TestActor.admin().call(() -> audit.latest("alert:" + id, 20)).stream()
			.map(e -> e.action()).toList();
		assertThat(steps).contains("supervision.alert.dispatched", "supervision.alert.acknowledged",
				"supervision.alert.followed_up", "supervision.alert.answered", "supervision.alert.closed");
	}

	@Autowired
	OpeningRules rules;

	@Test
	void theRulesRunOncePerOpeningRoundEvenIfTheEventArrivesTwice() {
		String trade = "CQ-500103-2026-RE" + run;
		BidsOpened opened = new BidsOpened(Actor.SYSTEM, new SectionId(UUID.randomUUID()), TradeCode.of(trade), 1,
				RegionCode.of(TestActor.YUZHONG), CategoryCode.of("ENG_BUILDING"), EntityId.random(), Money.of("1000000.00"),
				List.of(new OpenedBid(UUID.randomUUID(), EntityId.random(), "甲" + run, null, Money.of("300000.00"), 300, "合格",
						List.of(), OpenedBid.Decryption.BY_BIDDER)),
				UUID.randomUUID(), clock.instant());
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> rules.evaluate(opened)));
		assertThat(of(REGULATOR, trade)).extracting(AlertView::rule).containsExactly("FEW_BIDS");
		// a redelivered event finds the round already screened and raises nothing more
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> rules.evaluate(opened)));
		assertThat(of(REGULATOR, trade)).hasSize(1);
	}

	static final TestActor MARKETPLACE_REGULATOR = new TestActor(new Actor("reg.market", "REGULATOR", TestActor.CITY),
			"中介监管", Set.of(Role.REGULATOR), RegionScope.wholeCity(), Set.of(CategoryCode.of("INTERMEDIARY_SERVICE")));

	@Test
	void aDirectSelectionInTheMarketplaceReachesTheMarketplacesRegulatorWithItsBasisAndReason() {
		String trade = "CQ-ZJ-500103-2026-D" + run;
		org.yiwang.intermediary.DirectSelectionMade made = new org.yiwang.intermediary.DirectSelectionMade(
				new Actor("owner." + run, "TENDERER", TestActor.YUZHONG), UUID.randomUUID(), TradeCode.of(trade),
				RegionCode.of(TestActor.YUZHONG), UUID.randomUUID(), "渝中区业主" + run, UUID.randomUUID(), "某造价咨询" + run,
				org.yiwang.intermediary.DirectBasis.EMERGENCY, "暴雨抢险后须立即核定工程造价", 2, clock.instant());
		// redelivered, as the event registry may: one alert
		for (int i = 0; i < 2; i++) {
			RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> events.publishEvent(made)));
		}
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !of(MARKETPLACE_REGULATOR, trade).isEmpty());
		List<AlertView> raised = of(MARKETPLACE_REGULATOR, trade);
		assertThat(raised).singleElement().satisfies(a -> {
			assertThat(a.rule()).isEqualTo("DIRECT_SELECTION");
			assertThat(a.evidence()).contains("某造价咨询" + run, "暴雨抢险后须立即核定工程造价", "政府采购法第三十一条第二项")
				.doesNotContain("EMERGENCY");
		});
		// the works regulator is not competent for the marketplace
		assertThat(of(REGULATOR, trade)).isEmpty();
	}
}
