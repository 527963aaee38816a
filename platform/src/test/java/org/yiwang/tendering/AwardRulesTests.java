package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yiwang.catalog.ProcedureFamily;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * The award's clock rules as pure functions of the records: objections only while the publicity runs (3 days), the
 * winner only after it with every objection answered, an answer late exactly after its 3 days, the contract overdue
 * exactly after 30 days until concluded.
 */
class AwardRulesTests {

	private static final Instant START = Instant.parse("2026-11-27T02:00:00Z");

	private static final long DAY = Duration.ofDays(1).toSeconds();

	private static final EntityId TENDERER = EntityId.random();

	private static final EntityId BIDDER = EntityId.random();

	@Property(tries = 400)
	void objections_are_taken_exactly_while_the_publicity_runs(
			@ForAll @LongRange(min = -5 * 86_400, max = 10 * 86_400) long secondsAfterStart) {
		Instant now = START.plusSeconds(secondsAfterStart);
		AwardDossier bidder = dossier(SectionStatus.PUBLICIZING, "BIDDER", BIDDER, List.of(), null, null, now);
		boolean within = secondsAfterStart >= 0 && secondsAfterStart < 3 * DAY;
		assertThat(bidder.canObject()).isEqualTo(within);
		assertThat(bidder.publicity().publicityEnds()).isEqualTo(START.plus(Duration.ofDays(3)));
		assertThat(dossier(SectionStatus.AWARDED, "BIDDER", BIDDER, List.of(), null, null, now).canObject())
			.as("never once awarded").isFalse();
		assertThat(dossier(SectionStatus.PUBLICIZING, "PARTY", TENDERER, List.of(), null, null, now).canObject())
			.as("the tenderer's side does not object").isFalse();
	}

	@Property(tries = 400)
	void the_winner_is_confirmed_only_after_the_publicity_with_every_objection_answered(
			@ForAll @LongRange(min = 0, max = 10 * 86_400) long secondsAfterStart,
			@ForAll @Size(max = 4) List<Boolean> answered, @ForAll @IntRange(min = 0, max = 2) int viewer) {
		Instant now = START.plusSeconds(secondsAfterStart);
		List<AwardChallengeView> objections = answered.stream().map(a -> objection(START.plusSeconds(60), a)).toList();
		String who = List.of("READER", "PARTY", "BIDDER").get(viewer);
		AwardDossier d = dossier(SectionStatus.PUBLICIZING, who, who.equals("READER") ? null : TENDERER, objections, null,
				null, now);
		boolean allowed = who.equals("PARTY") && secondsAfterStart >= 3 * DAY && !answered.contains(false);
		assertThat(d.canConfirm()).isEqualTo(allowed);
		assertThat(dossier(SectionStatus.AWARDED, who, TENDERER, objections, null, null, now).canConfirm())
			.as("never twice").isFalse();
	}

	@Property(tries = 400)
	void an_objection_is_answered_late_exactly_after_its_three_days(
			@ForAll @LongRange(min = 0, max = 8 * 86_400) long answeredAfter,
			@ForAll @LongRange(min = 0, max = 8 * 86_400) long lookedAfter) {
		Instant raised = START.plusSeconds(3600);
		AwardChallengeView open = new AwardChallengeView(UUID.randomUUID(), null, "OBJECTION", BIDDER, "投标人", "异议",
				raised, raised.plus(Duration.ofDays(3)), null, null);
		assertThat(open.lateAt(raised.plusSeconds(lookedAfter))).isEqualTo(lookedAfter > 3 * DAY);
		AwardChallengeView answer = new AwardChallengeView(open.id(), null, "OBJECTION", BIDDER, "投标人", "异议", raised,
				open.answerDue(), "答复", raised.plusSeconds(answeredAfter));
		assertThat(answer.lateAt(raised.plusSeconds(lookedAfter))).isEqualTo(answeredAfter > 3 * DAY);
	}

	@Property(tries = 400)
	void the_contract_is_overdue_exactly_after_thirty_days_until_it_is_concluded(
			@ForAll @LongRange(min = 0, max = 60 * 86_400) long secondsAfterAward, @ForAll boolean concluded) {
		Instant awarded = START.plus(Duration.ofDays(3));
		AwardView award = new AwardView(null, 1, BIDDER, "中标人", null, 1, Money.of("1.00"), null, "tdr", awarded,
				UUID.randomUUID(), "0".repeat(64), awarded.plus(Duration.ofDays(30)));
		Instant now = awarded.plusSeconds(secondsAfterAward);
		ContractView contract = new ContractView(null, 1, "合同.pdf", 10, "0".repeat(64), "0".repeat(64), Money.of("1.00"),
				"tdr", awarded, "CN=T", awarded, "CN=W", concluded ? now : null, concluded ? now : null,
				concluded ? secondsAfterAward > 30 * DAY : null, null);
		AwardDossier d = dossier(SectionStatus.AWARDED, "READER", null, List.of(), award, contract, now);
		assertThat(d.contractOverdue()).isEqualTo(!concluded && secondsAfterAward > 30 * DAY);
	}

	private static AwardChallengeView objection(Instant raised, boolean answered) {
		return new AwardChallengeView(UUID.randomUUID(), null, "OBJECTION", BIDDER, "投标人", "异议", raised,
				raised.plus(Duration.ofDays(3)), answered ? "答复" : null, answered ? raised.plusSeconds(60) : null);
	}

	private static AwardDossier dossier(SectionStatus status, String viewer, EntityId me,
			List<AwardChallengeView> objections, AwardView award, ContractView contract, Instant now) {
		SectionId id = new SectionId(UUID.randomUUID());
		SectionView section = new SectionView(id, UUID.randomUUID(), "项目", "招标项目", TradeCode.of("CQ-500103-2026-000001"),
				"一标段", RegionCode.of("500103"), CategoryCode.of("ENG_BUILDING"), ProcedureFamily.TENDER, "OPEN_TENDER", 1, Money.of("100.00"),
				Money.ZERO, 60, List.of(), status, null, TENDERER, "招标人", null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, "tdr", START, 1);
		AwardPublicityView publicity = new AwardPublicityView(id, 1, UUID.randomUUID(), "WEIGHTED_SCORING", "0".repeat(64),
				null, START, START, START.plus(Duration.ofDays(3)), false, UUID.randomUUID(), NoticeType.CANDIDATES,
				List.of(new CandidateView(1, BIDDER, "投标人", null, Money.of("1.00"), null)));
		return new AwardDossier(section, publicity, objections, List.of(), award, contract, viewer, me,
				TENDERER.equals(me), null, now);
	}
}
