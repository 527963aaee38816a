package org.yiwang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.audit.AuditEntry;
import org.yiwang.audit.AuditLog;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.kernel.TradeCode;
import org.yiwang.pki.TrustStore;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.BidsOpened;
import org.yiwang.tendering.OpenedBid;
import org.yiwang.tendering.SectionId;

/**
 * From the opening's {@link BidsOpened} and the draw's {@link CommitteeDrawn} to the signed report and
 * {@link org.yiwang.tendering.EvaluationReported}, through the pages and the API as each party would, on the real
 * database, with signatures made by OpenSSL; and the bad input of every step.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationDeskTests {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final String PASSWORD = "Evaluation@2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	EvaluationDesk desk;

	@Autowired
	ExpertPool pool;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TrustStore trustStore;

	@Autowired
	EntityRegistry registry;

	@Autowired
	AuditLog auditLog;

	@Autowired
	org.yiwang.supervision.alert.Alerts alerts;

	@Autowired
	Clock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	CommitteeKeys keys;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	void trustTheTestCa(@TempDir Path dir) {
		keys = CommitteeKeys.trusted(dir, trustStore);
	}

	// ---- the whole evaluation ------------------------------------------------------------------------------------

	@Test
	void from_opened_bids_and_a_drawn_committee_to_the_signed_report_and_evaluation_reported() throws Exception {
		EntityView tenderer = approved("tnd", EntityRole.TENDERER);
		EntityView alpha = approved("alpha", EntityRole.BIDDER);
		EntityView beta = approved("beta", EntityRole.BIDDER);
		SectionId section = new SectionId(UUID.randomUUID());
		OpenedBid a = bid(alpha, "1000000.00", OpenedBid.Decryption.BY_BIDDER);
		OpenedBid b = bid(beta, "980000.00", OpenedBid.Decryption.BY_CUSTODIANS);
		OpenedBid c = bid(new EntityId(UUID.randomUUID()), "丙公司" + run, "1050000.00", OpenedBid.Decryption.BY_BIDDER);
		OpenedBid d = bid(new EntityId(UUID.randomUUID()), "丁公司" + run, null, OpenedBid.Decryption.FAILED);
		UUID id = open(section, tenderer.id(), List.of(a, b, c, d));
		List<String> experts = List.of("e1." + run, "e2." + run, "e3." + run);
		draw(section, experts);
		String e1 = experts.get(0), e2 = experts.get(1), e3 = experts.get(2);
		String rep = "rep." + run;

		// sealed: the experts see nothing, staff see how many seats but no names
		mvc.perform(get("/evaluation/cases/" + id).with(expert(e1))).andExpect(status().isNotFound());
		mvc.perform(get("/evaluation/cases").with(expert(e1))).andExpect(content().string(Matchers.not(
				Matchers.containsString(id.toString()))));
		mvc.perform(get("/evaluation/cases/" + id).with(staff(TestActor.YUZHONG))).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("名单在评标开始前保密")))
			.andExpect(content().string(Matchers.not(Matchers.containsString(e1))));
		mvc.perform(get("/evaluation/cases/" + id).with(staff(TestActor.WANZHOU))).andExpect(status().isNotFound());
		mvc.perform(post("/evaluation/cases/" + id + "/begin").with(csrf()).with(staff(TestActor.WANZHOU)))
			.andExpect(status().isNotFound());

		// the tenderer names its representative (the works table allows one)
		RequestPostProcessor tendererMember = member("tnd", Role.TENDERER);
		mvc.perform(multipart("/evaluation/cases/" + id + "/representative").param("username", rep).param("name", "招标人代表")
			.with(csrf()).with(tendererMember)).andExpect(flash().attribute("refused", "evaluation.scoring.representative.certificate"));
		mvc.perform(multipart("/evaluation/cases/" + id + "/representative")
			.file(new MockMultipartFile("certificate", "rep.pem", "application/x-pem-file", keys.issue(rep)))
			.param("username", rep).param("name", "招标人代表").with(csrf()).with(tendererMember))
			.andExpect(flash().attribute("saved", "evaluation.scoring.saved.representative"));
		mvc.perform(multipart("/evaluation/cases/" + id + "/representative")
			.file(new MockMultipartFile("certificate", "rep.pem", "application/x-pem-file", keys.certificate(rep)))
			.param("username", "rep2." + run).param("name", "第二代表").with(csrf()).with(tendererMember))
			.andExpect(flash().attribute("refused", "evaluation.scoring.representative.already"));

		// staff schedule and begin; not before the scheduled time, and only once
		mvc.perform(post("/evaluation/cases/" + id + "/begin").with(csrf()).with(staff(TestActor.YUZHONG)))
			.andExpect(flash().attribute("refused", "evaluation.scoring.begin.notScheduled"));
		mvc.perform(post("/evaluation/cases/" + id + "/schedule").with(csrf()).with(staff(TestActor.YUZHONG))
			.param("scheduledAt", LocalDateTime.now(clock.withZone(CHINA)).minusDays(1).toString()))
			.andExpect(flash().attribute("refused", "evaluation.scoring.schedule.past"));
		mvc.perform(post("/evaluation/cases/" + id + "/schedule").with(csrf()).with(staff(TestActor.YUZHONG))
			.param("scheduledAt", LocalDateTime.now(clock.withZone(CHINA)).plusHours(2).truncatedTo(ChronoUnit.MINUTES).toString()))
			.andExpect(flash().attribute("saved", "evaluation.scoring.saved.scheduled"));
		mvc.perform(post("/evaluation/cases/" + id + "/begin").with(csrf()).with(staff(TestActor.YUZHONG)))
			.andExpect(flash().attribute("refused", "evaluation.scoring.begin.tooEarly"));
		mvc.perform(post("/evaluation/cases/" + id + "/schedule").with(csrf()).with(staff(TestActor.YUZHONG))
			.param("scheduledAt", LocalDateTime.now(clock.withZone(CHINA)).truncatedTo(ChronoUnit.MINUTES).toString()))
			.andExpect(flash().attribute("saved", "evaluation.scoring.saved.scheduled"));
		mvc.perform(post("/evaluation/cases/" + id + "/begin").with(csrf()).with(staff(TestActor.YUZHONG)))
			.andExpect(flash().attribute("saved", "evaluation.scoring.saved.begun"));
		mvc.perform(post("/evaluation/cases/" + id + "/begin").with(csrf()).with(staff(TestActor.YUZHONG)))
			.andExpect(flash().attribute("refused", "evaluation.scoring.begin.already"));
		mvc.perform(get("/evaluation/cases/" + id).with(staff(TestActor.YUZHONG)))
			.andExpect(content().string(Matchers.containsString(e1)));
		mvc.perform(get("/evaluation/cases/" + id).with(expert(e1))).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString(alpha.name())));
		assertThat(auditActions(section)).contains("evaluation.case.begun");

		// the leader: a tie goes to a second ballot; one vote per member per ballot
		vote(e1, id, e1);
		vote(e2, id, e2);
		vote(e3, id, e1);
		vote(rep, id, e2);
		EvaluationCaseView afterTie = as(e1, () -> desk.caseView(id));
		assertThat(afterTie.leader()).isNull();
		assertThat(afterTie.leaderBallot()).isEqualTo(2);
		vote(e1, id, e1);
		mvc.perform(post("/evaluation/cases/" + id + "/leader").param("candidate", e1).with(csrf()).with(expert(e1)))
			.andExpect(flash().attribute("refused", "evaluation.scoring.leader.votedTwice"));
		mvc.perform(post("/evaluation/cases/" + id + "/leader").param("candidate", "stranger").with(csrf()).with(expert(e2)))
			.andExpect(flash().attribute("refused", "evaluation.scoring.leader.notMember"));
		vote(e2, id, e1);
		vote(e3, id, e1);
		vote(rep, id, e1);
		assertThat(as(e1, () -> desk.caseView(id)).leader()).isEqualTo(e1);

		// reviews: 丙 fails qualification by majority; a failure needs a reason; one vote per bid and stage
		mvc.perform(post("/evaluation/cases/" + id + "/reviews").param("stage", "QUALIFICATION")
			.param("bid", c.bidId().toString()).param("verdict", "fail").with(csrf()).with(expert(e1)))
			.andExpect(flash().attribute("refused", "evaluation.scoring.review.reasonRequired"));
		mvc.perform(post("/evaluation/cases/" + id + "/reviews").param("stage", "RESPONSIVENESS")
			.param("bid", a.bidId().toString()).param("verdict", "pass").with(csrf()).with(expert(e1)))
			.andExpect(flash().attribute("refused", "evaluation.scoring.review.qualificationFirst"));
		mvc.perform(post("/evaluation/cases/" + id + "/reviews").param("stage", "QUALIFICATION")
			.param("bid", d.bidId().toString()).param("verdict", "pass").with(csrf()).with(expert(e1)))
			.andExpect(flash().attribute("refused", "evaluation.scoring.bid.unknown"));
		mvc.perform(post("/evaluation/cases/" + id + "/reviews").param("stage", "QUALIFICATION")
			.param("bid", c.bidId().toString()).param("verdict", "fail").param("reason", "资质证书已过期").with(csrf())
			.with(expert(e1))).andExpect(flash().attribute("saved", "evaluation.scoring.saved.review"));
		mvc.perform(post("/evaluation/cases/" + id + "/reviews").param("stage", "QUALIFICATION")
			.param("bid", c.bidId().toString()).param("verdict", "pass").with(csrf()).with(expert(e1)))
			.andExpect(flash().attribute("refused", "evaluation.scoring.review.votedTwice"));
		List<String> members = List.of(e1, e2, e3, rep);
		for (String m : members) {
			for (OpenedBid bid : List.of(a, b)) {
				as(m, () -> desk.review(id, "QUALIFICATION", bid.bidId(), true, null));
			}
		}
		as(e2, () -> desk.review(id, "QUALIFICATION", c.bidId(), false, "资质证书已过期"));
		as(e3, () -> desk.review(id, "QUALIFICATION", c.bidId(), false, "资质证书已过期"));
		// points wait for the reviews
		assertRefused(e1, "evaluation.scoring.points.reviewsFirst", () -> desk.score(id, a.bidId(), Map.of()));
		as(rep, () -> desk.review(id, "QUALIFICATION", c.bidId(), true, null));
		assertRefused(e1, "evaluation.scoring.review.qualificationFirst",
				() -> desk.review(id, "RESPONSIVENESS", c.bidId(), true, null));
		for (String m : members) {
			for (OpenedBid bid : List.of(a, b)) {
				as(m, () -> desk.review(id, "RESPONSIVENESS", bid.bidId(), true, null));
			}
		}

		// a clarification to 甲: only 甲 sees it, answers once, before the deadline
		mvc.perform(post("/evaluation/cases/" + id + "/clarifications").param("bid", a.bidId().toString())
			.param("question", "请说明项目经理的在岗安排。").param("deadline", LocalDateTime.now(CHINA).minusHours(1).toString())
			.with(csrf()).with(expert(e1))).andExpect(flash().attribute("refused", "evaluation.scoring.clarification.deadline"));
		UUID question = as(e1, () -> desk.askBidder(id, a.bidId(), "请说明项目经理的在岗安排。",
				clock.instant().plus(Duration.ofHours(4))));
		mvc.perform(get("/api/evaluation/clarifications/mine").with(member("beta", Role.BIDDER)))
			.andExpect(jsonPath("$[?(@.id == '" + question + "')]").isEmpty());
		mvc.perform(post("/api/evaluation/clarifications/" + question + "/answer").with(member("beta", Role.BIDDER))
			.contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"不是我们的问题\"}")).andExpect(status().isNotFound());
		mvc.perform(post("/api/evaluation/clarifications/" + question + "/answer").with(member("alpha", Role.BIDDER))
			.contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"  \"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/evaluation/clarifications/" + question + "/answer").with(member("alpha", Role.BIDDER))
			.contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"项目经理全程驻场。\"}")).andExpect(status().isOk())
			.andExpect(jsonPath("$.answer").value("项目经理全程驻场。"));
		mvc.perform(post("/api/evaluation/clarifications/" + question + "/answer").with(member("alpha", Role.BIDDER))
			.contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"再答一次\"}")).andExpect(status().isConflict());
		mvc.perform(get("/evaluation/clarifications").with(member("alpha", Role.BIDDER)))
			.andExpect(content().string(Matchers.containsString("项目经理全程驻场。")));
		assertThat(as(e2, () -> desk.caseView(id)).clarifications()).singleElement()
			.satisfies(q -> assertThat(q.answer()).isEqualTo("项目经理全程驻场。"));

		// points: every item, within [0, max], for valid bids only
		Map<String, String> good = points("18", "9", "9", "8", "9", "8");
		assertPointsRefused(e1, id, a, withItem(good, "CONSTRUCTION_PLAN", "20.5"), "evaluation.scoring.points.aboveMax");
		assertPointsRefused(e1, id, a, withItem(good, "QUALITY", "-1"), "evaluation.scoring.points.negative");
		assertPointsRefused(e1, id, a, withItem(good, "SAFETY", "很好"), "evaluation.scoring.points.notANumber");
		assertPointsRefused(e1, id, a, withItem(good, "SCHEDULE", "7.125"), "evaluation.scoring.points.decimals");
		Map<String, String> missing = new LinkedHashMap<>(good);
		missing.remove("PROJECT_MANAGER");
		assertPointsRefused(e1, id, a, missing, "evaluation.scoring.points.missing");
		assertPointsRefused(e1, id, c, good, "evaluation.scoring.points.notValid");
		mvc.perform(post("/evaluation/cases/" + id + "/points").params(form(a, good)).with(csrf()).with(expert(e1)))
			.andExpect(flash().attribute("saved", "evaluation.scoring.saved.points"));
		as(e2, () -> desk.score(id, a.bidId(), points("17", "9", "8", "8", "9", "9")));
		as(e3, () -> desk.score(id, a.bidId(), points("2", "9", "9", "9", "9", "8")));
		as(rep, () -> desk.score(id, a.bidId(), points("18", "9", "9", "9", "9", "9")));
		for (String m : members) {
			as(m, () -> desk.score(id, b.bidId(), points("14", "7", "7", "7", "7", "7")));
		}
		// the regulator sees points and the outlier; staff see neither until the report
		EvaluationCaseView regulated = TestActor.regulator().call(() -> desk.caseView(id));
		assertThat(regulated.outliers()).singleElement().satisfies(o -> {
			assertThat(o.member()).isEqualTo(e3);
			assertThat(o.item()).isEqualTo("CONSTRUCTION_PLAN");
		});
		assertThat(regulated.ranking()).extracting(EvaluationCaseView.Ranking::bidderName)
			.containsExactly(alpha.name(), beta.name());
		EvaluationCaseView staffView = TestActor.districtStaff(TestActor.YUZHONG).call(() -> desk.caseView(id));
		assertThat(staffView.points()).isEmpty();
		assertThat(staffView.outliers()).isEmpty();
		assertThat(staffView.ranking()).isEmpty();
		assertThat(staffView.members()).allMatch(m -> m.scored());

		// score sheets: the canonical bytes, signed with the seat's certificate; no change after signing
		byte[] before = sheet(id, e1);
		assertThat(new String(before, java.nio.charset.StandardCharsets.UTF_8)).startsWith(ScoreSheet.HEADER + "\n")
			.contains("member " + e1).contains("points " + a.bidId() + " CONSTRUCTION_PLAN 18.00");
		as(e1, () -> desk.score(id, a.bidId(), withItem(good, "CONSTRUCTION_PLAN", "17")));
		signSheet(id, e1, keys.sign(e1, before), keys.certificate(e1))
			.andExpect(flash().attribute("refused", "pki.failure.signatureMismatch"));
		byte[] sheet = sheet(id, e1);
		signSheet(id, e1, keys.sign(e2, sheet), keys.certificate(e2))
			.andExpect(flash().attribute("refused", "evaluation.scoring.signature.wrongCertificate"));
		signSheet(id, e1, keys.sign(e1, sheet), new byte[0])
			.andExpect(flash().attribute("refused", "evaluation.scoring.signature.certificateRequired"));
		signSheet(id, e1, keys.sign(e1, sheet), keys.certificate(e1))
			.andExpect(flash().attribute("saved", "evaluation.scoring.saved.sheetSigned"));
		signSheet(id, e1, keys.sign(e1, sheet), keys.certificate(e1))
			.andExpect(flash().attribute("refused", "evaluation.scoring.sheet.signed"));
		assertPointsRefused(e1, id, a, good, "evaluation.scoring.sheet.signed");
		assertThat(sheet(id, e1)).as("the signed bytes").isEqualTo(sheet);
		assertRefused(e1, "evaluation.scoring.report.sheetsMissing", () -> desk.draftReport(id));
		for (String m : List.of(e2, e3, rep)) {
			byte[] bytes = sheet(id, m);
			signSheet(id, m, keys.sign(m, bytes), keys.certificate(m))
				.andExpect(flash().attribute("saved", "evaluation.scoring.saved.sheetSigned"));
		}

		// the report: drawn up by the leader, signed by every member, then reported
		mvc.perform(post("/evaluation/cases/" + id + "/report").with(csrf()).with(expert(e2))).andExpect(status().isForbidden());
		mvc.perform(post("/evaluation/cases/" + id + "/report").with(csrf()).with(expert(e1)))
			.andExpect(flash().attribute("saved", "evaluation.scoring.saved.report"));
		EvaluationCaseView.Report report = as(e1, () -> desk.caseView(id)).report();
		byte[] pdf = mvc.perform(get(report.url()).with(expert(e2))).andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(Sha256.hex(pdf)).isEqualTo(report.sha256());
		mvc.perform(get(report.url()).with(staff(TestActor.YUZHONG))).andExpect(status().isNotFound());
		mvc.perform(get(report.url()).with(staff(TestActor.WANZHOU))).andExpect(status().isNotFound());
		mvc.perform(get(report.url()).with(expert("e9." + run))).andExpect(status().isNotFound());
		assertThat(desk.reportedCommittee(report.id())).as("the committee stays the evaluation's until reported").isEmpty();
		for (String m : members) {
			signReport(id, m, keys.sign(m, pdf), keys.certificate(m))
				.andExpect(flash().attribute("saved", "evaluation.scoring.saved.reportSigned"));
			if (m.equals(e1)) {
				signReport(id, m, keys.sign(m, pdf), keys.certificate(m))
					.andExpect(flash().attribute("refused", "evaluation.scoring.report.signedTwice"));
			}
		}
		EvaluationCaseView done = TestActor.districtStaff(TestActor.YUZHONG).call(() -> desk.caseView(id));
		assertThat(done.status()).isEqualTo("REPORTED");
		// the committee for the national uplink (508 评标专家): only to the platform itself, the experts' ID numbers whole
		assertRefused(e1, "evaluation.committee.platformOnly", () -> desk.reportedCommittee(report.id()));
		List<CommitteeMember> committee = desk.reportedCommittee(report.id());
		System.out.println("COMMITTEE " + committee.stream().map(m -> m.kind() + "/" + m.position() + "/" + m.leader()).toList());
		assertThat(committee).extracting(CommitteeMember::kind).containsExactly("EXPERT", "EXPERT", "EXPERT",
				"REPRESENTATIVE");
		assertThat(committee).filteredOn(CommitteeMember::leader).extracting(CommitteeMember::kind)
			.containsExactly("EXPERT");
		assertThat(committee).filteredOn(m -> m.kind().equals("EXPERT"))
			.allSatisfy(m -> assertThat(m.idNumber()).matches("[0-9]{17}[0-9X]"));
		assertThat(committee).filteredOn(m -> m.kind().equals("REPRESENTATIVE")).extracting(CommitteeMember::idNumber)
			.containsOnlyNulls();
		for (CommitteeMember m : committee.stream().filter(m -> m.idNumber() != null).toList()) {
			assertThat(TestActor.admin().call(() -> auditLog.latest(section.toString(), 200)))
				.as("no event carries an expert's ID number").noneMatch(e -> e.payload().contains(m.idNumber()));
		}
		assertThat(done.ranking()).extracting(EvaluationCaseView.Ranking::rank).containsExactly(1, 2);
		mvc.perform(get(report.url()).with(staff(TestActor.YUZHONG))).andExpect(status().isOk());
		AuditEntry reported = TestActor.admin().call(() -> auditLog.latest(section.toString(), 100)).stream()
			.filter(e -> e.action().equals("tendering.evaluation.reported")).findFirst().orElseThrow();
		assertThat(reported.payload()).contains(report.sha256()).contains(alpha.creditCode()).contains(beta.creditCode())
			.contains("/evaluation/reports/" + report.id() + ".pdf").contains("\"score\":84.18").contains("\"score\":77.99")
			.doesNotContain("丙公司");
		assertThat(auditActions(section)).contains("evaluation.refused.sheet", "evaluation.sheet.signed");

		// supervision (issue 19, EXPERT_OUTLIER): once the report is signed the members' points are compared; e3's 2
		// points for 甲's construction plan leave its total 46.00 against the others' mean 61.00, 15.00 apart, more
		// than 20 % of the table's 70 points; nobody else is that far off
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> outlierAlerts(e3).size() == 1);
		assertThat(outlierAlerts(e3).get(0).evidence()).contains("专家" + e3 + " → " + alpha.name() + ": 46.00")
			.contains("others' mean 61.00").contains("deviation -15.00").contains("(70")
			.doesNotContain("专家" + e1 + " →").doesNotContain(beta.name());
	}

	private List<org.yiwang.supervision.alert.AlertView> outlierAlerts(String expert) {
		return TestActor.regulator().call(() -> alerts.visible()).stream()
			.filter(al -> al.rule().equals("EXPERT_OUTLIER") && al.evidence().contains("专家" + expert + " →")).toList();
	}

	@Test
	void when_no_bid_passes_the_report_names_no_candidates() throws Exception {
		EntityView tenderer = approved("tnd0", EntityRole.TENDERER);
		SectionId section = new SectionId(UUID.randomUUID());
		List<OpenedBid> bids = List.of(bid(new EntityId(UUID.randomUUID()), "一号" + run, "500000.00", OpenedBid.Decryption.BY_BIDDER),
				bid(new EntityId(UUID.randomUUID()), "二号" + run, "510000.00", OpenedBid.Decryption.BY_BIDDER),
				bid(new EntityId(UUID.randomUUID()), "三号" + run, "520000.00", OpenedBid.Decryption.BY_BIDDER));
		UUID id = open(section, tenderer.id(), bids);
		List<String> experts = List.of("f1." + run, "f2." + run, "f3." + run);
		draw(section, experts);
		TestActor.districtStaff(TestActor.YUZHONG).run(() -> {
			desk.schedule(id, clock.instant());
			desk.begin(id);
		});
		for (String m : experts) {
			vote(m, id, experts.get(1));
			for (OpenedBid bid : bids) {
				as(m, () -> desk.review(id, "QUALIFICATION", bid.bidId(), false, "未提供有效的安全生产许可证"));
			}
		}
		assertRefused(experts.get(0), "evaluation.scoring.points.notValid",
				() -> desk.score(id, bids.get(0).bidId(), points("1", "1", "1", "1", "1", "1")));
		for (String m : experts) {
			byte[] bytes = as(m, () -> desk.scoreSheet(id));
			as(m, () -> desk.signScoreSheet(id, keys.sign(m, bytes), keys.certificate(m), "SM3_WITH_SM2"));
		}
		UUID reportId = as(experts.get(1), () -> desk.draftReport(id));
		byte[] pdf = as(experts.get(0), () -> desk.reportPdf(reportId));
		for (String m : experts) {
			as(m, () -> desk.signReport(id, keys.sign(m, pdf), keys.certificate(m), null));
		}
		AuditEntry reported = TestActor.admin().call(() -> auditLog.latest(section.toString(), 100)).stream()
			.filter(e -> e.action().equals("tendering.evaluation.reported")).findFirst().orElseThrow();
		assertThat(reported.payload()).contains("\"candidates\":[]");
		assertThat(TestActor.regulator().call(() -> desk.caseView(id)).bidders())
			.allMatch(bd -> "FAILED".equals(bd.qualification()) && !bd.valid());
	}

	@Test
	void a_stranger_and_another_region_see_nothing_and_bidders_only_their_own_questions() throws Exception {
		EntityView tenderer = approved("tnd1", EntityRole.TENDERER);
		SectionId section = new SectionId(UUID.randomUUID());
		UUID id = open(section, tenderer.id(), List.of(bid(new EntityId(UUID.randomUUID()), "某" + run, "10.00",
				OpenedBid.Decryption.BY_BIDDER)));
		mvc.perform(get("/evaluation/cases/" + id).with(expert("nobody." + run))).andExpect(status().isNotFound());
		mvc.perform(get("/evaluation/cases/" + id).with(staff(TestActor.WANZHOU))).andExpect(status().isNotFound());
		mvc.perform(get("/api/evaluation/cases/" + id).with(staff(TestActor.WANZHOU))).andExpect(status().isNotFound());
		mvc.perform(get("/api/evaluation/cases/" + id).with(staff(TestActor.YUZHONG))).andExpect(status().isOk())
			.andExpect(jsonPath("$.members").isEmpty()).andExpect(jsonPath("$.points").isEmpty());
		mvc.perform(get("/evaluation/cases/not-a-case").with(staff(TestActor.YUZHONG))).andExpect(status().isNotFound());
		mvc.perform(post("/evaluation/cases/" + id + "/begin").with(csrf()).with(staff(TestActor.YUZHONG)))
			.andExpect(flash().attribute("refused", "evaluation.scoring.begin.noCommittee"));
		mvc.perform(post("/evaluation/cases/" + id + "/leader").param("candidate", "x").with(csrf())
			.with(expert("nobody." + run))).andExpect(status().isNotFound());
		mvc.perform(get("/evaluation/cases").with(member("tnd1", Role.TENDERER)))
			.andExpect(content().string(Matchers.containsString("representative-form")));
		mvc.perform(get("/evaluation/cases").with(staff(TestActor.WANZHOU)))
			.andExpect(content().string(Matchers.not(Matchers.containsString(id.toString()))));
	}

	// ---- the seat's certificate (issue 17, item 15) ----------------------------------------------------------------

	/**
	 * A seat is bound to the certificate the expert held when drawn, and every score sheet and the report are signed
	 * with it: while the evaluation runs, neither a fresh demo key (which replaced the bound certificate and left the
	 * member unable to sign) nor staff binding another certificate may change it; both are refused with the reason
	 * and the trade code. Staff binding the seat's own certificate again is fine; once the report is in, a new key is
	 * issued as before.
	 */
	@Test
	void a_seated_expert_keeps_the_certificate_the_seat_is_bound_to_until_the_report() throws Exception {
		EntityView tenderer = approved("tnd2", EntityRole.TENDERER);
		SectionId section = new SectionId(UUID.randomUUID());
		UUID id = open(section, tenderer.id(), List.of(bid(new EntityId(UUID.randomUUID()), "某" + run, "10.00",
				OpenedBid.Decryption.BY_BIDDER)));
		String member = "k1." + run;
		draw(section, List.of(member));
		ExpertView pooled = TestActor.cityStaff().call(() -> pool.experts()).stream()
			.filter(e -> e.username().equals(member)).findFirst().orElseThrow();
		TestActor.cityStaff().run(() -> pool.bindCertificate(pooled.id(), keys.certificate(member)));
		String bound = TestActor.cityStaff().call(() -> pool.expert(pooled.id())).certificateFingerprint();

		mvc.perform(get("/experts/me/demo-key.pem").with(expert(member))).andExpect(status().isConflict())
			.andExpect(content().string(Matchers.containsString("评标进行中不能更换证书")))
			.andExpect(content().string(Matchers.containsString("CQ-500103-2026-" + run.toUpperCase())));
		byte[] another = keys.issue("k1-new." + run);
		assertThatThrownBy(() -> TestActor.cityStaff().run(() -> pool.bindCertificate(pooled.id(), another)))
			.isInstanceOfSatisfying(Refusal.class,
					r -> assertThat(r.messageKey()).isEqualTo("evaluation.expert.certificate.seated"));
		assertThat(TestActor.cityStaff().call(() -> pool.expert(pooled.id())).certificateFingerprint()).isEqualTo(bound);
		// the seat's own certificate again: nothing changes, nothing refused
		TestActor.cityStaff().run(() -> pool.bindCertificate(pooled.id(), keys.certificate(member)));

		// the report is in: the seat no longer holds the certificate
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> jdbc
			.sql("update evaluation.cases set status = 'REPORTED' where id = ?").param(id).update()));
		mvc.perform(get("/experts/me/demo-key.pem").with(expert(member))).andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("-----BEGIN CERTIFICATE-----")));
		assertThat(TestActor.cityStaff().call(() -> pool.expert(pooled.id())).certificateFingerprint()).isNotEqualTo(bound);
	}

	// ---- helpers -----------------------------------------------------------------------------------------------

	private UUID open(SectionId section, EntityId tenderer, List<OpenedBid> bids) {
		publish(new BidsOpened(Actor.SYSTEM, section, TradeCode.of("CQ-500103-2026-" + run.toUpperCase()), 1,
				RegionCode.of(TestActor.YUZHONG), CategoryCode.of("ENG_BUILDING"), tenderer, Money.of("2000000.00"), bids,
				UUID.randomUUID(), clock.instant()));
		return Awaitility.await().atMost(Duration.ofSeconds(15)).until(
				() -> TestActor.districtStaff(TestActor.YUZHONG).call(() -> desk.caseOf(section, 1)),
				java.util.Optional::isPresent).orElseThrow();
	}

	private void draw(SectionId section, List<String> experts) {
		List<CommitteeDrawn.Seat> seats = new ArrayList<>();
		for (String expert : experts) {
			byte[] certificate = keys.issue(expert);
			String fingerprint = TestActor.admin().call(() -> trustStore.inspect(certificate)).fingerprint();
			// a pool expert (with a resident ID number), as a draw seats them
			ExpertView pooled = TestActor.cityStaff().call(() -> pool.register(new NewExpert(expert, "专家" + expert,
					ExpertFixture.idNumber(TestActor.YUZHONG), "023-60001234", TestActor.YUZHONG, "测试单位" + run, null,
					Set.of("A0104"))));
			seats.add(new CommitteeDrawn.Seat(pooled.id(), expert, "专家" + expert, "A010101", fingerprint));
		}
		publish(new CommitteeDrawn(Actor.SYSTEM, UUID.randomUUID(), section, 1, RegionCode.of(TestActor.YUZHONG), seats,
				clock.instant()));
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> TestActor.districtStaff(TestActor.YUZHONG)
			.call(() -> desk.cases()).stream().anyMatch(c -> c.section().equals(section) && c.committeeSeated()));
	}

	private void publish(Object event) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> events.publishEvent(event)));
	}

	private OpenedBid bid(EntityView bidder, String price, OpenedBid.Decryption decryption) {
		return new OpenedBid(UUID.randomUUID(), bidder.id(), bidder.name(), bidder.creditCode(), Money.of(price), 365, "合格",
				List.of(), decryption);
	}

	private OpenedBid bid(EntityId bidder, String name, String price, OpenedBid.Decryption decryption) {
		return new OpenedBid(UUID.randomUUID(), bidder, name, null, price == null ? null : Money.of(price), 365, "合格",
				List.of(new OpenedBid.Item("项目经理", "张工")), decryption);
	}

	private EntityView approved(String prefix, EntityRole role) {
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, prefix + "公司" + run,
				TestActor.creditCode("500103"), null, "张三", "李四", "023-12345678", "contact@example.cn", "重庆市渝中区", "150", TestActor.YUZHONG,
				Set.of(role), prefix + "." + run, PASSWORD));
		return TestActor.cityStaff().call(() -> registry.approve(registered.id(), registered.version()));
	}

	private RequestPostProcessor member(String prefix, Role role) {
		return authentication(TestActor.of(prefix + "." + run, role, TestActor.CITY, false).authentication());
	}

	private static RequestPostProcessor expert(String username) {
		return authentication(actor(username).authentication());
	}

	/** Experts sign in as EXPERT; the tenderer's representative in this test acts with a tenderer account. */
	private static TestActor actor(String username) {
		return TestActor.of(username, username.startsWith("rep.") ? Role.TENDERER : Role.EXPERT, TestActor.CITY, false);
	}

	private static RequestPostProcessor staff(String region) {
		return authentication(TestActor.districtStaff(region).authentication());
	}

	private <T> T as(String username, java.util.function.Supplier<T> work) {
		return actor(username).call(work);
	}

	private void as(String username, Runnable work) {
		actor(username).run(work);
	}

	private void vote(String voter, UUID id, String candidate) throws Exception {
		mvc.perform(post("/evaluation/cases/" + id + "/leader").param("candidate", candidate).with(csrf()).with(expert(voter)))
			.andExpect(flash().attribute("saved", "evaluation.scoring.saved.leaderVote"));
	}

	private static Map<String, String> points(String... values) {
		List<String> items = List.of("CONSTRUCTION_PLAN", "QUALITY", "SAFETY", "SCHEDULE", "TRACK_RECORD", "PROJECT_MANAGER");
		Map<String, String> points = new LinkedHashMap<>();
		for (int i = 0; i < items.size(); i++) {
			points.put(items.get(i), values[i]);
		}
		return points;
	}

	private static Map<String, String> withItem(Map<String, String> points, String item, String value) {
		Map<String, String> changed = new LinkedHashMap<>(points);
		changed.put(item, value);
		return changed;
	}

	private static org.springframework.util.MultiValueMap<String, String> form(OpenedBid bid, Map<String, String> points) {
		org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
		form.add("bid", bid.bidId().toString());
		points.forEach((item, value) -> form.add("item." + item, value));
		return form;
	}

	private void assertPointsRefused(String member, UUID id, OpenedBid bid, Map<String, String> points, String key)
			throws Exception {
		mvc.perform(post("/evaluation/cases/" + id + "/points").params(form(bid, points)).with(csrf()).with(expert(member)))
			.andExpect(flash().attribute("refused", key));
	}

	private void assertRefused(String member, String key, Runnable work) {
		assertThatThrownBy(() -> as(member, work)).isInstanceOfSatisfying(Refusal.class,
				r -> assertThat(r.messageKey()).isEqualTo(key));
	}

	private byte[] sheet(UUID id, String member) throws Exception {
		return mvc.perform(get("/evaluation/cases/" + id + "/sheet").with(expert(member))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
	}

	private org.springframework.test.web.servlet.ResultActions signSheet(UUID id, String member, byte[] signature,
			byte[] certificate) throws Exception {
		return upload("/evaluation/cases/" + id + "/sheet/signature", member, signature, certificate);
	}

	private org.springframework.test.web.servlet.ResultActions signReport(UUID id, String member, byte[] signature,
			byte[] certificate) throws Exception {
		return upload("/evaluation/cases/" + id + "/report/signature", member, signature, certificate);
	}

	private org.springframework.test.web.servlet.ResultActions upload(String url, String member, byte[] signature,
			byte[] certificate) throws Exception {
		return mvc.perform(multipart(url).file(new MockMultipartFile("signature", "s.sig", "application/octet-stream", signature))
			.file(new MockMultipartFile("certificate", "c.pem", "application/x-pem-file", certificate))
			.param("algorithm", "SM3_WITH_SM2").with(csrf()).with(expert(member)));
	}

	private List<String> auditActions(SectionId section) {
		return TestActor.admin().call(() -> auditLog.latest(null, 500)).stream().map(AuditEntry::action).toList();
	}
}
