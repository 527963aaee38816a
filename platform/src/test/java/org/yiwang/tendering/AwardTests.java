package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.AdjustableClock;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.account.AccountKind;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.NewAccount;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.guarantee.CashDeposits;
import org.yiwang.guarantee.TradeSecurityView;
import org.yiwang.kernel.Role;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.portal.Portal;
import org.yiwang.portal.PublicRecord;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Refusal;

/**
 * Candidate publicity, objections and complaints, the winner, the award notice and the contract, on PostgreSQL with
 * the platform's clock moved forward to let the law's periods pass: publicity starts on the report and lasts 3 days,
 * objections only within it and answered before the award, complaints after an answered objection and within 10 days
 * of it, the winner only after the publicity (rank 1, or another with a reason, once), the award notice PDF signed by
 * the platform and verified by OpenSSL, the contract signed by both over its exact bytes and flagged late after 30
 * days, securities released through the guarantee module. Every refusal names its reason.
 */
@PlatformTest
@Import(AdjustableClock.Config.class)
class AwardTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	AdjustableClock clock;

	@Autowired
	AwardDesk desk;

	@Autowired
	MockMvc mvc;

	@Autowired
	PlatformKeys platformKeys;

	@Autowired
	Portal portal;

	@TempDir
	Path dir;

	AwardScenario s;

	@BeforeEach
	void a_section_opened_with_three_bids() {
		boolean installed = Files.isExecutable(Path.of("/usr/bin/openssl"));
		if (System.getenv("CI") != null) {
			assertThat(installed).as(".ci/run installs openssl").isTrue();
		}
		Assumptions.assumeTrue(installed, "openssl is not installed here");
		s = new AwardScenario(context, dir, "0");
	}

	@Test
	void the_candidates_are_publicized_at_once_for_three_days_and_objections_are_taken_only_then_and_answered_first()
			throws Exception {
		assertRefused(s.tendererActor(), () -> desk.dossier(s.section.id()), HttpStatus.NOT_FOUND, "tendering.award.notYet");
		Instant before = clock.instant();
		EvaluationReported report = s.report(s.threeCandidates());
		s.awaitStatus(SectionStatus.PUBLICIZING);
		s.publish(report);

		AwardDossier seen = s.tendererActor().call(() -> desk.dossier(s.section.id()));
		AwardPublicityView p = seen.publicity();
		assertThat(p.publicizedAt()).as("within 3 days of the report: at once").isBetween(before, clock.instant());
		assertThat(Duration.between(p.publicizedAt(), p.publicityEnds())).as("at least 3 days").isEqualTo(Duration.ofDays(3));
		assertThat(p.startedLate()).isFalse();
		assertThat(p.candidates()).extracting(CandidateView::bidder).containsExactly(s.first.id(), s.second.id(),
				s.third.id());
		assertThat(s.count("select count(*) from tendering.award_publicities where section_id = ?", s.section.id().value()))
			.as("the same report again changes nothing").isEqualTo(1);
		PublicRecord notice = publicRecord(p.noticeId());
		assertThat(notice.title()).contains("中标候选人公示");
		assertThat(notice.body()).contains(s.first.name(), s.second.name(), s.third.name());
		assertThat(notifications("tendering.award.notification.publicized")).isEqualTo(3);

		// the winner waits for the end of the publicity
		assertRefused(s.tendererActor(), () -> desk.confirmWinner(s.section.id(), s.first.id(), null), HttpStatus.CONFLICT,
				"tendering.award.publicityRunning");
		// a bidder objects in time; the tenderer cannot object; a bidder of another section does not see it
		AwardChallengeView objection = s.bidder(s.second).call(() -> desk.object(s.section.id(), "第一名业绩不符合要求"));
		assertThat(objection.answerDue()).isEqualTo(objection.raisedAt().plus(Duration.ofDays(3)));
		assertRefused(s.tendererActor(), () -> desk.object(s.section.id(), "x"), HttpStatus.FORBIDDEN,
				"tendering.award.bidderOnly");
		assertRefused(s.bidder(s.stranger), () -> desk.object(s.section.id(), "x"), HttpStatus.NOT_FOUND,
				"tendering.section.notFound");
		assertRefused(s.bidder(s.second), () -> desk.object(s.section.id(), " "), HttpStatus.BAD_REQUEST,
				"tendering.award.challenge.text");
		// a complaint must follow the answered objection
		assertRefused(s.bidder(s.second), () -> desk.complain(s.section.id(), "投诉"), HttpStatus.CONFLICT,
				"tendering.award.complaint.objectFirst");
		// the first bidder does not see the second's objection; the tenderer and the regulator do
		assertThat(s.bidder(s.first).call(() -> desk.dossier(s.section.id())).objections()).isEmpty();
		assertThat(TestActor.regulator().call(() -> desk.dossier(s.section.id())).objections()).hasSize(1);

		clock.advance(Duration.ofDays(3).plusMinutes(1));
		assertRefused(s.bidder(s.third), () -> desk.object(s.section.id(), "迟到的异议"), HttpStatus.CONFLICT,
				"tendering.award.objection.closed");
		assertThat(audited("tendering.award.objection.refused", "tendering.award.objection.closed"))
			.as("the late objection is audited with its reason").isEqualTo(1);
		assertRefused(s.tendererActor(), () -> desk.confirmWinner(s.section.id(), s.first.id(), null), HttpStatus.CONFLICT,
				"tendering.award.objectionsOpen");

		AwardChallengeView answered = s.tendererActor().call(() -> desk.answer(objection.id(), "经核查，业绩符合要求。"));
		assertThat(answered.lateAt(clock.instant())).as("answered after its 3 days: recorded, flagged").isTrue();
		assertRefused(s.tendererActor(), () -> desk.answer(objection.id(), "再答"), HttpStatus.CONFLICT,
				"tendering.award.objection.answeredAlready");
		assertRefused(s.bidder(s.first), () -> desk.answer(objection.id(), "x"), HttpStatus.FORBIDDEN,
				"tendering.partyOnly");

		AwardChallengeView complaint = s.bidder(s.second).call(() -> desk.complain(s.section.id(), "对答复不服，请求复核"));
		assertThat(complaint.complaint()).isTrue();
		assertThat(TestActor.regulator().call(() -> desk.dossier(s.section.id())).complaints()).extracting(
				AwardChallengeView::id).containsExactly(complaint.id());
		assertThat(TestActor.districtStaff(TestActor.YUZHONG).call(() -> desk.dossier(s.section.id())).complaints())
			.hasSize(1);
		assertThat(s.tendererActor().call(() -> desk.dossier(s.section.id())).complaints()).isEmpty();
		assertThat(s.bidder(s.first).call(() -> desk.dossier(s.section.id())).complaints()).isEmpty();
		assertRefused(TestActor.districtStaff(TestActor.WANZHOU), () -> desk.dossier(s.section.id()), HttpStatus.NOT_FOUND,
				"tendering.section.notFound");

		clock.advance(Duration.ofDays(10));
		assertRefused(s.bidder(s.second), () -> desk.complain(s.section.id(), "再投诉"), HttpStatus.CONFLICT,
				"tendering.award.complaint.late");

		AwardView award = s.tendererActor().call(() -> desk.confirmWinner(s.section.id(), s.first.id(), "忽略的理由"));
		assertThat(award.rank()).isEqualTo(1);
		assertThat(award.reason()).as("rank 1 needs no reason").isNull();
	}

	@Test
	void the_winner_is_a_candidate_another_than_the_first_only_with_a_reason_once_and_its_notice_verifies_with_openssl()
			throws Exception {
		s.report(s.threeCandidates());
		s.awaitStatus(SectionStatus.PUBLICIZING);
		clock.advance(Duration.ofDays(3).plusSeconds(1));

		assertRefused(s.tendererActor(), () -> desk.confirmWinner(s.section.id(), s.stranger.id(), "理由"),
				HttpStatus.BAD_REQUEST, "tendering.award.notCandidate");
		assertRefused(s.tendererActor(), () -> desk.confirmWinner(s.section.id(), s.second.id(), "  "),
				HttpStatus.BAD_REQUEST, "tendering.award.reasonRequired");
		assertRefused(s.tendererActor(), () -> desk.confirmWinner(s.section.id(), null, null), HttpStatus.BAD_REQUEST,
				"tendering.award.winnerRequired");
		assertRefused(s.bidder(s.first), () -> desk.confirmWinner(s.section.id(), s.first.id(), null),
				HttpStatus.FORBIDDEN, "tendering.partyOnly");
		assertRefused(TestActor.districtStaff(TestActor.YUZHONG),
				() -> desk.confirmWinner(s.section.id(), s.first.id(), null), HttpStatus.FORBIDDEN, "tendering.partyOnly");
		assertThat(audited("tendering.award.confirmation.refused", "tendering.award.notCandidate")).isEqualTo(1);
		assertThat(audited("tendering.award.confirmation.refused", "tendering.award.reasonRequired")).isEqualTo(1);

		// the page form: the second candidate, the first having declined (实施条例 Art. 55)
		mvc.perform(post("/tenders/sections/{id}/award/winner", s.section.id()).with(csrf()).with(as(s.tendererActor()))
			.param("winner", s.second.id().toString()).param("reason", "排名第一的中标候选人书面放弃中标"))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("saved", "tendering.award.saved.winner"));
		assertRefused(s.tendererActor(), () -> desk.confirmWinner(s.section.id(), s.first.id(), null), HttpStatus.CONFLICT,
				"tendering.award.confirmedAlready");

		AwardView award = s.tendererActor().call(() -> desk.dossier(s.section.id())).award();
		assertThat(award.winner()).isEqualTo(s.second.id());
		assertThat(award.rank()).isEqualTo(2);
		assertThat(award.reason()).isEqualTo("排名第一的中标候选人书面放弃中标");
		assertThat(award.contractDue()).isEqualTo(award.confirmedAt().plus(Duration.ofDays(30)));

		// the winner downloads the notice and its detached signature; OpenSSL verifies it with the platform certificate
		byte[] pdf = mvc.perform(get("/tenders/sections/{id}/award/notice.pdf", s.section.id()).with(as(s.bidder(s.second))))
			.andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("X-Content-SHA256", award.pdfSha256()))
			.andReturn().getResponse().getContentAsByteArray();
		byte[] signature = mvc.perform(get("/tenders/sections/{id}/award/notice.pdf.sig", s.section.id())
			.with(as(s.bidder(s.second)))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).as("the CJK font is embedded").contains("NotoSans");
		s.write("award-notice.pdf", pdf);
		s.write("award-notice.pdf.sig", signature);
		s.write("platform.pem", platformKeys.certificatePem().getBytes(StandardCharsets.US_ASCII));
		s.openssl("x509", "-in", "platform.pem", "-pubkey", "-noout", "-out", "platform-pub.pem");
		assertThat(s.openssl("dgst", "-sm3", "-verify", "platform-pub.pem", "-sigopt", AwardScenario.ID, "-signature",
				"award-notice.pdf.sig", "award-notice.pdf")).contains("Verified OK");
		byte[] altered = pdf.clone();
		altered[altered.length / 2] ^= 1;
		s.write("altered.pdf", altered);
		assertThat(s.openssl("dgst", "-sm3", "-verify", "platform-pub.pem", "-sigopt", AwardScenario.ID, "-signature",
				"award-notice.pdf.sig", "altered.pdf")).contains("Verification failure");
		mvc.perform(get("/tenders/sections/{id}/award/verification", s.section.id()).header("HX-Request", "true")
			.with(as(s.bidder(s.second)))).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-valid=\"true\"")));

		// the others: the losers get their result but not the notice; the regulator reads it; strangers see nothing
		mvc.perform(get("/tenders/sections/{id}/award/notice.pdf", s.section.id()).with(as(s.bidder(s.first))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/tenders/sections/{id}/award/notice.pdf", s.section.id()).with(as(s.bidder(s.stranger))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/tenders/sections/{id}/award/notice.pdf", s.section.id()).with(as(TestActor.regulator())))
			.andExpect(status().isOk());
		mvc.perform(get("/tenders/sections/{id}/award", s.section.id()).with(as(s.bidder(s.first))))
			.andExpect(status().isOk()).andExpect(content().string(containsString("data-won=\"false\"")))
			.andExpect(content().string(containsString(s.second.name())));
		mvc.perform(get("/tenders/sections/{id}/award", s.section.id()).with(as(s.bidder(s.second))))
			.andExpect(status().isOk()).andExpect(content().string(containsString("data-won=\"true\"")))
			.andExpect(content().string(containsString("award-notice")));
		mvc.perform(get("/tenders/sections/{id}/award", s.section.id()).param("lang", "en").with(as(s.tendererActor())))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Award notice")));
		mvc.perform(get("/tenders/sections/{id}/award", s.section.id()).with(as(s.bidder(s.stranger))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/tenders/sections/{id}/award", s.section.id())
			.with(as(TestActor.districtStaff(TestActor.WANZHOU)))).andExpect(status().isNotFound());

		// every other bidder gets its own signed result notice (中标结果通知书), which OpenSSL verifies as well
		for (EntityView loser : List.of(s.first, s.third)) {
			String name = "result-" + (loser == s.first ? "first" : "third");
			byte[] result = mvc.perform(get("/tenders/sections/{id}/award/result-notice.pdf", s.section.id())
				.with(as(s.bidder(loser)))).andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "application/pdf"))
				.andReturn().getResponse().getContentAsByteArray();
			byte[] resultSignature = mvc.perform(get("/tenders/sections/{id}/award/result-notice.pdf.sig",
					s.section.id()).with(as(s.bidder(loser)))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
			assertThat(new String(result, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
			assertThat(result).isNotEqualTo(pdf);
			s.write(name + ".pdf", result);
			s.write(name + ".pdf.sig", resultSignature);
			assertThat(s.openssl("dgst", "-sm3", "-verify", "platform-pub.pem", "-sigopt", AwardScenario.ID,
					"-signature", name + ".pdf.sig", name + ".pdf")).contains("Verified OK");
			AwardDossier seen = s.bidder(loser).call(() -> desk.dossier(s.section.id()));
			assertThat(seen.resultNoticeSha256()).isEqualTo(TenderingTests.hex("SHA-256", result));
			mvc.perform(get("/tenders/sections/{id}/award", s.section.id()).with(as(s.bidder(loser))))
				.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"result-notice\"")))
				.andExpect(content().string(containsString("中标结果通知书")));
			mvc.perform(get("/tenders/sections/{id}/award/verification", s.section.id()).header("HX-Request", "true")
				.with(as(s.bidder(loser)))).andExpect(status().isOk())
				.andExpect(content().string(containsString("data-valid=\"true\"")));
		}
		// the winner's is the award notice; a stranger has none
		mvc.perform(get("/tenders/sections/{id}/award/result-notice.pdf", s.section.id()).with(as(s.bidder(s.second))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/tenders/sections/{id}/award/result-notice.pdf", s.section.id())
			.with(as(s.bidder(s.stranger)))).andExpect(status().isNotFound());

		assertThat(notifications("tendering.award.notification.won")).isEqualTo(1);
		assertThat(notifications("tendering.award.notification.lost")).isEqualTo(2);
		PublicRecord result = publicRecord(award.noticeId());
		assertThat(result.party("winner").name()).isEqualTo(s.second.name());
		assertThat(result.party("winner").creditCode()).isEqualTo(s.second.creditCode());
		assertThat(result.amount()).isEqualByComparingTo("990000.00");
		assertThat(result.body()).contains("排名第一的中标候选人书面放弃中标");
	}

	@Test
	void the_contract_is_signed_by_both_parties_over_its_exact_bytes_then_published_and_flagged_late_after_30_days()
			throws Exception {
		s.report(s.threeCandidates());
		s.awaitStatus(SectionStatus.PUBLICIZING);
		assertRefused(s.tendererActor(), () -> desk.uploadContract(s.section.id(), "合同.pdf",
				new ByteArrayInputStream(AwardScenario.contractPdf(s.run)), AwardScenario.CONTRACT_SUMMARY), HttpStatus.CONFLICT, "tendering.contract.notAwarded");
		clock.advance(Duration.ofDays(3).plusSeconds(1));
		s.tendererActor().run(() -> desk.confirmWinner(s.section.id(), s.first.id(), null));

		// bad uploads: not a PDF, empty, a bidder
		upload(s.tendererActor(), "合同.docx", "这不是PDF".getBytes(StandardCharsets.UTF_8))
			.andExpect(flash().attribute("refused", "tendering.contract.notPdf"));
		assertRefused(s.tendererActor(), () -> desk.uploadContract(s.section.id(), "合同.pdf",
				new ByteArrayInputStream("%PDX-1.4".getBytes(StandardCharsets.US_ASCII)), AwardScenario.CONTRACT_SUMMARY), HttpStatus.BAD_REQUEST,
				"tendering.contract.notPdf");
		assertRefused(s.tendererActor(), () -> desk.uploadContract(s.section.id(), "合同.pdf",
				new ByteArrayInputStream(new byte[0]), AwardScenario.CONTRACT_SUMMARY), HttpStatus.BAD_REQUEST, "tendering.contract.empty");
		assertRefused(s.bidder(s.first), () -> desk.uploadContract(s.section.id(), "合同.pdf",
				new ByteArrayInputStream(AwardScenario.contractPdf(s.run)), AwardScenario.CONTRACT_SUMMARY), HttpStatus.FORBIDDEN, "tendering.partyOnly");
		// the summary of the contract's main content (合同主要内容): asked, plain text, 10 to 2000 characters
		upload(s.tendererActor(), "合同.pdf", AwardScenario.contractPdf(s.run), "  ")
			.andExpect(flash().attribute("refused", "tendering.contract.summary.required"));
		assertRefused(s.tendererActor(), () -> desk.uploadContract(s.section.id(), "合同.pdf",
				new ByteArrayInputStream(AwardScenario.contractPdf(s.run)), null), HttpStatus.BAD_REQUEST,
				"tendering.contract.summary.required");
		assertRefused(s.tendererActor(), () -> desk.uploadContract(s.section.id(), "合同.pdf",
				new ByteArrayInputStream(AwardScenario.contractPdf(s.run)), "施工合同"), HttpStatus.BAD_REQUEST,
				"tendering.contract.summary.short");
		assertRefused(s.tendererActor(), () -> desk.uploadContract(s.section.id(), "合同.pdf",
				new ByteArrayInputStream(AwardScenario.contractPdf(s.run)), "合".repeat(2001)), HttpStatus.BAD_REQUEST,
				"tendering.contract.summary.long");
		assertRefused(s.tendererActor(), () -> desk.uploadContract(s.section.id(), "合同.pdf",
				new ByteArrayInputStream(AwardScenario.contractPdf(s.run)), "施工合同主要内容\u0000隐藏文字"),
				HttpStatus.BAD_REQUEST, "tendering.contract.summary.control");
		assertThat(s.count("select count(*) from tendering.contracts where section_id = ?", s.section.id().value()))
			.as("nothing half-recorded").isZero();
		// no contract yet: nothing to sign
		assertRefused(s.tendererActor(), () -> desk.signContract(s.section.id(), new byte[] { 1 }, null, null),
				HttpStatus.CONFLICT, "tendering.contract.none");

		byte[] contract = AwardScenario.contractPdf("施工合同 " + s.run);
		upload(s.tendererActor(), "施工合同.pdf", contract)
			.andExpect(flash().attribute("saved", "tendering.award.saved.contract"));
		byte[] downloaded = mvc.perform(get("/tenders/sections/{id}/contract.pdf", s.section.id()).with(as(s.bidder(s.first))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(downloaded).as("the exact bytes uploaded").isEqualTo(contract);
		mvc.perform(get("/tenders/sections/{id}/contract.pdf", s.section.id()).with(as(s.bidder(s.second))))
			.andExpect(status().isNotFound());
		s.write("contract.pdf", downloaded);
		s.write("other.pdf", AwardScenario.contractPdf("another contract"));

		// unsigned, over other bytes, with someone else's certificate, by a non-signatory
		assertRefused(s.tendererActor(), () -> desk.signContract(s.section.id(), new byte[0], null, null),
				HttpStatus.BAD_REQUEST, "tendering.contract.signatureMissing");
		assertRefused(s.tendererActor(), () -> desk.signContract(s.section.id(), s.sign("tdr", "other.pdf"),
				s.read("tdr.pem"), "SM3withSM2"), HttpStatus.BAD_REQUEST, "pki.failure.signatureMismatch");
		assertRefused(s.tendererActor(), () -> desk.signContract(s.section.id(), s.sign("b1", "contract.pdf"),
				s.read("b1.pem"), "SM3withSM2"), HttpStatus.BAD_REQUEST, "registry.signature.notBound");
		assertRefused(s.bidder(s.second), () -> desk.signContract(s.section.id(), s.sign("b2", "contract.pdf"),
				s.read("b2.pem"), null), HttpStatus.FORBIDDEN, "tendering.contract.notSignatory");
		assertRefused(s.tendererActor(), () -> desk.signContract(s.section.id(), s.sign("tdr", "contract.pdf"),
				s.read("tdr.pem"), "md5"), HttpStatus.BAD_REQUEST, "tendering.contract.algorithm");
		assertThat(audited("tendering.contract.signature.refused", "registry.signature.notBound")).isEqualTo(1);
		assertThat(audited("tendering.contract.signature.refused", "pki.failure.signatureMismatch")).isEqualTo(1);

		// the tenderer signs on the page, its certificate uploaded beside the signature
		mvc.perform(MockMvcRequestBuilders.multipart("/tenders/sections/{id}/contract/signatures", s.section.id())
			.file(new MockMultipartFile("signature", "contract.pdf.sig", "application/octet-stream",
					s.sign("tdr", "contract.pdf")))
			.file(new MockMultipartFile("certificate", "tdr.pem", "application/x-pem-file", s.read("tdr.pem")))
			.param("algorithm", "SM3withSM2").with(csrf()).with(as(s.tendererActor())))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("saved", "tendering.award.saved.signature"));
		assertRefused(s.tendererActor(), () -> desk.signContract(s.section.id(), s.sign("tdr", "contract.pdf"),
				s.read("tdr.pem"), null), HttpStatus.CONFLICT, "tendering.contract.signedByYouAlready");
		assertRefused(s.tendererActor(), () -> desk.uploadContract(s.section.id(), "新合同.pdf",
				new ByteArrayInputStream(AwardScenario.contractPdf("new")), AwardScenario.CONTRACT_SUMMARY), HttpStatus.CONFLICT,
				"tendering.contract.signedAlready");

		clock.advance(Duration.ofDays(31));
		assertThat(TestActor.regulator().call(() -> desk.dossier(s.section.id())).contractOverdue()).isTrue();
		// the winner signs without a certificate: its bound certificate verifies the signature
		ContractView concluded = s.bidder(s.first).call(() -> desk.signContract(s.section.id(),
				s.sign("b1", "contract.pdf"), null, null));
		assertThat(concluded.concluded()).isTrue();
		assertThat(concluded.late()).as("past 30 days: recorded, flagged").isTrue();
		s.awaitStatus(SectionStatus.CONTRACTED);
		AwardDossier regulator = TestActor.regulator().call(() -> desk.dossier(s.section.id()));
		assertThat(regulator.contract().late()).isTrue();
		assertThat(regulator.contract().tendererSigner()).contains("tdr " + s.run);
		assertThat(regulator.contract().winnerSigner()).contains("b1 " + s.run);
		mvc.perform(get("/tenders/sections/{id}/award", s.section.id()).with(as(TestActor.regulator())))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"concluded\"")));
		UUID contractNotice = s.platform(() -> context.getBean(JdbcClient.class)
			.sql("select notice_id from tendering.contracts where section_id = ?").param(s.section.id().value())
			.query(UUID.class).single());
		PublicRecord published = publicRecord(contractNotice);
		assertThat(published.amount()).isEqualByComparingTo("980000.00");
		assertThat(published.party("winner").name()).isEqualTo(s.first.name());
		assertThat(published.body()).contains(TenderingTests.hex("SHA-256", contract));
	}

	@Test
	void the_others_securities_are_released_at_the_award_and_the_winners_when_the_contract_is_signed() throws Exception {
		AwardScenario secured = new AwardScenario(context, Files.createDirectories(dir.resolve("secured")), "20000.00");
		Deposits deposits = new Deposits(context, secured);
		deposits.pay(secured.first);
		deposits.pay(secured.second);
		BidSecurity security = context.getBean(BidSecurity.class);
		TestActor staff = TestActor.districtStaff(TestActor.YUZHONG);
		TradeSecurityView before = staff.call(() -> security.biddersDisclosed(secured.section.tradeCode()));
		assertThat(before.holders()).containsExactlyInAnyOrder(secured.first.id(), secured.second.id());

		secured.report(secured.threeCandidates());
		secured.awaitStatus(SectionStatus.PUBLICIZING);
		clock.advance(Duration.ofDays(3).plusSeconds(1));
		secured.tendererActor().run(() -> desk.confirmWinner(secured.section.id(), secured.first.id(), null));
		AwardScenario.await(() -> staff.call(() -> security.biddersDisclosed(secured.section.tradeCode())).ended(),
				"the trade ended in the guarantee module");
		TradeSecurityView ended = staff.call(() -> security.biddersDisclosed(secured.section.tradeCode()));
		assertThat(ended.winner()).isEqualTo(secured.first.id());
		assertThat(ended.refunds()).as("the unsuccessful bidder's deposit is refunded at once").singleElement()
			.satisfies(r -> assertThat(r.accountNumber()).isEqualTo(deposits.account(secured.second)));

		secured.write("contract.pdf", AwardScenario.contractPdf("secured " + secured.run));
		secured.tendererActor().run(() -> desk.uploadContract(secured.section.id(), "合同.pdf",
				new ByteArrayInputStream(secured.read("contract.pdf")), AwardScenario.CONTRACT_SUMMARY));
		secured.tendererActor().run(() -> desk.signContract(secured.section.id(), secured.sign("tdr", "contract.pdf"),
				secured.read("tdr.pem"), null));
		secured.bidder(secured.first).run(() -> desk.signContract(secured.section.id(), secured.sign("b1", "contract.pdf"),
				secured.read("b1.pem"), null));
		AwardScenario.await(() -> staff.call(() -> security.biddersDisclosed(secured.section.tradeCode()))
			.contractSignedOn() != null, "the contract recorded in the guarantee module");
		TradeSecurityView signed = staff.call(() -> security.biddersDisclosed(secured.section.tradeCode()));
		assertThat(signed.contractSignedOn()).isEqualTo(LocalDate.ofInstant(clock.instant(),
				ProcedureClock.CHINA));
		assertThat(signed.refunds()).as("now the winner's deposit too").hasSize(2);
	}

	@Test
	void a_report_without_candidates_fails_the_section_with_a_signed_notice() {
		EvaluationReported report = s.report(List.of());
		s.awaitStatus(SectionStatus.FAILED);
		AwardPublicityView p = TestActor.regulator().call(() -> desk.dossier(s.section.id())).publicity();
		assertThat(p.failed()).isTrue();
		assertThat(p.reportId()).isEqualTo(report.reportId());
		PublicRecord failure = publicRecord(p.noticeId());
		assertThat(failure.title()).contains("流标");
		assertThat(notifications("tendering.award.notification.failed")).isEqualTo(3);
		assertRefused(s.bidder(s.first), () -> desk.object(s.section.id(), "异议"), HttpStatus.CONFLICT,
				"tendering.award.objection.noPublicity");
		assertRefused(s.tendererActor(), () -> desk.confirmWinner(s.section.id(), s.first.id(), null), HttpStatus.CONFLICT,
				"tendering.award.notPublicizing");
	}

	// ---- helpers -----------------------------------------------------------------------------------------------

	private ResultActions upload(TestActor actor, String name, byte[] content) throws Exception {
		return upload(actor, name, content, AwardScenario.CONTRACT_SUMMARY);
	}

	private ResultActions upload(TestActor actor, String name, byte[] content, String summary)
			throws Exception {
		String boundary = TenderingTests.BOUNDARY;
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"summary\"\r\n\r\n"
				+ summary + "\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return mvc.perform(post("/tenders/sections/{id}/contract", s.section.id()).with(csrf().asHeader()).with(as(actor))
			.contentType("multipart/form-data; boundary=" + boundary).content(body.toByteArray()))
			.andExpect(status().is3xxRedirection());
	}

	private static RequestPostProcessor as(TestActor actor) {
		return authentication(actor.authentication());
	}

	private PublicRecord publicRecord(UUID id) {
		AwardScenario.await(() -> portal.record(id).isPresent(), "the portal to index notice " + id);
		return portal.record(id).orElseThrow();
	}

	private long notifications(String key) {
		return s.count("select count(*) from tendering.notifications where section_id = ? and message_key = ?",
				s.section.id().value(), key);
	}

	private long audited(String action, String reason) {
		return s.count("select count(*) from audit.entries where action = ? and target = ? and payload::text like ?",
				action, "section:" + s.section.id(), "%" + reason + "%");
	}

	private static void assertRefused(TestActor actor, Runnable call, HttpStatus status, String key) {
		Refusal refusal = catchThrowableOfType(Refusal.class, () -> actor.run(call));
		assertThat(refusal).as("refused with " + key).isNotNull();
		assertThat(refusal.messageKey()).isEqualTo(key);
		assertThat(refusal.status()).isEqualTo(status);
	}

	private static void assertRefused(TestActor actor, Supplier0 call, HttpStatus status, String key) {
		assertRefused(actor, (Runnable) call::get, status, key);
	}

	@FunctionalInterface
	interface Supplier0 {

		Object get();
	}

	static final class Deposits {

		private final ApplicationContext context;

		private final AwardScenario s;

		private final String token;

		private final Map<EntityId, String> accounts = new HashMap<>();

		Deposits(ApplicationContext context, AwardScenario s) {
			this.context = context;
			this.s = s;
			var management = context.getBean(AccountManagement.class);
			String bank = "settle." + s.run;
			var client = TestActor.admin().call(() -> management.create(new NewAccount(bank,
					"结算银行 " + s.run, AccountKind.MACHINE, Set.of(Role.API_CLIENT),
					null, false, Set.of(), null)));
			token = TestActor.admin().call(() -> management.issueToken(client.id(), "award test", 30)).secret();
			TestActor.cityStaff().run(() -> context.getBean(CashDeposits.class).registerBank(bank, "演示结算银行"));
		}

		void pay(EntityView bidder) throws Exception {
			var login = context.getBean(AuthenticationProvider.class);
			String user = s.bidder(bidder).actor().username();
			var account = TestActor.signedIn(login, user, AwardScenario.PASSWORD,
					() -> context.getBean(CashDeposits.class).openAccount(s.section.tradeCode().value()));
			accounts.put(bidder.id(), account.accountNumber());
			String body = """
					{"accountNumber":"%s","amount":20000.00,"payerAccount":"6222000011112222","payerName":"%s",
					 "paidAt":"%s","bankReference":"AW-%s"}""".formatted(account.accountNumber(), bidder.name(),
					context.getBean(java.time.Clock.class).instant().minusSeconds(60), UUID.randomUUID());
			context.getBean(MockMvc.class).perform(post("/api/guarantees/bank/arrivals").header("Authorization", "Bearer " + token)
				.header("Idempotency-Key", UUID.randomUUID().toString())
				.contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isCreated());
		}

		String account(EntityView bidder) {
			return accounts.get(bidder.id());
		}
	}
}
