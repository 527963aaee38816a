package org.yiwang.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.tendering.NoticePublished;
import org.yiwang.tendering.NoticeType;

/** The portal's pages, as the public and signed-in accounts use them, and what bad input gets. */
@PlatformTest
class PortalPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Portal portal;

	@Autowired
	ApplicationContext context;

	Publications publications;

	@BeforeEach
	void publisher() {
		publications = new Publications(context);
	}

	private NoticePublished published(String title) {
		NoticePublished notice = publications.publish(publications.notice(NoticeType.TENDER, TestActor.YUZHONG,
				"ENG_BUILDING", title, "正文：" + title, null));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> portal.search(SearchRequest.of(notice.tradeCode().value())).total() == 1);
		return notice;
	}

	/** The home a reader who is not signed in sees comes from memory, but never stale, mixed up or handed to others. */
	@Test
	void the_home_page_is_kept_for_readers_but_never_stale_nor_shown_to_people_signed_in() throws Exception {
		published("渝中区首页缓存道路招标公告一");
		String first = mvc.perform(get("/portal")).andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie")) // a reader of public pages gets no session
			.andReturn().getResponse().getContentAsString();
		assertThat(mvc.perform(get("/portal")).andReturn().getResponse().getContentAsString()).isEqualTo(first);
		NoticePublished second = published("渝中区首页缓存道路招标公告二"); // the index moved: drawn again at once
		mvc.perform(get("/portal")).andExpect(content().string(containsString(second.noticeId().toString())));
		mvc.perform(get("/portal").cookie(new jakarta.servlet.http.Cookie("yiwang-lang", "en")))
			.andExpect(content().string(containsString("Notices per region")));
		mvc.perform(get("/portal")).andExpect(content().string(not(containsString("Notices per region"))));
		mvc.perform(get("/portal").cookie(new jakarta.servlet.http.Cookie("yiwang-lang", "xx-" + UUID.randomUUID())))
			.andExpect(status().isOk());
		TestActor staff = TestActor.districtStaff(TestActor.YUZHONG);
		mvc.perform(get("/portal").with(authentication(staff.authentication())))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString(staff.displayName())));
		mvc.perform(get("/portal")).andExpect(content().string(not(containsString("name=\"_csrf\""))))
			.andExpect(content().string(not(containsString(staff.displayName()))));
	}

	/** Search pages too: kept per language and parameters, never stale, never another query's page. */
	@Test
	void search_pages_are_kept_for_readers_per_query_but_never_stale_nor_shown_to_people_signed_in() throws Exception {
		published("渝中区检索缓存桥梁招标公告一");
		String first = mvc.perform(get("/notices").param("q", "检索缓存")).andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie")).andExpect(content().string(containsString("共 1 条")))
			.andReturn().getResponse().getContentAsString();
		assertThat(mvc.perform(get("/notices").param("q", "检索缓存")).andReturn().getResponse().getContentAsString())
			.isEqualTo(first);
		// other parameters, or the same text split differently among them, are other pages
		mvc.perform(get("/notices").param("q", "检索缓存桥梁")).andExpect(content().string(containsString("共 1 条")));
		mvc.perform(get("/notices").param("q", "检索缓存").param("region", "500000"))
			.andExpect(content().string(containsString("共 0 条")));
		mvc.perform(get("/notices").param("q", "检索缓存 region=500000"))
			.andExpect(content().string(containsString("共 0 条")));
		NoticePublished second = published("渝中区检索缓存桥梁招标公告二"); // the index moved: drawn again at once
		mvc.perform(get("/notices").param("q", "检索缓存")).andExpect(content().string(containsString("共 2 条")))
			.andExpect(content().string(containsString(second.noticeId().toString())));
		mvc.perform(get("/notices").param("q", "检索缓存").cookie(new jakarta.servlet.http.Cookie("yiwang-lang", "en")))
			.andExpect(content().string(containsString("2 results")));
		mvc.perform(get("/notices").param("q", "检索缓存")).andExpect(content().string(containsString("共 2 条")));
		TestActor staff = TestActor.districtStaff(TestActor.YUZHONG);
		mvc.perform(get("/notices").param("q", "检索缓存").with(authentication(staff.authentication())))
			.andExpect(content().string(containsString("save-search-form")));
		mvc.perform(get("/notices").param("q", "检索缓存"))
			.andExpect(content().string(not(containsString("save-search-form"))))
			.andExpect(content().string(not(containsString(staff.displayName()))));
	}

	@Test
	void the_public_sees_home_search_and_record_pages_without_signing_in() throws Exception {
		NoticePublished notice = published("渝中区页面测试道路招标公告");
		mvc.perform(get("/portal")).andExpect(status().isOk())
			.andExpect(content().string(containsString("region-chart")))
			.andExpect(content().string(containsString(notice.noticeId().toString())));
		mvc.perform(get("/notices").param("q", "页面测试")).andExpect(status().isOk())
			.andExpect(content().string(containsString("<mark>页面测试</mark>")))
			.andExpect(content().string(containsString("data-facet=\"region\"")));
		mvc.perform(get("/notices/" + notice.noticeId())).andExpect(status().isOk())
			.andExpect(content().string(containsString("openssl dgst -sm3 -verify")))
			.andExpect(content().string(containsString("渝中区")));
		mvc.perform(get("/notices/" + notice.noticeId() + "/signature").header("HX-Request", "true"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("data-valid=\"true\"")))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/notices/" + UUID.randomUUID())).andExpect(status().isNotFound());
		mvc.perform(get("/notices/not-a-uuid")).andExpect(status().isBadRequest());
		mvc.perform(get("/portal").param("lang", "en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Notices per region")));
	}

	@Test
	void the_search_list_shows_a_tender_notices_estimate_never_its_bid_security_nor_zero() throws Exception {
		String marker = "估价" + UUID.randomUUID().toString().substring(0, 6);
		// as tendering published tender notices before issue 18: the bid security (here none, 0.00) as the amount
		NoticePublished tender = publications.notice(NoticeType.TENDER, "500103", "ENG_BUILDING", marker + "道路招标公告",
				"正文", "0.00");
		published(tender);
		NoticePublished secured = publications.notice(NoticeType.TENDER, "500103", "ENG_BUILDING",
				marker + "桥梁招标公告", "正文", "20000.00");
		published(secured);
		NoticePublished award = publications.notice(NoticeType.AWARD_RESULT, "500103", "ENG_BUILDING",
				marker + "中标结果公告", "正文", "880000.00");
		published(award);
		String page = mvc.perform(get("/notices").param("q", marker)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).doesNotContain("¥0.00").doesNotContain("¥20,000.00").contains("¥1,000,000.00")
			.contains("¥880,000.00");
		// a record with neither an amount nor an estimate shows none
		assertThat(new PublicRecord(UUID.randomUUID(), RecordType.TENDER, "T", "p", "s", "500103", "ENG_BUILDING", "t",
				"b", BigDecimal.ZERO, BigDecimal.ZERO, java.util.List.of(), null, "", "", java.time.Instant.now(),
				java.time.Instant.now()).effectiveAmount()).isNull();
	}

	@Test
	void openssl_verifies_the_signed_content_with_the_published_platform_certificate() throws Exception {
		Path openssl = Path.of("/usr/bin/openssl");
		if (System.getenv("CI") != null) {
			assertThat(Files.isExecutable(openssl)).as(".ci/run installs openssl").isTrue();
		}
		Assumptions.assumeTrue(Files.isExecutable(openssl), "openssl is not installed here");
		NoticePublished notice = published("渝中区开放验签招标公告");
		Path dir = Files.createTempDirectory("portal-openssl");
		Files.write(dir.resolve("platform.pem"),
				mvc.perform(get("/pki/platform-certificate.pem")).andReturn().getResponse().getContentAsByteArray());
		Files.write(dir.resolve("notice.txt"), mvc.perform(get("/notices/" + notice.noticeId() + "/signed-content"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		Files.write(dir.resolve("notice.sig"), mvc.perform(get("/notices/" + notice.noticeId() + "/signature.sig"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		assertThat(Files.readString(dir.resolve("notice.txt"), StandardCharsets.UTF_8)).isEqualTo(notice.signedContent());
		openssl(dir, "x509", "-in", "platform.pem", "-pubkey", "-noout", "-out", "platform-pub.pem");
		assertThat(openssl(dir, "dgst", "-sm3", "-verify", "platform-pub.pem", "-sigopt", "distid:1234567812345678",
				"-signature", "notice.sig", "notice.txt")).contains("Verified OK");
		Files.writeString(dir.resolve("notice.txt"), notice.signedContent() + "x");
		assertThat(openssl(dir, "dgst", "-sm3", "-verify", "platform-pub.pem", "-sigopt", "distid:1234567812345678",
				"-signature", "notice.sig", "notice.txt")).contains("Verification failure");
	}

	/**
	 * Issue 17, item 16: the portal learns of a tender document's signature from the tendering module's event, keeps it
	 * once however often it is delivered, shows nothing before the section is public, then shows signer, certificate,
	 * algorithm, both hashes and when to anyone, with the detached signature and certificate OpenSSL checks.
	 */
	@Test
	void a_published_sections_page_shows_its_documents_signatures_to_anyone_and_openssl_checks_them() throws Exception {
		Path openssl = Path.of("/usr/bin/openssl");
		Assumptions.assumeTrue(Files.isExecutable(openssl), "openssl is not installed here");
		UUID noticeId = UUID.randomUUID();
		String trade = "CQ-500103-2026-" + noticeId.toString().substring(0, 8).toUpperCase();
		byte[] document = ("门户签名测试招标文件 " + trade).getBytes(StandardCharsets.UTF_8);
		org.yiwang.pki.IssuedCredentials signer = TestActor.admin().call(() -> context
			.getBean(org.yiwang.pki.TrialCertificateDesk.class)
			.issue("门户签名测试招标代理", org.yiwang.kernel.CreditCode.of(TestActor.creditCode("500103")),
					org.yiwang.pki.KeyAlgorithm.SM2));
		byte[] signature = signer.sign(document);
		UUID documentId = UUID.randomUUID();
		var signed = new org.yiwang.tendering.TenderingChanged.DocumentSigned(
				new org.yiwang.kernel.Actor("agy", "AGENCY", TestActor.YUZHONG), org.yiwang.tendering.SectionId.of(
						UUID.randomUUID().toString()), documentId, hex("SHA-256", document),
				signer.certificate().fingerprint(), "门户签名测试招标代理", org.yiwang.kernel.RegionCode.of(TestActor.YUZHONG),
				java.time.Instant.parse("2026-11-20T02:03:04Z"), org.yiwang.kernel.TradeCode.of(trade), "招标文件.txt",
				sm3(document), "SM3withSM2", java.util.Base64.getEncoder().encodeToString(signature),
				signer.certificatePem(), signer.certificate().subject());
		var transactions = context.getBean(org.springframework.transaction.support.TransactionTemplate.class);
		for (int delivery = 0; delivery < 2; delivery++) {
			org.yiwang.system.RegionScopes.runAsPlatform(
					() -> transactions.executeWithoutResult(s -> context.publishEvent(signed)));
		}
		var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
			.sql("select count(*) from portal.document_signatures where trade_code = ?").param(trade)
			.query(Long.class).single() == 1);
		// signed while drafted: nothing is public before the section's notice is
		mvc.perform(get("/notices/documents/" + documentId + "/signature.sig")).andExpect(status().isNotFound());

		published(publications.notice(noticeId, NoticeType.TENDER, trade, TestActor.YUZHONG, "ENG_BUILDING",
				"门户签名测试招标公告", "正文", null));
		Thread.sleep(500); // a late second delivery would show as a second row below
		assertThat(jdbc.sql("select count(*) from portal.document_signatures where trade_code = ?").param(trade)
			.query(Long.class).single()).as("delivered twice, kept once").isEqualTo(1);
		mvc.perform(get("/notices/" + noticeId)).andExpect(status().isOk())
			.andExpect(content().string(containsString("招标文件及签名")))
			.andExpect(content().string(containsString("门户签名测试招标代理")))
			.andExpect(content().string(containsString(signer.certificate().subject())))
			.andExpect(content().string(containsString("SM3withSM2")))
			.andExpect(content().string(containsString(hex("SHA-256", document))))
			.andExpect(content().string(containsString(sm3(document))))
			.andExpect(content().string(containsString("2026-11-20 10:03:04")))
			.andExpect(content().string(containsString("/notices/documents/" + documentId + "/signature.sig")));
		mvc.perform(get("/notices/" + noticeId).param("lang", "en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Tender documents and signatures")));
		Path dir = Files.createTempDirectory("portal-document-signature");
		Files.write(dir.resolve("招标文件.txt"), document);
		Files.write(dir.resolve("document.sig"), mvc.perform(get("/notices/documents/" + documentId + "/signature.sig"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		Files.write(dir.resolve("signer.pem"), mvc.perform(get("/notices/documents/" + documentId + "/certificate.pem"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		openssl(dir, "x509", "-in", "signer.pem", "-pubkey", "-noout", "-out", "signer-pub.pem");
		assertThat(openssl(dir, "dgst", "-sm3", "-verify", "signer-pub.pem", "-sigopt", "distid:1234567812345678",
				"-signature", "document.sig", "招标文件.txt")).contains("Verified OK");
		mvc.perform(get("/notices/documents/" + UUID.randomUUID() + "/signature.sig")).andExpect(status().isNotFound());
	}

	private void published(NoticePublished notice) {
		publications.publish(notice);
		Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> portal.search(SearchRequest.of(notice.tradeCode().value())).total() == 1);
	}

	private static String hex(String algorithm, byte[] content) throws Exception {
		return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm).digest(content));
	}

	private static String sm3(byte[] content) {
		var digest = new org.bouncycastle.crypto.digests.SM3Digest();
		digest.update(content, 0, content.length);
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return java.util.HexFormat.of().formatHex(out);
	}

	private static String openssl(Path dir, String... args) throws Exception {
		var command = new java.util.ArrayList<String>();
		command.add("/usr/bin/openssl");
		command.addAll(java.util.List.of(args));
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return output;
	}

	@Test
	void query_syntax_and_odd_characters_are_searched_as_text_never_an_error() throws Exception {
		for (String q : new String[] { "title:(道路 OR *) AND \"", "*:*", "道路~2^10 [a TO z]", "\\\\", "/.*/", "((((",
				"😀😀 道路", "道\u0000路", "\uD800", "<script>alert(1)</script>", "'; drop table portal.records; --",
				"ｒｅｇｅｘ：＊", "a".repeat(5000), "!!!???", "-道路", "+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /" }) {
			mvc.perform(get("/notices").param("q", q)).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("<script>alert"))));
		}
		mvc.perform(get("/notices").param("q", "!!!???")).andExpect(status().isOk())
			.andExpect(content().string(containsString("portal.search.nothingSearchable")));
	}

	@Test
	void huge_or_odd_page_numbers_show_a_sensible_page_and_say_so() throws Exception {
		published("渝中区翻页测试招标公告");
		mvc.perform(get("/notices").param("q", "翻页测试").param("page", "99999999999999999999999"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("portal.search.pageTooDeep")));
		mvc.perform(get("/notices").param("q", "翻页测试").param("page", "2147483647")).andExpect(status().isOk())
			.andExpect(content().string(containsString("portal.search.pageTooDeep")));
		mvc.perform(get("/notices").param("q", "翻页测试").param("page", "3")).andExpect(status().isOk())
			.andExpect(content().string(containsString("portal.search.pagePastEnd")))
			.andExpect(content().string(containsString("翻页测试")));
		mvc.perform(get("/notices").param("page", "-5")).andExpect(status().isOk());
		mvc.perform(get("/notices").param("page", "二")).andExpect(status().isOk())
			.andExpect(content().string(containsString("portal.search.badPage")));
	}

	@Test
	void reversed_ranges_are_swapped_and_unreadable_ones_left_out_with_a_message() throws Exception {
		published("渝中区日期范围测试招标公告");
		String today = java.time.LocalDate.now(SearchIndex.SHANGHAI).toString();
		mvc.perform(get("/notices").param("q", "日期范围测试").param("from", today).param("to", "2020-01-01"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("portal.search.datesSwapped")))
			.andExpect(content().string(containsString("data-record")));
		mvc.perform(get("/notices").param("from", "2026-13-45").param("to", "yesterday")).andExpect(status().isOk())
			.andExpect(content().string(containsString("portal.search.badDate")));
		mvc.perform(get("/notices").param("min", "9e999").param("max", "-1")).andExpect(status().isOk())
			.andExpect(content().string(containsString("portal.search.badAmount")));
		mvc.perform(get("/notices").param("min", "5000000").param("max", "10")).andExpect(status().isOk())
			.andExpect(content().string(containsString("portal.search.amountsSwapped")));
		mvc.perform(get("/notices").param("region", "'; select").param("category", "<x>").param("type", "NOPE")
			.param("sort", "DROP")).andExpect(status().isOk());
	}

	@Test
	void saved_searches_are_private_and_their_bad_input_is_explained() throws Exception {
		var bidder = TestActor.of("portal.bidder." + UUID.randomUUID().toString().substring(0, 6),
				org.yiwang.kernel.Role.BIDDER, TestActor.CITY, false);
		var other = TestActor.of("portal.other." + UUID.randomUUID().toString().substring(0, 6),
				org.yiwang.kernel.Role.TENDERER, TestActor.CITY, false);
		mvc.perform(post("/portal/saved-searches").with(csrf()).with(authentication(bidder.authentication()))
			.param("name", "").param("q", "道路")).andExpect(flash().attribute("refused", "portal.saved.nameRequired"));
		mvc.perform(post("/portal/saved-searches").with(csrf()).with(authentication(bidder.authentication()))
			.param("name", "邮箱错").param("q", "道路").param("email", "not-an-address"))
			.andExpect(flash().attribute("refused", "portal.saved.badEmail"));
		mvc.perform(post("/portal/saved-searches").with(csrf()).with(authentication(bidder.authentication()))
			.param("name", "空搜索")).andExpect(flash().attribute("refused", "portal.saved.empty"));
		mvc.perform(post("/portal/saved-searches").with(csrf()).with(authentication(bidder.authentication()))
			.param("name", "符号").param("q", "!!!")).andExpect(flash().attribute("refused", "portal.search.nothingSearchable"));
		mvc.perform(post("/portal/saved-searches").with(csrf()).with(authentication(bidder.authentication()))
			.param("name", "渝中道路").param("q", "私有订阅").param("region", TestActor.YUZHONG))
			.andExpect(flash().attribute("saved", "portal.saved.saved"));
		SavedSearchView mine = bidder.call(() -> portal == null ? null : context.getBean(SavedSearches.class).mine().get(0));
		assertThat(other.call(() -> context.getBean(SavedSearches.class).mine())).isEmpty();
		mvc.perform(post("/portal/saved-searches/" + mine.id() + "/delete").with(csrf())
			.with(authentication(other.authentication()))).andExpect(status().isNotFound());
		mvc.perform(get("/portal/feeds/" + "A".repeat(32))).andExpect(status().isNotFound());
		mvc.perform(get("/portal/feeds/../../etc")).andExpect(status().is4xxClientError());

		NoticePublished notice = published("渝中区私有订阅道路招标公告");
		Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> bidder.call(() -> context.getBean(SavedSearches.class).unseen()) == 1);
		mvc.perform(get("/portal/saved-searches").with(authentication(bidder.authentication()))).andExpect(status().isOk())
			.andExpect(content().string(containsString(notice.noticeId().toString())))
			.andExpect(content().string(containsString("unseen-match")));
		mvc.perform(get("/portal/feeds/" + mine.feedToken())).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("application/atom+xml")))
			.andExpect(content().string(containsString("urn:uuid:" + notice.noticeId())))
			.andExpect(content().string(containsString("<title>渝中区私有订阅道路招标公告</title>")));
		mvc.perform(post("/portal/saved-searches/" + mine.id() + "/seen").with(csrf())
			.with(authentication(bidder.authentication()))).andExpect(flash().attribute("saved", "portal.saved.markedSeen"));
		assertThat(bidder.call(() -> context.getBean(SavedSearches.class).unseen())).isZero();
	}

	@Test
	void the_administrator_rebuilds_the_index_from_the_database_and_sees_its_progress() throws Exception {
		NoticePublished notice = published("渝中区重建索引测试招标公告");
		mvc.perform(post("/admin/portal/index/rebuild").with(csrf()).with(authentication(TestActor.admin().authentication())))
			.andExpect(flash().attribute("saved", "portal.index.started"));
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !portal.rebuildProgress().running());
		RebuildProgress progress = portal.rebuildProgress();
		assertThat(progress.error()).isNull();
		assertThat(progress.done()).isEqualTo(portal.recordCount());
		assertThat(portal.search(SearchRequest.of("重建索引测试")).hits()).extracting(h -> h.record().id())
			.containsExactly(notice.noticeId());
		mvc.perform(get("/admin/portal/index").with(authentication(TestActor.admin().authentication())))
			.andExpect(status().isOk()).andExpect(content().string(containsString("rebuild-progress")));
		mvc.perform(get("/admin/portal/index").header("HX-Request", "true")
			.with(authentication(TestActor.admin().authentication()))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))));
	}
}
