package org.yiwang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.AdjustableClock;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.pki.TrustStore;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;
import org.yiwang.supervision.ActKind;
import org.yiwang.supervision.ActRequest;
import org.yiwang.supervision.ActView;
import org.yiwang.supervision.RegulatoryActions;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.AwardDesk;
import org.yiwang.tendering.AwardDossier;
import org.yiwang.tendering.BidsOpened;
import org.yiwang.tendering.OpenedBid;
import org.yiwang.tendering.SectionOrders;
import org.yiwang.tendering.SectionStatus;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDesk;
import org.yiwang.tendering.TenderDocuments;

/**
 * A regulator's re-evaluation order (责令重新评标) carried out end to end on the real database: a section evaluated and
 * its candidates publicized; the signed order withdraws the publicity with a public record, supersedes the reported
 * evaluation (kept readable) and opens attempt 2 — by a new committee drawn without any original member (实施条例
 * 第七十条/第七十一条), or by the original committee re-checking (重庆市招标投标条例 第四十四条); the new report is
 * publicized and the award follows it. Orders that make no sense are refused naming the field.
 */
@PlatformTest
@Import(AdjustableClock.Config.class)
class ReEvaluationTests {

	/** This class's own specialty and home district, so that the draw's pool holds only this test's experts. */
	static final String SPECIALTY = "C0103";

	static final String HOME = "500112";

	@Autowired
	EvaluationDesk desk;

	@Autowired
	EvaluationReports reports;

	@Autowired
	EvaluationCases cases;

	@Autowired
	ExpertDraws draws;

	@Autowired
	ExpertPool pool;

	@Autowired
	RegulatoryActions actions;

	@Autowired
	Reevaluations reevaluations;

	@Autowired
	SectionOrders orders;

	@Autowired
	TenderDesk tenders;

	@Autowired
	TenderDocuments documents;

	@Autowired
	AwardDesk awards;

	@Autowired
	EntityCertificates certificates;

	@Autowired
	EntityRegistry registry;

	@Autowired
	TrustStore trustStore;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AdjustableClock clock;

	@Autowired
	MockMvc mvc;

	@TempDir
	Path dir;

	ExpertFixture fixture;

	String run;

	TestActor regulator;

	String tendererUser;

	EntityView tenderer;

	SectionView section;

	List<OpenedBid> bids;

	@BeforeEach
	void a_section_opened_with_three_bids_and_a_regulator_with_a_certificate() {
		fixture = new ExpertFixture(dir, trustStore, pool);
		run = fixture.run;
		String reg = "reg." + run;
		fixture.certificate(reg, false);
		regulator = new TestActor(new Actor(reg, "REGULATOR", TestActor.YUZHONG), "住建监管" + run, Set.of(Role.REGULATOR),
				RegionScope.of(RegionCode.of(TestActor.YUZHONG)), Set.of(CategoryCode.of("ENG_BUILDING")));
		tendererUser = "tdr." + run;
		tenderer = ExpertFixture.approvedTenderer(registry, tendererUser);
		section = ExpertFixture.closedSection(tenders, documents, certificates, registry, jdbc, transactions, clock, run,
				tendererUser, tenderer);
		bids = List.of(bid("甲", 980000), bid("乙", 990000), bid("丙", 1000000));
		// as the opening leaves it: the bids stand, the section is opened and its bids go to evaluation
		platform(() -> {
			for (OpenedBid b : bids) {
				jdbc.sql("""
						insert into tendering.bids (id, section_id, region_code, trade_code, bidder_id, bidder_name,
						  bidder_credit_code, sha256, sm3, size, signer_fingerprint, received_at, submitted_by,
						  idempotency_key, status, statement, receipt, receipted_at)
						values (?, ?, '500103', ?, ?, ?, ?, ?, ?, 1000, 'fixture', ?, ?, ?, 'RECEIPTED', ?, ?, ?)""")
					.params(b.bidId(), section.id().value(), section.tradeCode().value(), b.bidder().value(),
							b.bidderName(), b.bidderCreditCode(), "a".repeat(64), "b".repeat(64),
							Timestamp.from(clock.instant().minusSeconds(60)), "fixture." + run, UUID.randomUUID().toString(),
							new byte[] { 1 }, new byte[] { 1 }, Timestamp.from(clock.instant()))
					.update();
			}
			return jdbc.sql("update tendering.sections set status = 'OPENED', opened_at = ? where id = ?")
				.params(Timestamp.from(clock.instant()), section.id().value()).update();
		});
		publish(new BidsOpened(Actor.SYSTEM, section.id(), section.tradeCode(), 1, section.region(), section.category(),
				tenderer.id(), Money.of("1000000.00"), bids, UUID.randomUUID(), clock.instant()));
	}

