package org.yiwang.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.AdjustableClock;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.evaluation.ReEvaluationKind;
import org.yiwang.evaluation.Reevaluations;
import org.yiwang.kernel.Role;
import org.yiwang.registry.CreditKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Refusal;
import org.yiwang.tendering.SectionOrders;
import org.yiwang.tendering.SectionSuspensions;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDesk;

/**
 * Issue 19 on the real platform: a complaint from filing to ruling with a suspension that moves the deadline, the
 * statutory clock and its overdue flag, signed acts (and the signatures they refuse), bad input naming its field, and
 * the separation of supervision from operation: staff can take no regulator's act, and a regulator cannot operate.
 */
@PlatformTest
@Import(AdjustableClock.Config.class)
class SupervisionTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Complaints complaints;

	@Autowired
	RegulatoryActions actions;

	@Autowired
	RegulatorWorkspace workspace;

	@Autowired
	TenderDesk desk;

	@Autowired
	SectionSuspensions suspensions;

	@Autowired
	SectionOrders orders;

	@Autowired
	Reevaluations reevaluations;

	@Autowired
	EntityRegistry registry;

	@Autowired
	AdjustableClock clock;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	SupervisionFixture f;

	TestActor bidder;

	TestActor regulator;

	@BeforeEach
	void a_bidder_and_a_regulator() {
		Assumptions.assumeTrue(SupervisionFixture.opensslInstalled(), "openssl is not installed here");
		f = new SupervisionFixture(dir, context);
		f.approved("b1", EntityRole.BIDDER);
		bidder = f.member("b1", Role.BIDDER);
		regulator = f.regulator("reg", TestActor.YUZHONG, false);
		f.certificate("reg");
	}

	private List<EvidenceFile> evidence(String name) {
		byte[] content = ("证明材料 " + name).getBytes(StandardCharsets.UTF_8);
		return List.of(new EvidenceFile(name, "application/pdf", () -> new ByteArrayInputStream(content)));
	}

	private LocalDate today() {
		return complaints.today();
	}

	private NewComplaint documents(SectionView section) {
		return new NewComplaint(section.id().toString(), ComplaintGround.DOCUMENTS,
				"招标文件第三章设置了与项目无关的特定业绩要求，排斥潜在投标人。", "责令招标人修改招标文件", today().minusDays(2),
				today().minusDays(1), today());
	}

	private ActView signed(TestActor by, String key, ActRequest request) {
		ActView prepared = by.call(() -> actions.prepare(request));
		return by.call(() -> actions.sign(prepared.id(), f.sign(key, prepared.content()), f.read(key + ".pem"), null));
	}

	@Test
	void a_complaint_goes_from_filing_to_ruling_with_a_suspension_that_moves_the_deadline() {
		SectionView section = f.published();
		ComplaintView filed = bidder.call(() -> complaints.file(documents(section), evidence("业绩要求.pdf")));
		assertThat(filed.status()).isEqualTo(ComplaintStatus.FILED);
		assertThat(filed.department()).isEqualTo(Department.HOUSING_CONSTRUCTION);
		assertThat(filed.regime()).isEqualTo(ComplaintRegime.TENDERING);
		assertThat(filed.acceptanceDue()).isAfter(today());
		assertThat(filed.evidence()).singleElement().satisfies(e -> assertThat(e.sha256()).hasSize(64));

		// the competent regulator sees it; one of another region or industry does not
		assertThat(regulator.call(complaints::handled)).extracting(ComplaintView::id).contains(filed.id());
		TestActor wanzhou = f.regulator("wz", TestActor.WANZHOU, false);
		TestActor water = f.regulator("water", TestActor.YUZHONG, false, "ENG_WATER");
		for (TestActor other : List.of(wanzhou, water)) {
			assertThat(other.call(complaints::handled)).extracting(ComplaintView::id).doesNotContain(filed.id());
			assertThatThrownBy(() -> other.call(() -> complaints.complaint(filed.id()))).isInstanceOf(Refusal.class)
				.hasFieldOrPropertyWithValue("messageKey", "supervision.complaint.notFound");
		}

		ComplaintView accepted = regulator.call(() -> complaints.accept(filed.id(), filed.version()));
		assertThat(accepted.status()).isEqualTo(ComplaintStatus.ACCEPTED);
		assertThat(accepted.rulingDue()).isNotNull();

		// suspension: signed, the section stops taking bids; two days later it resumes and the deadline moves by them
		ActView suspend = signed(regulator, "reg",
				new ActRequest(ActKind.SUSPEND_SECTION, section.id().toString(), null, null, "投诉处理期间暂停招标投标活动"));
		assertThat(suspend.signed()).isTrue();
		assertThat(suspend.signerSubject()).contains("reg " + f.run);
		SectionView paused = regulator.call(() -> desk.dossier(section.id())).section();
		assertThat(paused.paused()).isTrue();
		clock.advance(Duration.ofDays(2));
		ActView resume = signed(regulator, "reg",
				new ActRequest(ActKind.RESUME_SECTION, section.id().toString(), null, null, "经审查，恢复招标投标活动"));
		var suspension = regulator.call(() -> suspensions.suspensions(section.id())).get(0);
		assertThat(suspension.active()).isFalse();
		assertThat(suspension.resumeDecision()).isEqualTo(resume.id());
		SectionView resumed = regulator.call(() -> desk.dossier(section.id())).section();
		assertThat(resumed.paused()).isFalse();
		assertThat(Duration.between(section.bidDeadline(), resumed.bidDeadline()))
			.isEqualTo(Duration.between(suspension.suspendedAt(), suspension.resumedAt()))
			.isGreaterThanOrEqualTo(Duration.ofDays(2));

		// an expert review stops the ruling clock: no ruling meanwhile; the due day moves on
		LocalDate dueBefore = accepted.rulingDue();
		ComplaintView reviewing = regulator.call(() -> complaints.pauseClock(filed.id(), PauseKind.EXPERT_REVIEW,
				"组织专家对业绩要求进行评审"));
		assertThat(reviewing.clockStopped()).isTrue();
		assertThat(reviewing.rulingDue()).isNull();
		assertThatThrownBy(() -> regulator.call(() -> actions.prepare(new ActRequest(ActKind.RULE_COMPLAINT,
				filed.id().toString(), RulingOutcome.UPHELD, null, "投诉成立"))))
			.hasFieldOrPropertyWithValue("messageKey", "supervision.rule.pauseOpen");
		clock.advance(Duration.ofDays(3));
		ComplaintView reviewed = regulator.call(() -> complaints.resumeClock(filed.id()));
		assertThat(reviewed.rulingDue()).isAfter(dueBefore);

		ActView ruling = signed(regulator, "reg", new ActRequest(ActKind.RULE_COMPLAINT, filed.id().toString(),
				RulingOutcome.UPHELD, null, "招标文件设置的特定业绩要求与项目无关，投诉成立，责令招标人修改招标文件。"));
		ComplaintView ruled = bidder.call(() -> complaints.complaint(filed.id()));
		assertThat(ruled.status()).isEqualTo(ComplaintStatus.RULED);
		assertThat(ruled.outcome()).isEqualTo(RulingOutcome.UPHELD);
		assertThat(ruled.rulingAct()).isEqualTo(ruling.id());
		// published: anyone reads the signed text and its signature
		assertThat(actions.publishedActs()).extracting(ActView::id).contains(ruling.id(), suspend.id(), resume.id());
		assertThat(actions.publishedSignature(ruling.id())).isPresent();
		assertThat(audited("complaint:" + filed.id(), "supervision.complaint.ruled")).isEqualTo(1);
		assertThat(audited("section:" + section.id(), "tendering.section.resumed")).isEqualTo(1);
	}

	@Test
	void a_late_acceptance_is_flagged_overdue_once_and_audited() {
		SectionView section = f.published();
		ComplaintView filed = bidder.call(() -> complaints.file(documents(section), evidence("a.pdf")));
		assertThat(filed.overdue()).isFalse();
		clock.advanceTo(filed.acceptanceDue().plusDays(1).atStartOfDay(Complaints.CHINA).toInstant()
			.plus(Duration.ofHours(1)));
		ComplaintView late = regulator.call(() -> complaints.complaint(filed.id()));
		assertThat(late.overdueStep()).isEqualTo("acceptance");
		complaints.flagOverdue();
		complaints.flagOverdue();
		assertThat(audited("complaint:" + filed.id(), "supervision.complaint.overdue")).isEqualTo(1);
	}

	@Test
	void bad_complaints_are_refused_naming_the_field_to_fix() {
		SectionView section = f.published();
		NewComplaint good = documents(section);
		assertField(() -> complaints.file(good, List.of()), "evidence", "supervision.evidence.required");
		assertField(() -> complaints.file(new NewComplaint("not-a-section", good.ground(), good.matter(), good.request(),
				good.knownOn(), good.objectionRaisedOn(), null), evidence("a.pdf")), "section", "supervision.complaint.section");
		assertField(() -> complaints.file(new NewComplaint(UUID.randomUUID().toString(), good.ground(), good.matter(),
				good.request(), good.knownOn(), good.objectionRaisedOn(), null), evidence("a.pdf")), "section",
				"supervision.complaint.section");
		assertField(() -> complaints.file(new NewComplaint(good.section(), null, good.matter(), good.request(),
				good.knownOn(), null, null), evidence("a.pdf")), "ground", "supervision.complaint.ground");
		assertField(() -> complaints.file(new NewComplaint(good.section(), good.ground(), "短", good.request(),
				good.knownOn(), good.objectionRaisedOn(), null), evidence("a.pdf")), "matter", "supervision.complaint.matter");
		assertField(() -> complaints.file(new NewComplaint(good.section(), ComplaintGround.DOCUMENTS, good.matter(),
				good.request(), good.knownOn(), null, null), evidence("a.pdf")), "objectionRaisedOn",
				"supervision.complaint.objectionFirst");
		assertField(() -> complaints.file(new NewComplaint(good.section(), ComplaintGround.OTHER, good.matter(),
				good.request(), today().minusDays(11), null, null), evidence("a.pdf")), "knownOn",
				"supervision.complaint.late");
		assertField(() -> complaints.file(new NewComplaint(good.section(), ComplaintGround.OTHER, good.matter(),
				good.request(), today().plusDays(1), null, null), evidence("a.pdf")), "knownOn",
				"supervision.complaint.future");
		assertField(() -> complaints.file(new NewComplaint(good.section(), good.ground(), good.matter(), good.request(),
				good.knownOn(), today(), today().minusDays(1)), evidence("a.pdf")), "objectionAnsweredOn",
				"supervision.complaint.answeredOn");
		// ten days after knowing, with no objection needed, is still in time (招标投标法实施条例 Art. 60)
		ComplaintView inTime = bidder.call(() -> complaints.file(new NewComplaint(good.section(), ComplaintGround.OTHER,
				good.matter(), good.request(), today().minusDays(10), null, null), evidence("a.pdf")));
		assertThat(inTime.objectionRaisedOn()).isNull();
		assertThat(bidder.call(complaints::mine)).extracting(ComplaintView::id).contains(inTime.id());
	}

	private void assertField(Runnable asBidder, String field, String key) {
		assertThatThrownBy(() -> bidder.run(asBidder)).isInstanceOf(Refusal.class)
			.hasFieldOrPropertyWithValue("field", field).hasFieldOrPropertyWithValue("messageKey", key);
	}

	@Test
	void a_signature_must_verify_over_the_act_text_and_come_from_the_regulators_one_certificate() {
		SectionView section = f.published();
		ActView prepared = regulator.call(() -> actions.prepare(
				new ActRequest(ActKind.ORDER_RE_TENDER, section.id().toString(), null, null, "招标人擅自变更招标范围")));
		assertThat(prepared.signed()).isFalse();
		assertThat(prepared.content()).contains(prepared.id().toString(), "责令重新招标", section.tradeCode().value(),
				"（北京时间）");
		byte[] other = f.sign("reg", prepared.content() + "篡改");
		assertSign(prepared, other, f.read("reg.pem"), "signature", "pki.failure.signatureMismatch");
		assertSign(prepared, null, f.read("reg.pem"), "signature", "supervision.act.signatureRequired");
		assertSign(prepared, f.sign("reg", prepared.content()), null, "certificate", "supervision.act.certificateRequired");
		assertThatThrownBy(() -> regulator.call(() -> actions.sign(prepared.id(), f.sign("reg", prepared.content()),
				f.read("reg.pem"), "MD5withRSA"))).hasFieldOrPropertyWithValue("field", "algorithm");
		ActView done = regulator.call(() -> actions.sign(prepared.id(), f.sign("reg", prepared.content()),
				f.read("reg.pem"), "SM3withSM2"));
		assertThat(done.signed()).isTrue();
		assertThatThrownBy(() -> regulator.call(() -> actions.sign(prepared.id(), f.sign("reg", prepared.content()),
				f.read("reg.pem"), null))).hasFieldOrPropertyWithValue("messageKey", "supervision.act.alreadySigned");

		// the same regulator with a second certificate is refused: acts are signed with the first one
		f.certificate("reg2");
		// (the first order ended the section's round: the second is about another section)
		SectionView another = f.published();
		ActView next = regulator.call(() -> actions.prepare(
				new ActRequest(ActKind.ORDER_RE_TENDER, another.id().toString(), null, null, "再次责令重新招标")));
		assertSign(next, f.sign("reg2", next.content()), f.read("reg2.pem"), "certificate",
				"supervision.act.otherCertificate");
		// another regulator cannot sign (nor see) an act someone else prepared
		TestActor colleague = f.regulator("colleague", TestActor.YUZHONG, false);
		assertThatThrownBy(() -> colleague.call(() -> actions.sign(next.id(), f.sign("reg", next.content()),
				f.read("reg.pem"), null))).hasFieldOrPropertyWithValue("messageKey", "supervision.act.notFound");
	}

	private void assertSign(ActView act, byte[] signature, byte[] certificate, String field, String key) {
		assertThatThrownBy(() -> regulator.call(() -> actions.sign(act.id(), signature, certificate, null)))
			.isInstanceOf(Refusal.class).hasFieldOrPropertyWithValue("field", field)
			.hasFieldOrPropertyWithValue("messageKey", key);
	}

	@Test
	void a_credit_penalty_goes_into_the_registry_and_an_expert_bar_is_refused_for_an_unknown_expert() {
		EntityView offender = f.approved("bad", EntityRole.BIDDER);
		ActView penalty = signed(regulator, "reg", new ActRequest(ActKind.CREDIT_PENALTY, offender.creditCode(), null,
				today().plusDays(180), "串通投标，限制参与本区域房屋建筑工程投标"));
		assertThat(penalty.published()).isTrue();
		assertThat(TestActor.cityStaff().call(() -> registry.creditRecords(offender.id())))
			.anySatisfy(r -> {
				assertThat(r.kind()).isEqualTo(CreditKind.BLACKLIST);
				assertThat(r.source()).contains(penalty.id().toString());
			});
		assertThatThrownBy(() -> regulator.call(() -> actions.prepare(new ActRequest(ActKind.CREDIT_PENALTY,
				"91500000000000000X", null, null, "理由充分的处罚")))).hasFieldOrPropertyWithValue("field", "target");
		assertThatThrownBy(() -> regulator.call(() -> actions.prepare(new ActRequest(ActKind.BAR_EXPERT,
				UUID.randomUUID().toString(), null, today().plusDays(30), "评标中明显倾向特定投标人"))))
			.hasFieldOrPropertyWithValue("field", "target");
		assertThatThrownBy(() -> regulator.call(() -> actions.prepare(new ActRequest(ActKind.BAR_EXPERT,
				UUID.randomUUID().toString(), null, null, "评标中明显倾向特定投标人"))))
			.hasFieldOrPropertyWithValue("field", "until");
	}

	/** 管办分离: every regulator's act refused to operator staff; operating a transaction refused to a regulator. */
	@Test
	void staff_can_take_no_regulators_act_and_a_regulator_cannot_operate_a_transaction() {
		SectionView section = f.published();
		ComplaintView filed = bidder.call(() -> complaints.file(documents(section), evidence("a.pdf")));
		for (TestActor operator : List.of(TestActor.cityStaff(), TestActor.districtStaff(TestActor.YUZHONG),
				TestActor.admin(), f.member("tdr", Role.TENDERER), bidder)) {
			for (ActKind kind : ActKind.values()) {
				String target = switch (kind.target()) {
					case SECTION -> section.id().toString();
					case COMPLAINT -> filed.id().toString();
					case ENTITY -> section.tendererCreditCode();
					case EXPERT -> UUID.randomUUID().toString();
				};
				assertThatThrownBy(() -> operator.call(() -> actions.prepare(new ActRequest(kind, target,
						RulingOutcome.DISMISSED, today().plusDays(30), "operator attempts a regulator's act"))))
					.as("%s taking %s", operator.actor().username(), kind)
					.hasFieldOrPropertyWithValue("messageKey", "supervision.regulatorOnly");
			}
			assertThatThrownBy(() -> operator.call(() -> complaints.accept(filed.id(), filed.version())))
				.hasFieldOrPropertyWithValue("messageKey", "supervision.regulatorOnly");
			assertThatThrownBy(() -> operator.call(() -> suspensions.suspend(section.id(), "x", UUID.randomUUID())))
				.hasFieldOrPropertyWithValue("messageKey", "tendering.suspension.regulatorOnly");
			// nor carry out either side of a re-evaluation order without a signed act
			assertThatThrownBy(() -> operator.call(() -> reevaluations.reopen(section.id(),
					ReEvaluationKind.NEW_COMMITTEE, UUID.randomUUID())))
				.hasFieldOrPropertyWithValue("messageKey", "evaluation.reevaluation.regulatorOnly");
			assertThatThrownBy(() -> operator.call(() -> orders.reEvaluate(section.id(), "x", UUID.randomUUID(), 1, 2,
					true))).hasFieldOrPropertyWithValue("messageKey", "tendering.order.regulatorOnly");
		}
		// the regulator reads the section but cannot publish, approve or return it, nor answer for the tenderer
		SectionView shown = regulator.call(() -> desk.dossier(section.id())).section();
		assertThat(shown.id()).isEqualTo(section.id());
		assertThatThrownBy(() -> regulator.call(() -> desk.publish(section.id(), section.version())))
			.isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> regulator.call(() -> desk.approve(section.id(), section.version())))
			.isInstanceOf(Refusal.class);
		assertThatThrownBy(() -> regulator.call(() -> desk.returnSection(section.id(), section.version(), "退回")))
			.isInstanceOf(Refusal.class);
		assertThat(regulator.call(() -> workspace.overview()).sections()).extracting(SectionView::id)
			.contains(section.id());
		assertThat(f.regulator("water2", TestActor.YUZHONG, false, "ENG_WATER").call(() -> workspace.overview()).sections())
			.extracting(SectionView::id).doesNotContain(section.id());
	}

	private long audited(String target, String action) {
		return f.platform(() -> jdbc.sql("select count(*) from audit.entries where target = ? and action = ?")
			.params(target, action).query(Long.class).single());
	}
}
