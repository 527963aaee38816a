package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.guarantee.BidSecurity;
import org.yiwang.guarantee.RequirementView;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.registry.CreditKind;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.NewCreditRecord;
import org.yiwang.registry.NewQualification;
import org.yiwang.registry.Registration;
import org.yiwang.system.RegionScopes;

import com.jayway.jsonpath.JsonPath;

/**
 * Tendering end to end on PostgreSQL through the JSON API and the pages: an agency with the tenderer's mandate
 * registers a tender, the district's staff check it, the agency uploads documents (streamed, hashed) and drafts the
 * notice, staff publish it (signed by the platform, checked here with OpenSSL; bid security set); bidders register,
 * download (recorded), ask anonymously and object; clarifications move the deadline and reach every downloader. Bad
 * input is refused with its reason, audited, and leaves nothing behind; another district sees nothing.
 */
@PlatformTest
class TenderingTests {

	private static final String PASSWORD = "Tendering-pass-2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	EntityRegistry registry;

	@Autowired
	TenderDesk desk;

	@Autowired
	org.yiwang.catalog.Catalog catalog;

	@Autowired
	BidSecurity bidSecurity;

	@Autowired
	PlatformKeys platformKeys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Blobs blobs;

	@Autowired
	Clock clock;

	@TempDir
	Path dir;

	String run;

	EntityView tenderer;

	EntityView agency;

	EntityView bidder;

	@BeforeEach
	void a_tenderer_an_agency_it_mandated_and_a_bidder() throws Exception {
		run = UUID.randomUUID().toString().substring(0, 8);
		tenderer = approved("tdr", EntityRole.TENDERER);
		agency = approved("agy", EntityRole.AGENCY);
		bidder = approved("bdr", EntityRole.BIDDER);
		mvc.perform(post("/api/tendering/mandates").with(as("tdr", Role.TENDERER)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyCreditCode\":\"" + agency.creditCode() + "\",\"scope\":\"全部\"}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.agencyName").value(agency.name()));
	}

	// ---- the whole path, as the Done-when describes it up to the bids --------------------------------------

