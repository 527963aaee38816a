package org.yiwang.supervision.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.evaluation.CommitteePoints;
import org.yiwang.guarantee.GuaranteeChanged;
import org.yiwang.guarantee.ReleaseReason;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.AwardChanged;
import org.yiwang.tendering.BidsOpened;
import org.yiwang.tendering.EvaluationReported;
import org.yiwang.tendering.NoticePublished;
import org.yiwang.tendering.NoticeType;
import org.yiwang.tendering.OpenedBid;
import org.yiwang.tendering.SectionId;

/**
 * The rules that follow a transaction over several events, each shown to raise its alert with the evidence on the
 * facts that break the rule and to stay silent on facts just inside it: short bidding period, repeated failure,
 * rotating winners, price change after award, late deposit refunds, an expert's outlying points.
 */
@PlatformTest
class TransactionRulesTests {

	@Autowired
	TransactionRules rules;

	@Autowired
	RefundRules refunds;

	@Autowired
	ExpertRules experts;

	@Autowired
	Alerts alerts;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

	static final RegionCode YUZHONG = RegionCode.of(TestActor.YUZHONG);

	static final CategoryCode BUILDING = CategoryCode.of("ENG_BUILDING");

	int trades;

	String trade() {
		return "CQ-500103-2026-TR" + run + (++trades);
	}