	// ---- kind (a): a new committee --------------------------------------------------------------------------------

	@Test
	void a_new_committee_drawn_without_the_original_members_evaluates_again_and_the_award_follows_attempt_two() {
		List<ExpertView> original = List.of(expert("o1"), expert("o2"), expert("o3"));
		UUID first = caseOf(1);
		seat(original);
		evaluate(first, usernames(original), bids.get(0));
		awaitStatus(SectionStatus.PUBLICIZING);
		assertThat(publicity().publicity().candidates().get(0).bidder()).isEqualTo(bids.get(0).bidder());

		ActView order = signed(ReEvaluationKind.NEW_COMMITTEE, "评标委员会成员与投标人甲存在利害关系，应当回避而未回避");
		assertThat(order.content()).contains("重新组建评标委员会", "NEW_COMMITTEE", "第七十条");
		// the round is back to evaluation, its publicity withdrawn (kept, marked) with a public record of the reasons
		assertThat(sectionStatus()).isEqualTo(SectionStatus.OPENED);
		assertThat(platform(() -> jdbc.sql("""
				select withdrawn_by from tendering.award_publicities where section_id = ? and round = 1 and attempt = 1""")
			.param(section.id().value()).query(UUID.class).single())).isEqualTo(order.id());
		awaitTrue(() -> jdbc.sql("""
				select count(*) from portal.records where trade_code = ? and record_type = 'AMENDMENT'
				  and title like '%撤回%' and body like '%应当回避而未回避%'""").param(section.tradeCode().value())
			.query(Long.class).single() == 1, "the withdrawal record on the portal");
		assertThatThrownBy(() -> TestActor.districtStaff(TestActor.YUZHONG).call(() -> awards.dossier(section.id())))
			.as("no publicity in force until attempt 2 is reported").isInstanceOf(Refusal.class);
		// the first attempt is history: superseded, its report still readable
		EvaluationCaseView old = regulator.call(() -> desk.caseView(first));
		assertThat(old.superseded()).isTrue();
		assertThat(old.attempt()).isEqualTo(1);
		assertThat(regulator.call(() -> reports.reportPdf(old.report().id()))).startsWith("%PDF".getBytes());
		UUID second = caseOf(2);
		assertThat(second).isNotEqualTo(first);

		// staff draw the new committee: the pool holds the three original members and three others
		List<ExpertView> fresh = List.of(expert("n1"), expert("n2"), expert("n3"));
		TestActor staff = TestActor.districtStaff(TestActor.YUZHONG);
		DrawView draw = staff.call(() -> draws.request(new DrawRequest(section.id().value(),
				clock.instant().plus(Duration.ofHours(2)), Map.of(SPECIALTY, 3), Set.of(HOME), Set.of())));
		assertThat(draw.specialties()).singleElement().satisfies(c -> assertThat(c.eligible())
			.as("only the three who never sat on this round may be drawn").isEqualTo(3));
		staff.run(() -> draws.draw(draw.id()));
		for (ExpertView e : fresh) {
			expertActor(e.username()).run(() -> draws.respond(draw.id(), true));
		}
		for (ExpertView e : original) {
			assertThat(expertActor(e.username()).call(() -> draws.myInvitations()))
				.noneMatch(i -> i.draw().equals(draw.id()));
		}
		awaitTrue(() -> cases.seats(section.id(), 1, 2).size() == 3, "the new committee seated");
		assertThat(platform(() -> cases.seats(section.id(), 1, 2))).extracting(EvaluationCases.Seat::username)
			.containsExactlyInAnyOrderElementsOf(usernames(fresh));
		// an original member is not let in again as the tenderer's representative either
		assertThatThrownBy(() -> TestActor.of(tendererUser, Role.TENDERER, TestActor.CITY, false).run(() -> desk
			.nameRepresentative(second, original.get(0).username(), "原评委", fixture.read(original.get(0).username()
					+ ".pem"))))
			.isInstanceOf(Refusal.class).hasFieldOrPropertyWithValue("field", "username")
			.hasFieldOrPropertyWithValue("messageKey", "evaluation.scoring.representative.excluded");

		// the new committee scores (乙 first this time) and reports attempt 2, which is publicized
		evaluate(second, usernames(fresh), bids.get(1));
		assertThatThrownBy(() -> expertActor(original.get(0).username()).call(() -> desk.caseView(second)))
			.hasFieldOrPropertyWithValue("messageKey", "evaluation.scoring.case.notFound");
		// the draw, now revealed, is recomputable: its committed pool never held an original member
		String verification = String.valueOf(draws.verification(draw.id()).get("pool"));
		original.forEach(e -> assertThat(verification).doesNotContain(e.id().toString()));
		fresh.forEach(e -> assertThat(verification).contains(e.id().toString()));
		awaitStatus(SectionStatus.PUBLICIZING);
		AwardDossier dossier = publicity();
		assertThat(dossier.publicity().attempt()).isEqualTo(2);
		assertThat(dossier.publicity().candidates().get(0).bidder()).isEqualTo(bids.get(1).bidder());

		// after the 3 days, the tenderer confirms the winner of attempt 2
		clock.advanceTo(dossier.publicity().publicityEnds().plusSeconds(1));
		TestActor.of(tendererUser, Role.TENDERER, TestActor.CITY, false)
			.run(() -> awards.confirmWinner(section.id(), bids.get(1).bidder(), null));
		assertThat(platform(() -> jdbc.sql("select attempt from tendering.awards where section_id = ?")
			.param(section.id().value()).query(Integer.class).single())).isEqualTo(2);
		// once a winner is named, a re-evaluation is no longer the remedy (第八十一条)
		assertThatThrownBy(() -> regulator.call(() -> actions.prepare(new ActRequest(ActKind.ORDER_RE_EVALUATION,
				section.id().toString(), null, null, "中标后再次申请重新评标", ReEvaluationKind.SAME_COMMITTEE))))
			.isInstanceOf(Refusal.class).hasFieldOrPropertyWithValue("field", "target")
			.hasFieldOrPropertyWithValue("messageKey", "supervision.act.reevaluationAwarded");
	}