	@Test
	void an_agency_registers_staff_check_and_publish_and_the_signed_notice_verifies_with_openssl() throws Exception {
		String id = registerSection("80000.00", "");
		String section = mvc.perform(get("/api/tendering/sections/" + id).with(as("agy", Role.AGENCY)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.section.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.section.tradeCode", matchesPattern("CQ-500103-\\d{4}-\\d{6}")))
			.andExpect(jsonPath("$.section.templateVersion").isNumber())
			.andExpect(jsonPath("$.section.agencyName").value(agency.name()))
			.andReturn().getResponse().getContentAsString();
		String tradeCode = JsonPath.read(section, "$.section.tradeCode");

		// another district's staff do not see it at all
		mvc.perform(get("/api/tendering/sections/" + id).with(staff(TestActor.WANZHOU))).andExpect(status().isNotFound());
		mvc.perform(post("/api/tendering/sections/" + id + "/approval").with(staff(TestActor.WANZHOU))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\":0}")).andExpect(status().isNotFound());
		mvc.perform(get("/tenders/sections/" + id).with(staff(TestActor.WANZHOU))).andExpect(status().isNotFound());
		Long seenByWanzhou = RegionScopes.callIn(RegionScope.of(RegionCode.of(TestActor.WANZHOU)),
				() -> transactions.execute(s -> jdbc.sql("select count(*) from tendering.sections where id = ?")
					.param(UUID.fromString(id)).query(Long.class).single()));
		assertThat(seenByWanzhou).as("row-level security, raw SQL").isZero();

		approve(id);
		byte[] document = "招标文件正文 tender documents".repeat(5000).getBytes(StandardCharsets.UTF_8);
		mvc.perform(upload(id, "招标文件.pdf", document).with(as("agy", Role.AGENCY)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.sha256").value(hex("SHA-256", document)))
			.andExpect(jsonPath("$.sm3").value(sm3(document)))
			.andExpect(jsonPath("$.size").value(document.length))
			.andExpect(jsonPath("$.fileName").value("招标文件.pdf"));

		Instant now = clock.instant();
		mvc.perform(notice(id, now, now.plus(Duration.ofDays(6)), now.plus(Duration.ofDays(19))).with(as("agy", Role.AGENCY)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("不得少于 20 日")));
		mvc.perform(notice(id, now, now.plus(Duration.ofDays(6)), now.plus(Duration.ofDays(19))).with(as("agy", Role.AGENCY))
			.header("Accept-Language", "en")).andExpect(jsonPath("$.detail").value(containsString("At least 20 days")));
		assertThat(audited("tendering.notice.refused", "section:" + id)).isPositive();
		Instant deadline = now.plus(Duration.ofDays(21));
		// whether consortia may bid (是否允许联合体投标) must be said: the notice and the national uplink state it
		mvc.perform(post("/api/tendering/sections/" + id + "/notice").contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title":"道路工程施工招标公告","body":"正文","documentsFrom":"%s","documentsUntil":"%s","bidDeadline":"%s"}"""
				.formatted(now, now.plus(Duration.ofDays(6)), deadline)).with(as("agy", Role.AGENCY)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("consortiumAllowed"))
			.andExpect(jsonPath("$.errors[0].message").value("请选择是否允许联合体投标。"));
		mvc.perform(post("/api/tendering/sections/" + id + "/notice").contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title":"道路工程施工招标公告","body":"正文","documentsFrom":"%s","documentsUntil":"%s","bidDeadline":"%s",
					 "consortiumAllowed":"perhaps"}""".formatted(now, now.plus(Duration.ofDays(6)), deadline))
			.with(as("agy", Role.AGENCY))).andExpect(status().isBadRequest());
		// documents go out only as signed by the tenderer or its agency (issue 17, item 16): refused, naming the document
		mvc.perform(notice(id, now, now.plus(Duration.ofDays(6)), deadline).with(as("agy", Role.AGENCY)))
			.andExpect(status().isConflict())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.detail").value("以下招标文件尚未签名：招标文件.pdf。请先用绑定到本单位的证书逐一签名，再提交公告。"));
		mvc.perform(notice(id, now, now.plus(Duration.ofDays(6)), deadline).with(as("agy", Role.AGENCY))
			.header("Accept-Language", "en"))
			.andExpect(jsonPath("$.detail").value(containsString("These tender documents are not signed yet: 招标文件.pdf")));
		DocumentSigner.signAll(context, agencyActor(), SectionId.of(id));
		mvc.perform(notice(id, now, now.plus(Duration.ofDays(6)), deadline).with(as("agy", Role.AGENCY)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("NOTICE_SUBMITTED"));

		long version = version(id);
		String published = mvc.perform(post("/api/tendering/sections/" + id + "/publication").with(staff(TestActor.YUZHONG))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + "}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andReturn().getResponse().getContentAsString();
		String signed = JsonPath.read(published, "$.signedContent");
		String signature = JsonPath.read(published, "$.signature");
		assertThat(signed).startsWith("YIWANG-NOTICE-V1\n").contains("tradeCode=" + tradeCode, "type=TENDER",
				"tenderer=" + tenderer.name() + " " + tenderer.creditCode(), "agency=" + agency.name());
		verifiesWithOpenssl(signed, signature);
		assertThat(audited("tendering.notice.published", "notice:")).isPositive();

		RequirementView requirement = TestActor.districtStaff(TestActor.YUZHONG)
			.call(() -> bidSecurity.requirement(tradeCode));
		assertThat(requirement.amount().toString()).isEqualTo("80000.00");
		assertThat(requirement.beneficiary()).isEqualTo(tenderer.id());
		assertThat(requirement.bidValidityEnd()).isAfter(LocalDate.now(clock.withZone(ProcedureClock.CHINA)).plusDays(21));

		// a bidder finds it, registers, downloads (recorded), asks anonymously; the answer reaches every bidder
		mvc.perform(get("/api/tendering/sections").with(as("bdr", Role.BIDDER)))
			.andExpect(jsonPath("$[?(@.id == '%s')].status", id).value("PUBLISHED"));
		String documentId = JsonPath.read(mvc.perform(get("/api/tendering/sections/" + id).with(as("bdr", Role.BIDDER)))
			.andReturn().getResponse().getContentAsString(), "$.documents[0].id");
		mvc.perform(get("/api/tendering/documents/" + documentId).with(as("bdr", Role.BIDDER)))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("请先报名")));
		mvc.perform(post("/api/tendering/sections/" + id + "/interest").with(as("bdr", Role.BIDDER)))
			.andExpect(status().isOk());
		byte[] downloaded = mvc.perform(get("/api/tendering/documents/" + documentId).with(as("bdr", Role.BIDDER)))
			.andExpect(status().isOk()).andExpect(header().string("X-Content-SHA256", hex("SHA-256", document)))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(downloaded).isEqualTo(document);
		mvc.perform(post("/api/tendering/sections/" + id + "/questions").with(as("bdr", Role.BIDDER))
			.contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"工期是否可以调整？\"}"))
			.andExpect(status().isCreated());
		String dossier = mvc.perform(get("/api/tendering/sections/" + id).with(as("agy", Role.AGENCY)))
			.andExpect(jsonPath("$.interests[0].bidderName").value(bidder.name()))
			.andExpect(jsonPath("$.interests[0].downloads").value(1))
			.andExpect(jsonPath("$.questions[0].text").value("工期是否可以调整？"))
			.andReturn().getResponse().getContentAsString();
		String questions = JsonPath.parse(dossier).read("$.questions").toString();
		assertThat(questions).as("the asker stays anonymous").doesNotContain(bidder.name(), bidder.id().toString(),
				bidder.creditCode());
		String questionId = JsonPath.read(dossier, "$.questions[0].id");
		mvc.perform(post("/api/tendering/questions/" + questionId + "/answer").with(as("agy", Role.AGENCY))
			.contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"工期不可调整。\"}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.affectsBids").value(false));
		mvc.perform(get("/api/tendering/sections/" + id).with(as("bdr", Role.BIDDER)))
			.andExpect(jsonPath("$.questions[0].answer").value("工期不可调整。"))
			.andExpect(jsonPath("$.clarifications[0].text").value(containsString("工期不可调整。")))
			.andExpect(jsonPath("$.interests").isEmpty());
		mvc.perform(get("/api/tendering/notifications").with(as("bdr", Role.BIDDER)))
			.andExpect(jsonPath("$[0].messageKey").value("tendering.notification.clarified"));

		// the pages of each role, in both languages, with no missing message
		for (RequestPostProcessor who : List.of(as("agy", Role.AGENCY), as("tdr", Role.TENDERER), as("bdr", Role.BIDDER),
				staff(TestActor.YUZHONG))) {
			for (String page : List.of("/tenders", "/tenders/sections/" + id)) {
				for (String language : List.of("zh_CN", "en")) {
					mvc.perform(get(page).param("lang", language).with(who)).andExpect(status().isOk())
						.andExpect(content().string(not(containsString("??"))))
						.andExpect(content().string(containsString(tradeCode)));
				}
			}
		}
		mvc.perform(get("/tenders/new").param("lang", "en").with(as("agy", Role.AGENCY))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("??")))).andExpect(content().string(containsString(tenderer.name())));
	}

	// ---- clarifications, amendments and objections, with the clock moved close to the deadline ---------------------

	@Test
	void an_amendment_within_fifteen_days_moves_the_deadline_and_every_downloader_is_told() throws Exception {
		String id = publishedSection();
		downloadAsBidder(id);
		Instant deadline = moveDeadlineTo(id, clock.instant().plus(Duration.ofDays(5)));
		mvc.perform(post("/api/tendering/sections/" + id + "/clarifications").with(as("agy", Role.AGENCY))
			.contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"工程量清单第 3 项修改。\",\"affectsBids\":true}"))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.affectsBids").value(true));
		Instant moved = section(id).bidDeadline();
		assertThat(moved).isAfter(deadline).isAfterOrEqualTo(clock.instant().plus(Duration.ofDays(15)).minusSeconds(60));
		mvc.perform(get("/api/tendering/notifications").with(as("bdr", Role.BIDDER)))
			.andExpect(jsonPath("$[0].messageKey").value("tendering.notification.deadlineMoved"))
			.andExpect(jsonPath("$[0].argument").value(section(id).tradeCode().value()));
		mvc.perform(get("/api/tendering/sections/" + id).with(as("agy", Role.AGENCY)))
			.andExpect(jsonPath("$.deadlineChanges[-1].reason").value("amendment"));
		// a clarification that does not affect bids leaves the deadline alone
		mvc.perform(post("/api/tendering/sections/" + id + "/clarifications").with(as("agy", Role.AGENCY))
			.contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"开标地点说明。\"}"))
			.andExpect(status().isCreated());
		assertThat(section(id).bidDeadline()).isEqualTo(moved);
		assertThat(audited("tendering.clarification.issued", "section:" + id)).isEqualTo(2);
	}

	@Test
	void an_objection_pauses_the_procedure_until_answered_and_a_late_one_is_refused_and_audited() throws Exception {
		String id = publishedSection();
		downloadAsBidder(id);
		Instant deadline = moveDeadlineTo(id, clock.instant().plus(Duration.ofDays(12)));
		mvc.perform(post("/api/tendering/sections/" + id + "/objections").with(as("bdr", Role.BIDDER))
			.contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"资格条件排斥潜在投标人。\"}"))
			.andExpect(status().isCreated());
		assertThat(section(id).paused()).isTrue();
		mvc.perform(get("/api/tendering/sections/" + id).with(as("bdr", Role.BIDDER)))
			.andExpect(jsonPath("$.acceptingBids").value(false))
			.andExpect(jsonPath("$.objections[0].objectorName").value(bidder.name()));
		String objection = JsonPath.read(mvc.perform(get("/api/tendering/sections/" + id).with(as("agy", Role.AGENCY)))
			.andReturn().getResponse().getContentAsString(), "$.objections[0].id");
		Thread.sleep(20);
		mvc.perform(post("/api/tendering/objections/" + objection + "/answer").with(as("agy", Role.AGENCY))
			.contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"资格条件符合规定。\"}"))
			.andExpect(status().isOk());
		SectionView resumed = section(id);
		assertThat(resumed.paused()).isFalse();
		assertThat(resumed.bidDeadline()).as("moved on by the pause").isAfter(deadline);
		mvc.perform(get("/api/tendering/sections/" + id).with(as("bdr", Role.BIDDER)))
			.andExpect(jsonPath("$.acceptingBids").value(true));

		moveDeadlineTo(id, clock.instant().plus(Duration.ofDays(9)));
		mvc.perform(post("/api/tendering/sections/" + id + "/objections").with(as("bdr", Role.BIDDER))
			.contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"太迟的异议。\"}"))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("10 日前")));
		assertThat(section(id).paused()).isFalse();
		assertThat(audited("tendering.objection.refused", "section:" + id)).isEqualTo(1);
		assertThat(count("select count(*) from tendering.objections where section_id = ?", id)).isEqualTo(1);
	}

	// ---- bad input ---------------------------------------------------------------------------------------------

	@Test
	void bad_sections_are_refused_with_their_reason_and_nothing_is_recorded() throws Exception {
		long before = count("select count(*) from tendering.sections", null);
		refuseTender(tender("80000.01", "500103", "ENG_BUILDING", tenderer.creditCode()), 400, "不得超过估算价的 2%");
		refuseTender(tender("800.001", "500103", "ENG_BUILDING", tenderer.creditCode()), 400, "超过两位小数");
		refuseTender(tender("80000.00", "500103", "LAND_STATE", tenderer.creditCode()), 400, "不走招标或采购程序");
		refuseTender(tender("80000.00", "999999", "ENG_BUILDING", tenderer.creditCode()), 400, "有效的交易区域");
		refuseTender(tender("80000.00", "500103", "ENG_BUILDING", ""), 400, "委托人");
		EntityView stranger = approved("tdr2", EntityRole.TENDERER);
		refuseTender(tender("80000.00", "500103", "ENG_BUILDING", stranger.creditCode()), 400, "尚未委托贵机构");
		assertThat(count("select count(*) from tendering.sections", null)).isEqualTo(before);
		assertThat(audited("tendering.section.refused", "tender:")).isPositive();
		// a bidder cannot register tenders at all
		mvc.perform(post("/api/tendering/tenders").with(as("bdr", Role.BIDDER)).contentType(MediaType.APPLICATION_JSON)
			.content(tender("1.00", "500103", "ENG_BUILDING", ""))).andExpect(status().isForbidden());
		// the notice needs documents first
		String id = registerSection("1000.00", "");
		approve(id);
		Instant now = clock.instant();
		mvc.perform(notice(id, now, now.plus(Duration.ofDays(6)), now.plus(Duration.ofDays(21))).with(as("agy", Role.AGENCY)))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("请先上传招标文件")));
	}

	@Test
	void the_projects_facts_are_asked_at_registration_and_bad_ones_are_refused_field_by_field() throws Exception {
		long before = count("select count(*) from tendering.tender_projects", null);
		// the API: no facts at all, and each fact that breaks its annotation, named by its path
		mvc.perform(post("/api/tendering/tenders").with(as("agy", Role.AGENCY)).contentType(MediaType.APPLICATION_JSON)
			.content(tender("1.00", "500103", "ENG_BUILDING", tenderer.creditCode()).replace(",\"facts\":" + ExampleFacts.JSON, "")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("facts"));
		String[][] annotated = { { "address", "\"\"", "项目地址" }, { "address", "\"" + "路".repeat(201) + "\"", "项目地址" },
				{ "legalPerson", "null", "项目法人" }, { "scale", "\"大\"", "项目规模" },
				{ "approvalDocument", "\" \"", "审批" }, { "mustTender", "null", "依法必须招标" },
				{ "scope", "\"施工\"", "10 至 2000" }, { "supervisor", "\"\"", "监督部门" }, { "approver", "\"\"", "审核部门" },
				{ "fundingRemark", "\"" + "资".repeat(201) + "\"", "200 个字" } };
		for (String[] bad : annotated) {
			mvc.perform(post("/api/tendering/tenders").with(as("agy", Role.AGENCY)).contentType(MediaType.APPLICATION_JSON)
				.content(tenderWithFact(bad[0], bad[1])))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("facts." + bad[0]))
				.andExpect(jsonPath("$.errors[0].message").value(containsString(bad[2])));
		}
		// codes outside their lists, and text the annotations let through: the desk's own checks, audited
		String[][] refused = { { "industry", "\"Z\"", "industry", "GB/T 4754-2017" },
				{ "industry", "\"e \"", "industry", "GB/T 4754-2017" }, { "fundingSource", "\"GOLD\"", "fundingSource", "资金来源" },
				{ "tenderType", "\"LAND\"", "tenderType", "工程、货物或服务" },
				{ "address", "\"解放碑\\u0000路\"", "projectAddress", "项目地址" },
				{ "scope", "\"  一二三四五六七八九  \"", "tenderScope", "10 至 2000" } };
		for (String[] bad : refused) {
			mvc.perform(post("/api/tendering/tenders").with(as("agy", Role.AGENCY)).contentType(MediaType.APPLICATION_JSON)
				.content(tenderWithFact(bad[0], bad[1])))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(bad[2]))
				.andExpect(jsonPath("$.errors[0].message").value(containsString(bad[3])));
		}
		mvc.perform(post("/api/tendering/tenders").with(as("agy", Role.AGENCY)).contentType(MediaType.APPLICATION_JSON)
			.param("lang", "en").content(tenderWithFact("tenderType", "\"LAND\"")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(containsString("works, goods or services")));
		assertThat(count("select count(*) from tendering.tender_projects", null)).as("nothing half-recorded").isEqualTo(before);
		assertThat(audited("tendering.section.refused", "tender:")).isPositive();

		// the page form: a refused fact is explained and every fact typed is kept for the correction
		var refusedForm = mvc.perform(tenderForm("maybe"))
			.andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/tenders/new"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("refused", "tendering.facts.mustTender"))
			.andReturn();
		assertThat(count("select count(*) from tendering.tender_projects", null)).isEqualTo(before);
		for (String language : List.of("zh_CN", "en")) {
			mvc.perform(get("/tenders/new").param("lang", language).with(as("agy", Role.AGENCY))
				.flashAttrs(refusedForm.getFlashMap()))
				.andExpect(status().isOk()).andExpect(content().string(not(containsString("??"))))
				.andExpect(content().string(containsString("value=\"重庆市渝中区示范路 1 号\"")))
				.andExpect(content().string(containsString("道路改造工程施工，一个标段</textarea>")))
				.andExpect(content().string(containsString(language.equals("en") ? "Tendering Law, Art. 3" : "《招标投标法》第三条")));
		}
		// and with every fact given, the project gets its own code beside the tender project's
		mvc.perform(tenderForm("true"))
			.andExpect(status().is3xxRedirection()).andExpect(header().string("Location", matchesPattern("/tenders/sections/.+")));
		List<String> codes = RegionScopes.callAsPlatform(() -> transactions.execute(t -> jdbc.sql("""
				select project_code || ' ' || code || ' ' || industry || ' ' || funding_source || ' ' || must_tender
				from tendering.tender_projects where project_name = ?""").param("页面项目" + run).query(String.class).list()));
		assertThat(codes).singleElement().asString().matches("CQ-500103-\\d{4}-XM\\d{4} CQ-500103-\\d{4}-ZB\\d{4} E FISCAL true");
	}

	@Test
	void a_project_the_law_requires_to_be_tendered_cannot_be_registered_in_a_category_run_by_negotiation() throws Exception {
		// the city's staff run military procurement by competitive negotiation (a category no other test uses)
		org.yiwang.kernel.CategoryCode military = org.yiwang.kernel.CategoryCode.of("MILITARY_PROCUREMENT");
		TestActor.cityStaff().run(() -> {
			org.yiwang.catalog.ProcedureTemplate v = catalog.currentTemplate(military);
			if (v.procedure() != org.yiwang.catalog.Procedure.COMPETITIVE_NEGOTIATION) {
				catalog.reviseTemplate(military, new org.yiwang.catalog.TemplateRevision(
						org.yiwang.catalog.Procedure.COMPETITIVE_NEGOTIATION, v.bidPeriodDays(), v.documentAvailabilityDays(),
						v.amendmentNoticeDays(), v.objectionDeadlineDays(), v.objectionAnswerDays(), v.candidatePublicityDays(),
						v.decryptionWindowMinutes(), v.listingPeriodDays(), v.listingInWorkingDays(), v.countdownMinutes(),
						v.minBids(), v.prequalification(), v.auction(), v.evaluationMethod(), v.securityMaxPercent(),
						"军队采购改为竞争性谈判", v.version(), v.backupDecryption()));
			}
		});
		long before = count("select count(*) from tendering.tender_projects", null);
		refuseTender(tender("0", "500103", "MILITARY_PROCUREMENT", tenderer.creditCode()), 400, "依法必须招标的项目应当招标");
		assertThat(count("select count(*) from tendering.tender_projects", null)).isEqualTo(before);
		// the same project stated as not required by law may be registered there
		mvc.perform(post("/api/tendering/tenders").with(as("agy", Role.AGENCY)).contentType(MediaType.APPLICATION_JSON)
			.content(tender("0", "500103", "MILITARY_PROCUREMENT", tenderer.creditCode())
				.replace("\"mustTender\":true", "\"mustTender\":false")))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.procedure").value("COMPETITIVE_NEGOTIATION"));
	}

	/** The registration page's form with every field filled and {@code mustTender} as given. */
	private MockHttpServletRequestBuilder tenderForm(String mustTender) {
		return post("/tenders").with(as("agy", Role.AGENCY)).with(csrf()).param("projectName", "页面项目" + run)
			.param("tenderProjectName", "页面招标" + run).param("tendererCreditCode", tenderer.creditCode())
			.param("sectionName", "一标段").param("region", "500103").param("category", "ENG_BUILDING")
			.param("estimatedPrice", "1000000").param("bidSecurity", "0").param("bidValidityDays", "90")
			.param("projectAddress", "重庆市渝中区示范路 1 号").param("legalPerson", "示范建设管理中心").param("industry", "E")
			.param("fundingSource", "FISCAL").param("projectScale", "道路 1 公里").param("approvalDocument", "可研批复")
			.param("mustTender", mustTender).param("tenderType", "WORKS").param("tenderScope", "道路改造工程施工，一个标段")
			.param("supervisor", "渝中区住建委").param("approver", "渝中区发改委");
	}

	/** A tender whose facts say {@code value} (JSON) for {@code fact}. */
	private String tenderWithFact(String fact, String value) {
		String facts = ExampleFacts.JSON.replaceFirst("\"" + fact + "\":(\"[^\"]*\"|true|false|null)", "\"" + fact + "\":"
				+ java.util.regex.Matcher.quoteReplacement(value));
		assertThat(facts).as(fact).isNotEqualTo(ExampleFacts.JSON);
		return tender("1.00", "500103", "ENG_BUILDING", tenderer.creditCode()).replace(ExampleFacts.JSON, facts);
	}

	@Test
	void a_truncated_or_empty_upload_is_refused_and_leaves_neither_row_nor_file() throws Exception {
		String id = registerSection("1000.00", "");
		approve(id);
		long temporary = temporaryFiles();
		byte[] body = multipart("file", "a.pdf", "x".repeat(100_000).getBytes(StandardCharsets.UTF_8));
		byte[] truncated = java.util.Arrays.copyOf(body, body.length - 2_000);
		mvc.perform(post("/api/tendering/sections/" + id + "/documents").with(as("agy", Role.AGENCY))
			.contentType("multipart/form-data; boundary=" + BOUNDARY).content(truncated))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("不完整")));
		mvc.perform(post("/api/tendering/sections/" + id + "/documents").with(as("agy", Role.AGENCY))
			.contentType("multipart/form-data; boundary=" + BOUNDARY).content(multipart("file", "a.pdf", new byte[0])))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("非空文件")));
		mvc.perform(post("/api/tendering/sections/" + id + "/documents").with(as("agy", Role.AGENCY))
			.contentType("multipart/form-data; boundary=" + BOUNDARY).content(multipart("other", "a.pdf", new byte[10])))
			.andExpect(status().isBadRequest());
		assertThat(count("select count(*) from tendering.documents where section_id = ?", id)).isZero();
		assertThat(temporaryFiles()).isEqualTo(temporary);
		assertThat(audited("tendering.document.refused", "section:" + id)).isGreaterThanOrEqualTo(2);
		// the page form takes the same stream, its CSRF token in the URL
		mvc.perform(post("/tenders/sections/" + id + "/documents").queryParam("_csrf", "wrong").with(as("agy", Role.AGENCY))
			.contentType("multipart/form-data; boundary=" + BOUNDARY).content(multipart("file", "b.txt", new byte[] { 1 })))
			.andExpect(status().isForbidden());
		assertThat(count("select count(*) from tendering.documents where section_id = ?", id)).isZero();
	}

	@Test
	void a_blacklisted_or_unqualified_bidder_cannot_register_for_a_section() throws Exception {
		String id = publishedSectionRequiring("建筑工程施工总承包");
		mvc.perform(post("/api/tendering/sections/" + id + "/interest").with(as("bdr", Role.BIDDER)))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("建筑工程施工总承包")));
		LocalDate today = LocalDate.now(clock.withZone(ProcedureClock.CHINA));
		TestActor.of("bdr." + run, Role.BIDDER, TestActor.CITY, false).run(() -> registry.addQualification(
				new NewQualification("建筑工程施工总承包", "一级", "D1500" + run, "重庆市住房和城乡建设委员会", today.minusYears(1),
						today.plusYears(1))));
		EntityView barred = approved("bar", EntityRole.BIDDER);
		TestActor.cityStaff().run(() -> registry.recordCredit(barred.id(), new NewCreditRecord(CreditKind.BLACKLIST,
				"串通投标", "行政处罚决定书", Set.of("500103"), Set.of(), today.minusDays(1), today.plusYears(1))));
		TestActor.of("bar." + run, Role.BIDDER, TestActor.CITY, false).run(() -> registry.addQualification(
				new NewQualification("建筑工程施工总承包", "一级", "D1501" + run, "重庆市住房和城乡建设委员会", today.minusYears(1),
						today.plusYears(1))));
		mvc.perform(post("/api/tendering/sections/" + id + "/interest").with(as("bar", Role.BIDDER)))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("黑名单")));
		mvc.perform(post("/api/tendering/sections/" + id + "/interest").with(as("bdr", Role.BIDDER)))
			.andExpect(status().isOk());
		assertThat(count("select count(*) from tendering.interests where section_id = ?", id)).isEqualTo(1);
		assertThat(audited("tendering.interest.refused", "section:" + id)).isEqualTo(2);
	}

	@Test
	void with_demo_data_one_published_demo_tender_in_yuzhong_has_its_deadline_ahead() throws Exception {
		SectionView demo = RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc
			.sql("select s.id from tendering.sections s join tendering.tender_projects p on p.id = s.tender_project_id "
					+ "where p.created_by = 'demo.agency' and s.status = 'PUBLISHED' order by s.published_at desc limit 1")
			.query(UUID.class).optional()))
			.map(sid -> section(sid.toString())).orElseThrow();
		assertThat(demo.region().value()).isEqualTo("500103");
		assertThat(demo.bidDeadline()).isAfter(clock.instant().plus(Duration.ofDays(2)));
		mvc.perform(get("/tenders").with(as("bdr", Role.BIDDER))).andExpect(content().string(containsString(
				demo.tradeCode().value())));
	}

	// ---- helpers -----------------------------------------------------------------------------------------------

	static final String BOUNDARY = "yiwangBoundary7MA4YWxkTrZu0gW";

	private EntityView approved(String prefix, EntityRole role) {
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, prefix + "公司" + run,
				TestActor.creditCode("500103"), null, "张三", "李四", "023-12345678", "contact@example.cn", "重庆市渝中区", "150", TestActor.YUZHONG,
				Set.of(role), prefix + "." + run, PASSWORD));
		return TestActor.cityStaff().call(() -> registry.approve(registered.id(), registered.version()));
	}

	private TestActor agencyActor() {
		return TestActor.of("agy." + run, Role.AGENCY, TestActor.CITY, false);
	}

	private RequestPostProcessor as(String prefix, Role role) {
		return authentication(TestActor.of(prefix + "." + run, role, TestActor.CITY, false).authentication());
	}

	private static RequestPostProcessor staff(String district) {
		return authentication(TestActor.districtStaff(district).authentication());
	}

	private String tender(String security, String region, String category, String tendererCode) {
		return """
				{"projectName":"道路工程%s","tenderProjectName":"道路工程施工招标%s","tendererCreditCode":"%s",
				 "section":{"name":"一标段","region":"%s","category":"%s","estimatedPrice":4000000.00,
				 "bidSecurity":%s,"bidValidityDays":90,"qualifications":[%s]},"facts":%s}"""
			.formatted(run, run, tendererCode, region, category, security, "", ExampleFacts.JSON);
	}

	private void refuseTender(String body, int status, String reason) throws Exception {
		mvc.perform(post("/api/tendering/tenders").with(as("agy", Role.AGENCY)).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().is(status)).andExpect(jsonPath("$.detail").value(containsString(reason)));
	}

	private String registerSection(String security, String qualifications) throws Exception {
		String body = tender(security, "500103", "ENG_BUILDING", tenderer.creditCode()).replace("\"qualifications\":[]",
				"\"qualifications\":[" + qualifications + "]");
		return JsonPath.read(mvc.perform(post("/api/tendering/tenders").with(as("agy", Role.AGENCY))
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.id");
	}

	private void approve(String id) throws Exception {
		mvc.perform(post("/api/tendering/sections/" + id + "/approval").with(staff(TestActor.YUZHONG))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version(id) + "}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REGISTERED"));
	}

	private String publishedSection() throws Exception {
		return publishedSectionRequiring("");
	}

	private String publishedSectionRequiring(String qualification) throws Exception {
		String id = registerSection("20000.00", qualification.isEmpty() ? "" : "\"" + qualification + "\"");
		approve(id);
		mvc.perform(upload(id, "文件.txt", "招标文件".getBytes(StandardCharsets.UTF_8)).with(as("agy", Role.AGENCY)))
			.andExpect(status().isCreated());
		DocumentSigner.signAll(context, agencyActor(), SectionId.of(id));
		Instant now = clock.instant();
		mvc.perform(notice(id, now, now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(25))).with(as("agy", Role.AGENCY)))
			.andExpect(status().isOk());
		mvc.perform(post("/api/tendering/sections/" + id + "/publication").with(staff(TestActor.YUZHONG))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version(id) + "}"))
			.andExpect(status().isOk());
		return id;
	}

	private void downloadAsBidder(String id) throws Exception {
		mvc.perform(post("/api/tendering/sections/" + id + "/interest").with(as("bdr", Role.BIDDER)))
			.andExpect(status().isOk());
		String documentId = JsonPath.read(mvc.perform(get("/api/tendering/sections/" + id).with(as("bdr", Role.BIDDER)))
			.andReturn().getResponse().getContentAsString(), "$.documents[0].id");
		mvc.perform(get("/api/tendering/documents/" + documentId).with(as("bdr", Role.BIDDER))).andExpect(status().isOk());
	}

	/** Stands in for time passing: the procedure's deadline is now this close (the database refuses moving it back). */
	private Instant moveDeadlineTo(String id, Instant deadline) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> jdbc
			.sql("update tendering.sections set bid_deadline = ?, documents_until = least(documents_until, ?) where id = ?")
			.params(java.sql.Timestamp.from(deadline), java.sql.Timestamp.from(deadline), UUID.fromString(id)).update()));
		return deadline;
	}

	private MockHttpServletRequestBuilder notice(String id, Instant from, Instant until, Instant deadline) {
		return post("/api/tendering/sections/" + id + "/notice").contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title":"道路工程施工招标公告","body":"一、招标条件……\\n二、招标范围……","documentsFrom":"%s",
					 "documentsUntil":"%s","bidDeadline":"%s","consortiumAllowed":true}""".formatted(from, until, deadline));
	}

	private MockHttpServletRequestBuilder upload(String id, String name, byte[] content) {
		return post("/api/tendering/sections/" + id + "/documents")
			.contentType("multipart/form-data; boundary=" + BOUNDARY).content(multipart("file", name, content));
	}

	static byte[] multipart(String field, String fileName, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	private long version(String id) {
		return section(id).version();
	}

	private SectionView section(String id) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc
			.sql("select s.*, p.project_name, p.name as tender_project_name, p.tenderer_id, p.tenderer_name, "
					+ "p.tenderer_credit_code, p.agency_id, p.agency_name from tendering.sections s "
					+ "join tendering.tender_projects p on p.id = s.tender_project_id where s.id = ?")
			.param(UUID.fromString(id)).query(Sections::view).single()));
	}