	void platform(Runnable work) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> work.run()));
	}

	List<AlertView> raised(String trade, String rule) {
		return TestActor.regulator().call(() -> alerts.visible()).stream()
			.filter(a -> a.tradeCode().equals(trade) && a.rule().equals(rule)).toList();
	}

	NoticePublished notice(String trade, NoticeType type, Instant published, Instant deadline) {
		return new NoticePublished(Actor.SYSTEM, UUID.randomUUID(), type, TradeCode.of(trade), "规则测试项目" + run, "一标段",
				YUZHONG, BUILDING, "公告" + run, "正文", Money.of("1000000.00"), null, "招标人" + run, null, null, deadline,
				"signed", "signature", published);
	}

	@Test
	void aTenderNoticeWithLessThanTwentyDaysToTheDeadlineRaisesShortPeriod() {
		Instant now = clock.instant();
		String shortOne = trade();
		platform(() -> rules.noticed(notice(shortOne, NoticeType.TENDER, now, now.plus(Duration.ofDays(12)))));
		AlertView alert = raised(shortOne, "SHORT_PERIOD").get(0);
		assertThat(alert.evidence()).contains("少于法定 20 日").contains("bidding period 1").contains("第二十四条");
		assertThat(alert.subject()).contains("规则测试项目" + run);

		String longEnough = trade();
		platform(() -> rules.noticed(notice(longEnough, NoticeType.TENDER, now, now.plus(Duration.ofDays(21)))));
		assertThat(raised(longEnough, "SHORT_PERIOD")).isEmpty();
	}

	@Test
	void aSecondFailureOfTheSameProjectRaisesRepeatedFailureButTheFirstDoesNot() {
		Instant now = clock.instant();
		String trade = trade();
		platform(() -> rules.noticed(notice(trade, NoticeType.FAILED, now, null)));
		assertThat(raised(trade, "REPEATED_FAILURE")).isEmpty();
		platform(() -> rules.noticed(notice(trade, NoticeType.FAILED, now.plus(Duration.ofDays(30)), null)));
		assertThat(raised(trade, "REPEATED_FAILURE")).singleElement()
			.satisfies(a -> assertThat(a.evidence()).contains("流标 2 次").contains(trade));
	}

	/** Opens a section round with these bidders and confirms the winner at this price. */
	SectionId award(String trade, List<EntityId> bidders, EntityId winner, String price) {
		SectionId section = new SectionId(UUID.randomUUID());
		List<OpenedBid> bids = IntStream.range(0, bidders.size())
			.mapToObj(i -> new OpenedBid(UUID.randomUUID(), bidders.get(i), "轮换" + i + "号" + run, null,
					Money.of("1000000.00"), 300, "合格", List.of(), OpenedBid.Decryption.BY_BIDDER))
			.toList();
		platform(() -> rules.opened(new BidsOpened(Actor.SYSTEM, section, TradeCode.of(trade), 1, YUZHONG, BUILDING,
				EntityId.random(), Money.of("1200000.00"), bids, UUID.randomUUID(), clock.instant())));
		platform(() -> rules.awarded(new AwardChanged.WinnerConfirmed(Actor.SYSTEM, section, 1, TradeCode.of(trade), winner,
				1, Money.of(price), null, "0".repeat(64), false, YUZHONG, clock.instant())));
		return section;
	}

	@Test
	void theSameThreeBiddersWinningInTurnRaiseRotatingWinners() {
		List<EntityId> group = List.of(EntityId.random(), EntityId.random(), EntityId.random());
		String first = trade();
		String second = trade();
		String third = trade();
		award(first, group, group.get(0), "1000000.00");
		award(second, List.of(group.get(2), group.get(1), group.get(0)), group.get(1), "1000000.00");
		assertThat(raised(second, "ROTATING_WINNERS")).isEmpty();
		award(third, group, group.get(2), "1000000.00");
		assertThat(raised(third, "ROTATING_WINNERS")).singleElement().satisfies(a -> assertThat(a.evidence())
			.contains("bid together 3 times").contains(first + " → 轮换0号" + run).contains(third + " → 轮换2号" + run));

		// the same winner every time is no rotation (another rule's business: few bids, high risk)
		List<EntityId> other = List.of(EntityId.random(), EntityId.random(), EntityId.random());
		String last = null;
		for (int i = 0; i < 3; i++) {
			last = trade();
			award(last, other, other.get(0), "1000000.00");
		}
		assertThat(raised(last, "ROTATING_WINNERS")).isEmpty();
	}

	@Test
	void aContractAmountOtherThanTheAwardedPriceRaisesPriceChanged() {
		EntityId winner = EntityId.random();
		String changed = trade();
		SectionId section = award(changed, List.of(winner, EntityId.random()), winner, "1000000.00");
		platform(() -> rules.contracted(new AwardChanged.ContractConcluded(Actor.SYSTEM, section, TradeCode.of(changed),
				winner, Money.of("1080000.00"), LocalDate.of(2026, 12, 1), false, false, YUZHONG, clock.instant())));
		assertThat(raised(changed, "PRICE_CHANGED")).singleElement().satisfies(a -> assertThat(a.evidence())
			.contains("awarded price: 1000000.00").contains("contract amount: 1080000.00").contains("80000.00 (8.00%)"));

		String same = trade();
		SectionId kept = award(same, List.of(winner, EntityId.random()), winner, "1000000.00");
		platform(() -> rules.contracted(new AwardChanged.ContractConcluded(Actor.SYSTEM, kept, TradeCode.of(same), winner,
				Money.of("1000000"), LocalDate.of(2026, 12, 1), false, false, YUZHONG, clock.instant())));
		assertThat(raised(same, "PRICE_CHANGED")).isEmpty();
	}

	GuaranteeChanged.RefundInstructed refund(String trade, LocalDate due) {
		return new GuaranteeChanged.RefundInstructed(Actor.SYSTEM, UUID.randomUUID(), "6222" + run, TradeCode.of(trade),
				Money.of("20000.00"), Money.of("10.00"), due, ReleaseReason.CONTRACT_SIGNED, YUZHONG, clock.instant());
	}

	@Test
	void aRefundAfterItsDueDayOrNotMadeByThenRaisesLateRefundAndOneInTimeDoesNot() {
		LocalDate today = clock.instant().atZone(TransactionRules.CHINA).toLocalDate();
		String late = trade();
		award(late, List.of(EntityId.random()), EntityId.random(), "1.00");
		GuaranteeChanged.RefundInstructed lateRefund = refund(late, today.minusDays(2));
		platform(() -> refunds.instructed(lateRefund));
		platform(() -> refunds.executed(new GuaranteeChanged.RefundExecuted(Actor.SYSTEM, lateRefund.refund(), "6222" + run,
				"BANK-" + run, Money.of("20010.00"), YUZHONG, clock.instant())));
		assertThat(raised(late, "LATE_REFUND")).singleElement()
			.satisfies(a -> assertThat(a.evidence()).contains("due on: " + today.minusDays(2)).contains("refunded on: " + today));

		String inTime = trade();
		award(inTime, List.of(EntityId.random()), EntityId.random(), "1.00");
		GuaranteeChanged.RefundInstructed onTime = refund(inTime, today);
		platform(() -> refunds.instructed(onTime));
		platform(() -> refunds.executed(new GuaranteeChanged.RefundExecuted(Actor.SYSTEM, onTime.refund(), "6222" + run,
				"BANK2-" + run, Money.of("20010.00"), YUZHONG, clock.instant())));
		refunds.flagOverdue();
		assertThat(raised(inTime, "LATE_REFUND")).isEmpty();

		String unpaid = trade();
		award(unpaid, List.of(EntityId.random()), EntityId.random(), "1.00");
		platform(() -> refunds.instructed(refund(unpaid, today.minusDays(1))));
		refunds.flagOverdue();
		refunds.flagOverdue();
		assertThat(raised(unpaid, "LATE_REFUND")).singleElement()
			.satisfies(a -> assertThat(a.evidence()).contains("not refunded yet"));
	}

	@Test
	void anExpertFarFromTheOtherMembersRaisesExpertOutlierAndACloseCommitteeDoesNot() {
		UUID bid = UUID.randomUUID();
		CommitteePoints far = new CommitteePoints(UUID.randomUUID(), new BigDecimal("60"), List.of(
				new CommitteePoints.Given("e1", "专家甲", bid, "甲公司", new BigDecimal("50")),
				new CommitteePoints.Given("e2", "专家乙", bid, "甲公司", new BigDecimal("48")),
				new CommitteePoints.Given("e3", "专家丙", bid, "甲公司", new BigDecimal("30"))));
		CommitteePoints close = new CommitteePoints(UUID.randomUUID(), new BigDecimal("60"), List.of(
				new CommitteePoints.Given("e1", "专家甲", bid, "甲公司", new BigDecimal("50")),
				new CommitteePoints.Given("e2", "专家乙", bid, "甲公司", new BigDecimal("48")),
				new CommitteePoints.Given("e3", "专家丙", bid, "甲公司", new BigDecimal("39"))));

		String outlying = trade();
		SectionId section = award(outlying, List.of(EntityId.random()), EntityId.random(), "1.00");
		platform(() -> experts.evaluate(reported(section), far));
		assertThat(raised(outlying, "EXPERT_OUTLIER")).singleElement().satisfies(a -> assertThat(a.evidence())
			.contains("专家丙 → 甲公司: 30，其他成员均值 others' mean 49.00，偏离 deviation -19.00").doesNotContain("专家甲 →"));

		String fine = trade();
		SectionId other = award(fine, List.of(EntityId.random()), EntityId.random(), "1.00");
		platform(() -> experts.evaluate(reported(other), close));
		assertThat(raised(fine, "EXPERT_OUTLIER")).isEmpty();
	}

	EvaluationReported reported(SectionId section) {
		return new EvaluationReported(Actor.SYSTEM, section, 1, YUZHONG, UUID.randomUUID(), "WEIGHTED_SCORING", List.of(),
				"0".repeat(64), "/x", clock.instant());
	}

	/** A procurement notice of this method published at {@code published}, its responses due at {@code deadline}. */
	org.yiwang.procurement.ProcurementNoticePublished procurementNotice(String trade,
			org.yiwang.procurement.ProcurementMethod method, Instant published, Instant deadline) {
		return new org.yiwang.procurement.ProcurementNoticePublished(Actor.SYSTEM, UUID.randomUUID(), TradeCode.of(trade),
				YUZHONG, CategoryCode.of("GOV_GOODS"), method, "采购公告" + run, "采购需求", Money.of("300000.00"),
				"采购人" + run, null, List.of(), deadline, "signed", "signature", published);
	}

	List<AlertView> raisedForGoods(String trade) {
		TestActor goods = new TestActor(new Actor("goods.regulator", "REGULATOR", TestActor.CITY), "goods.regulator",
				java.util.Set.of(org.yiwang.kernel.Role.REGULATOR), org.yiwang.kernel.RegionScope.wholeCity(),
				java.util.Set.of(CategoryCode.of("GOV_GOODS")));
		return goods.call(() -> alerts.visible()).stream()
			.filter(a -> a.tradeCode().equals(trade) && a.rule().equals("SHORT_PERIOD")).toList();
	}

	@Test
	void procurementMethodsAreHeldToTheirOwnMinimumsInCalendarOrWorkingDays() {
		org.yiwang.catalog.WorkingDaySchedule weekdays = org.yiwang.catalog.WorkingDaySchedule.withoutHolidays();
		// 竞争性磋商: 10 calendar days; 9 is short, 10 is not
		Instant monday = LocalDate.of(2026, 6, 1).atTime(10, 0).atZone(TransactionRules.CHINA).toInstant();
		String consultation = trade();
		platform(() -> rules.procurementNoticed(procurementNotice(consultation,
				org.yiwang.procurement.ProcurementMethod.COMPETITIVE_CONSULTATION, monday, monday.plus(Duration.ofDays(9))),
				weekdays));
		assertThat(raisedForGoods(consultation)).singleElement().satisfies(a -> assertThat(a.evidence())
			.contains("竞争性磋商").contains("期限 9 日，少于该采购方式的最低 10 日").contains("period 9 days"));
		String consultationOk = trade();
		platform(() -> rules.procurementNoticed(procurementNotice(consultationOk,
				org.yiwang.procurement.ProcurementMethod.COMPETITIVE_CONSULTATION, monday, monday.plus(Duration.ofDays(10))),
				weekdays));
		assertThat(raisedForGoods(consultationOk)).isEmpty();
		// 单一来源 publicity: 5 working days; Monday to Friday counts 4 (Tue–Fri), to the next Monday 5
		String single = trade();
		platform(() -> rules.procurementNoticed(procurementNotice(single,
				org.yiwang.procurement.ProcurementMethod.SINGLE_SOURCE, monday, monday.plus(Duration.ofDays(4))), weekdays));
		assertThat(raisedForGoods(single)).singleElement().satisfies(a -> assertThat(a.evidence())
			.contains("单一来源").contains("期限 4 个工作日，少于该采购方式的最低 5 个工作日").contains("4 working days"));
		String singleOk = trade();
		platform(() -> rules.procurementNoticed(procurementNotice(singleOk,
				org.yiwang.procurement.ProcurementMethod.SINGLE_SOURCE, monday, monday.plus(Duration.ofDays(7))), weekdays));
		assertThat(raisedForGoods(singleOk)).isEmpty();
	}
}