	// ---- kind (b): the original committee re-checks; refusals ------------------------------------------------------

	@Test
	void the_original_committee_re_checks_and_orders_that_make_no_sense_are_refused_naming_the_field() throws Exception {
		List<ExpertView> committee = List.of(expert("s1"), expert("s2"), expert("s3"));
		UUID first = caseOf(1);
		seat(committee);
		ReEvaluationKind same = ReEvaluationKind.SAME_COMMITTEE;
		String why = "投诉成立：评标委员会对投标人乙的资格审查有误，评分汇总错误";
		// nothing to evaluate again before the report is signed
		assertPrepareRefused(regulator, same, why, "target", "evaluation.reevaluation.notReported");
		evaluate(first, usernames(committee), bids.get(0));
		awaitStatus(SectionStatus.PUBLICIZING);

		// no kind, no reason; another district's or industry's regulator; operator staff
		assertPrepareRefused(regulator, null, why, "reevaluation", "supervision.act.reevaluationKind");
		assertPrepareRefused(regulator, same, " ", "reason", "supervision.act.reason");
		TestActor wanzhou = new TestActor(new Actor("wz." + run, "REGULATOR", TestActor.WANZHOU), "万州监管",
				Set.of(Role.REGULATOR), RegionScope.of(RegionCode.of(TestActor.WANZHOU)),
				Set.of(CategoryCode.of("ENG_BUILDING")));
		TestActor water = new TestActor(new Actor("water." + run, "REGULATOR", TestActor.YUZHONG), "水利监管",
				Set.of(Role.REGULATOR), RegionScope.of(RegionCode.of(TestActor.YUZHONG)), Set.of(CategoryCode.of("ENG_WATER")));
		assertPrepareRefused(wanzhou, same, why, "target", "supervision.act.sectionUnknown");
		assertPrepareRefused(water, same, why, "target", "supervision.act.sectionUnknown");
		TestActor staff = TestActor.districtStaff(TestActor.YUZHONG);
		assertPrepareRefused(staff, same, why, null, "supervision.regulatorOnly");
		assertThatThrownBy(() -> staff.call(() -> reevaluations.reopen(section.id(), same, UUID.randomUUID())))
			.hasFieldOrPropertyWithValue("messageKey", "evaluation.reevaluation.regulatorOnly");
		assertThatThrownBy(() -> staff.call(() -> orders.reEvaluate(section.id(), why, UUID.randomUUID(), 1, 2, false)))
			.hasFieldOrPropertyWithValue("messageKey", "tendering.order.regulatorOnly");
		assertThatThrownBy(() -> wanzhou.call(() -> reevaluations.reopen(section.id(), same, UUID.randomUUID())))
			.hasFieldOrPropertyWithValue("messageKey", "evaluation.reevaluation.notReported");
		assertThat(sectionStatus()).isEqualTo(SectionStatus.PUBLICIZING);

		ActView order = signed(same, why);
		assertThat(order.content()).contains("原评标委员会重新评审", "第四十四条");
		assertThat(sectionStatus()).isEqualTo(SectionStatus.OPENED);
		UUID second = caseOf(2);
		// the same members have their seats again; nobody is drawn
		assertThat(platform(() -> cases.seats(section.id(), 1, 2))).extracting(EvaluationCases.Seat::username)
			.containsExactlyInAnyOrderElementsOf(usernames(committee));
		assertThatThrownBy(() -> staff.call(() -> draws.request(new DrawRequest(section.id().value(),
				clock.instant().plus(Duration.ofHours(2)), Map.of(SPECIALTY, 3), Set.of(HOME), Set.of()))))
			.hasFieldOrPropertyWithValue("messageKey", "evaluation.draw.sameCommittee");
		// the signed act is carried out once
		assertThatThrownBy(() -> regulator.call(() -> reevaluations.reopen(section.id(), same, order.id())))
			.isInstanceOf(Refusal.class);
		// the original committee re-checks: this time 丙 comes first
		evaluate(second, usernames(committee), bids.get(2));
		awaitStatus(SectionStatus.PUBLICIZING);
		AwardDossier dossier = publicity();
		assertThat(dossier.publicity().attempt()).isEqualTo(2);
		assertThat(dossier.publicity().candidates().get(0).bidder()).isEqualTo(bids.get(2).bidder());
		EvaluationCaseView again = regulator.call(() -> desk.caseView(second));
		assertThat(again.reevaluation()).isEqualTo(ReEvaluationKind.SAME_COMMITTEE);
		assertThat(again.superseded()).isFalse();
		assertThat(regulator.call(() -> desk.caseView(first)).superseded()).isTrue();
		// the pages say it: the superseded case, the attempt in the case list and on the award page, the order form
		RequestPostProcessor asRegulator = authentication(regulator.authentication());
		RequestPostProcessor asStaff = authentication(staff.authentication());
		mvc.perform(get("/evaluation/cases/" + first).with(asRegulator)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"case-superseded\"")))
			.andExpect(content().string(containsString("已被重新评标取代")));
		mvc.perform(get("/evaluation/cases/" + second).with(asRegulator)).andExpect(status().isOk())
			.andExpect(content().string(containsString("第 2 次评审")))
			.andExpect(content().string(containsString("原评标委员会重新评审")));
		mvc.perform(get("/evaluation/cases").with(asStaff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("已被取代")));
		mvc.perform(get("/tenders/sections/" + section.id() + "/award").with(asStaff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"publicity-attempt\"")));
		mvc.perform(get("/supervision/sections/" + section.id()).with(asRegulator)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"act-reevaluation\"")));
	}

	// ---- a suspension during the publicity (实施条例 第六十二条) ------------------------------------------------------

	@Test
	void a_suspension_during_the_publicity_stops_the_award_and_gives_the_publicity_back_the_time_it_stood_still() {
		List<ExpertView> committee = List.of(expert("p1"), expert("p2"), expert("p3"));
		UUID first = caseOf(1);
		seat(committee);
		evaluate(first, usernames(committee), bids.get(0));
		awaitStatus(SectionStatus.PUBLICIZING);
		java.time.Instant ends = publicity().publicity().publicityEnds();
		java.time.Instant suspendedAt = ends.minus(Duration.ofDays(1));
		clock.advanceTo(suspendedAt);
		ActView suspension = signedAct(ActKind.SUSPEND_SECTION, "投诉已受理：暂停定标，待投诉处理决定作出");
		assertThat(suspension.content()).contains("责令暂停");
		// a second suspension is refused while the first holds, naming the target
		assertThatThrownBy(() -> regulator.call(() -> actions.prepare(new ActRequest(ActKind.SUSPEND_SECTION,
				section.id().toString(), null, null, "再次暂停", null))))
			.isInstanceOf(Refusal.class).hasFieldOrPropertyWithValue("field", "target")
			.hasFieldOrPropertyWithValue("messageKey", "supervision.act.sectionState.SUSPEND_SECTION");
		// the publicity's end passes while suspended: no winner can be confirmed
		clock.advanceTo(ends.plus(Duration.ofDays(2)));
		TestActor party = TestActor.of(tendererUser, Role.TENDERER, TestActor.CITY, false);
		assertThatThrownBy(() -> party.run(() -> awards.confirmWinner(section.id(), bids.get(0).bidder(), null)))
			.isInstanceOf(Refusal.class).hasFieldOrPropertyWithValue("messageKey", "tendering.award.suspended");
		// resumed: the day the publicity still had is given back from the resumption
		signedAct(ActKind.RESUME_SECTION, "投诉处理完毕，恢复招标投标活动");
		java.time.Instant newEnd = publicity().publicity().publicityEnds();
		Map<String, Object> held = platform(() -> jdbc.sql("""
				select phase, suspended_at, resumed_at, deadline_before, deadline_after from tendering.suspensions
				where section_id = ? and resumed_at is not null""").param(section.id().value()).query().singleRow());
		assertThat(held.get("phase")).isEqualTo("PUBLICITY");
		java.time.Instant from = ((Timestamp) held.get("suspended_at")).toInstant();
		java.time.Instant to = ((Timestamp) held.get("resumed_at")).toInstant();
		assertThat(Duration.between(suspendedAt, from)).isLessThan(Duration.ofMinutes(1));
		assertThat(newEnd).isEqualTo(ends.plus(Duration.between(from, to)))
			.isEqualTo(((Timestamp) held.get("deadline_after")).toInstant());
		assertThat(((Timestamp) held.get("deadline_before")).toInstant()).isEqualTo(ends);
		assertThatThrownBy(() -> party.run(() -> awards.confirmWinner(section.id(), bids.get(0).bidder(), null)))
			.isInstanceOf(Refusal.class).hasFieldOrPropertyWithValue("messageKey", "tendering.award.publicityRunning");
		clock.advanceTo(newEnd.plusSeconds(1));
		party.run(() -> awards.confirmWinner(section.id(), bids.get(0).bidder(), null));
		assertThat(sectionStatus()).isEqualTo(SectionStatus.AWARDED);
		// an awarded section is no longer suspendable
		assertThatThrownBy(() -> regulator.call(() -> actions.prepare(new ActRequest(ActKind.SUSPEND_SECTION,
				section.id().toString(), null, null, "定标后暂停", null))))
			.isInstanceOf(Refusal.class).hasFieldOrPropertyWithValue("field", "target");
	}

	// ---- helpers ---------------------------------------------------------------------------------------------------

	private void assertPrepareRefused(TestActor actor, ReEvaluationKind kind, String reason, String field, String key) {
		assertThatThrownBy(() -> actor.call(() -> actions.prepare(new ActRequest(ActKind.ORDER_RE_EVALUATION,
				section.id().toString(), null, null, reason, kind))))
			.isInstanceOf(Refusal.class).hasFieldOrPropertyWithValue("field", field)
			.hasFieldOrPropertyWithValue("messageKey", key);
	}

	private ActView signedAct(ActKind kind, String reason) {
		ActView prepared = regulator.call(() -> actions.prepare(new ActRequest(kind, section.id().toString(), null, null,
				reason, null)));
		String key = regulator.actor().username();
		return regulator.call(() -> actions.sign(prepared.id(),
				fixture.sign(key, prepared.content().getBytes(StandardCharsets.UTF_8)), fixture.read(key + ".pem"), null));
	}

	private ActView signed(ReEvaluationKind kind, String reason) {
		ActView prepared = regulator.call(() -> actions.prepare(new ActRequest(ActKind.ORDER_RE_EVALUATION,
				section.id().toString(), null, null, reason, kind)));
		String key = regulator.actor().username();
		return regulator.call(() -> actions.sign(prepared.id(),
				fixture.sign(key, prepared.content().getBytes(StandardCharsets.UTF_8)), fixture.read(key + ".pem"), null));
	}

	/** The whole evaluation of a case by its members, all bids passing, {@code favoured} scored highest. */
	private void evaluate(UUID id, List<String> members, OpenedBid favoured) {
		TestActor.districtStaff(TestActor.YUZHONG).run(() -> {
			desk.schedule(id, clock.instant());
			desk.begin(id);
		});
		for (String m : members) {
			expertActor(m).run(() -> desk.voteLeader(id, members.get(0)));
		}
		for (String stage : List.of("QUALIFICATION", "RESPONSIVENESS")) {
			for (String m : members) {
				for (OpenedBid b : bids) {
					expertActor(m).run(() -> desk.review(id, stage, b.bidId(), true, null));
				}
			}
		}
		for (String m : members) {
			for (OpenedBid b : bids) {
				expertActor(m).run(() -> desk.score(id, b.bidId(), b == favoured ? points("20", "10", "10", "10", "10", "10")
						: points("8", "4", "4", "4", "4", "4")));
			}
			byte[] sheet = expertActor(m).call(() -> desk.scoreSheet(id));
			expertActor(m).run(() -> desk.signScoreSheet(id, fixture.sign(m, sheet), fixture.read(m + ".pem"), null));
		}
		UUID report = expertActor(members.get(0)).call(() -> reports.draftReport(id));
		byte[] pdf = expertActor(members.get(0)).call(() -> reports.reportPdf(report));
		for (String m : members) {
			expertActor(m).run(() -> reports.signReport(id, fixture.sign(m, pdf), fixture.read(m + ".pem"), null));
		}
	}

	private static Map<String, String> points(String... values) {
		List<String> items = List.of("CONSTRUCTION_PLAN", "QUALITY", "SAFETY", "SCHEDULE", "TRACK_RECORD", "PROJECT_MANAGER");
		Map<String, String> points = new LinkedHashMap<>();
		for (int i = 0; i < items.size(); i++) {
			points.put(items.get(i), values[i]);
		}
		return points;
	}

	/** The committee of attempt 1, seated as the draw would seat it. */
	private void seat(List<ExpertView> experts) {
		List<CommitteeDrawn.Seat> seats = new ArrayList<>();
		for (ExpertView e : experts) {
			seats.add(new CommitteeDrawn.Seat(e.id(), e.username(), e.name(), SPECIALTY, e.certificateFingerprint()));
		}
		publish(new CommitteeDrawn(Actor.SYSTEM, UUID.randomUUID(), section.id(), 1, section.region(), seats,
				clock.instant()));
		awaitTrue(() -> cases.seats(section.id(), 1, 1).size() == experts.size(), "the committee seated");
	}

	private ExpertView expert(String prefix) {
		String username = prefix + "." + run;
		return fixture.expert(username, "专家" + username, HOME, Set.of(SPECIALTY), null);
	}

	private static List<String> usernames(List<ExpertView> experts) {
		return experts.stream().map(ExpertView::username).toList();
	}

	private static TestActor expertActor(String username) {
		return TestActor.of(username, Role.EXPERT, TestActor.CITY, false);
	}

	private OpenedBid bid(String name, int yuan) {
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, name + "建设公司" + run,
				TestActor.creditCode("500103"), null, "张三", "李四", "023-12345678", "contact@example.cn", "重庆市渝中区", "150",
				TestActor.YUZHONG, Set.of(EntityRole.BIDDER), "b" + yuan + "." + run, ExpertFixture.PASSWORD));
		EntityView bidder = TestActor.cityStaff().call(() -> registry.approve(registered.id(), registered.version()));
		return new OpenedBid(UUID.randomUUID(), bidder.id(), bidder.name(), bidder.creditCode(),
				Money.of(new BigDecimal(yuan)), 365,
				"合格", List.of(), OpenedBid.Decryption.BY_BIDDER);
	}

	/** The case of attempt {@code n} of round 1, once it exists. */
	private UUID caseOf(int attempt) {
		awaitTrue(() -> cases.bySection(section.id(), 1).filter(c -> c.attempt() == attempt).isPresent(),
				"attempt " + attempt + "'s case");
		return platform(() -> cases.bySection(section.id(), 1).orElseThrow().id());
	}

	private AwardDossier publicity() {
		return TestActor.districtStaff(TestActor.YUZHONG).call(() -> awards.dossier(section.id()));
	}

	private SectionStatus sectionStatus() {
		return TestActor.districtStaff(TestActor.YUZHONG).call(() -> tenders.dossier(section.id())).section().status();
	}

	private void awaitStatus(SectionStatus wanted) {
		awaitTrue(() -> sectionStatus() == wanted, "the section " + wanted);
	}

	private void awaitTrue(Supplier<Boolean> condition, String what) {
		Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
			.until(() -> platform(condition::get));
	}

	private void publish(Object event) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> events.publishEvent(event)));
	}

	private <T> T platform(Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> work.get()));
	}
}