	private long count(String sql, String id) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> id == null
				? jdbc.sql(sql).query(Long.class).single()
				: jdbc.sql(sql).param(UUID.fromString(id)).query(Long.class).single()));
	}

	private long audited(String action, String targetPrefix) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc
			.sql("select count(*) from audit.entries where action = ? and target like ?")
			.params(action, targetPrefix + "%").query(Long.class).single()));
	}

	private long temporaryFiles() throws Exception {
		Path tmp = blobs.root().resolve("tmp");
		if (!Files.isDirectory(tmp)) {
			return 0;
		}
		try (var files = Files.list(tmp)) {
			return files.count();
		}
	}

	private void verifiesWithOpenssl(String signed, String signature) throws Exception {
		boolean installed = Files.isExecutable(Path.of("/usr/bin/openssl"));
		if (System.getenv("CI") != null) {
			assertThat(installed).as(".ci/run installs openssl").isTrue();
		}
		Assumptions.assumeTrue(installed, "openssl is not installed here");
		Files.writeString(dir.resolve("notice.txt"), signed, StandardCharsets.UTF_8);
		Files.write(dir.resolve("notice.sig"), Base64.getDecoder().decode(signature));
		Files.writeString(dir.resolve("platform.pem"), platformKeys.certificatePem());
		openssl("x509", "-in", "platform.pem", "-pubkey", "-noout", "-out", "platform-pub.pem");
		assertThat(openssl("dgst", "-sm3", "-verify", "platform-pub.pem", "-sigopt", "distid:1234567812345678",
				"-signature", "notice.sig", "notice.txt")).contains("Verified OK");
		Files.writeString(dir.resolve("notice.txt"), signed.replace("type=TENDER", "type=AMENDMENT"));
		assertThat(openssl("dgst", "-sm3", "-verify", "platform-pub.pem", "-sigopt", "distid:1234567812345678",
				"-signature", "notice.sig", "notice.txt")).contains("Verification failure");
	}

	private String openssl(String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("/usr/bin/openssl"));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		process.waitFor(60, TimeUnit.SECONDS);
		return new String(output, StandardCharsets.UTF_8);
	}

	static String hex(String algorithm, byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
	}

	static String sm3(byte[] content) {
		SM3Digest digest = new SM3Digest();
		digest.update(content, 0, content.length);
		byte[] out = new byte[32];
		digest.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}
}
