package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.AdjustableClock;
import org.yiwang.Chromium;
import org.yiwang.TestActor;
import org.yiwang.evaluation.DrawInvitation;
import org.yiwang.evaluation.DrawRequest;
import org.yiwang.evaluation.DrawView;
import org.yiwang.evaluation.EvaluationCaseView;
import org.yiwang.evaluation.EvaluationDesk;
import org.yiwang.evaluation.ExpertDraws;
import org.yiwang.evaluation.ExpertPool;
import org.yiwang.kernel.Role;
import org.yiwang.pki.IssuedCredentials;
import org.yiwang.pki.KeyCustodians;
import org.yiwang.pki.OpeningKeys;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.system.RegionScopes;

/**
 * Issue 6's done-when, from notice to contract on one platform, with the bid tool as a subprocess and the steps people
 * click in headless Chromium: a published tender receives three sealed bids (one sealed by the bid tool's jar); at the
 * deadline the section opens on its own; in the opening hall one bidder decrypts with the content key
 * {@code bidtool unwrap --print-key} prints, another through the API, the third fails and the key custodians' backup
 * opens it (one custodian in the browser with {@code bidtool unwrap-share}); staff close the signed record; staff draw
 * three experts, who accept; evaluation begins, which lifts the draw's seal, and anyone recomputes the draw from its
 * published record with {@code bidtool verify-draw}; the committee reviews, scores, signs its sheets and the report
 * with {@code bidtool sign}; the candidates are publicized for three days; the tenderer confirms the winner, who
 * downloads the award notice in the browser (OpenSSL verifies the platform's signature); both parties sign the contract.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(AdjustableClock.Config.class)
class WholeTenderIT {

	private static final String DEMO_PASSWORD = "Demo@2026yw";

	/** The demo experts of specialty A0101 (building works); the draw picks three of them. */
	private static final List<String> EXPERTS = List.of("expert", "expert2", "expert3", "expert4", "expert5", "expert9");

	private static final List<String> ITEMS = List.of("CONSTRUCTION_PLAN", "QUALITY", "SAFETY", "SCHEDULE", "TRACK_RECORD",
			"PROJECT_MANAGER");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	AdjustableClock clock;

	@Autowired
	EntityRegistry registry;

	@Autowired
	EntityCertificates certificates;

	@Autowired
	TenderDesk desk;

	@Autowired
	TenderDocuments documents;

	@Autowired
	BidBox bids;

	@Autowired
	OpeningKeys openingKeys;

	@Autowired
	KeyCustodians custodians;

	@Autowired
	OpeningHall hall;

	@Autowired
	ExpertPool pool;

	@Autowired
	ExpertDraws draws;

	@Autowired
	EvaluationDesk evaluation;

	@Autowired
	AwardDesk award;

	@Autowired
	PlatformKeys platformKeys;

	@TempDir
	Path dir;

	WebDriver browser;

	@AfterEach
	void close_chromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void a_whole_tender_from_notice_to_contract() throws Exception {
		Assumptions.assumeTrue(OpeningFixture.opensslInstalled(), "openssl is not installed here");
		Path jar = Path.of("../bidtool/target/bidtool.jar").toAbsolutePath().normalize();
		if (System.getenv("CI") != null) {
			assertThat(jar).as("the reactor builds the bid tool before the platform").isRegularFile();
		}
		Assumptions.assumeTrue(Files.isRegularFile(jar), "the bid tool jar is built by the reactor before the platform");
		OpeningFixture f = new OpeningFixture(dir, OpeningFixture.Beans.of(context));
		EntityView b1 = f.bidder("b1");
		EntityView b2 = f.bidder("b2");
		EntityView b3 = f.bidder("b3");

		// the notice is published; three bids arrive, the first sealed by the bid tool's jar
		SectionView section = f.published("0");
		SectionId id = section.id();
		tendererCertificate(f);
		f.as("b1").run(() -> documents.registerInterest(id));
		Files.writeString(dir.resolve("opening-key.pem"), openingKeys.find(section.openingKey()).orElseThrow().publicKeyPem());
		Files.writeString(dir.resolve("sheet-b1.json"), "{\"bidder\": \"" + b1.name() + "\", \"tradeCode\": \""
				+ section.tradeCode().value() + "\", \"totalPrice\": \"880000.00\", \"durationDays\": 180, \"quality\": \"合格\"}");
		Files.write(dir.resolve("技术标-b1.pdf"), ("%PDF-1.4 技术标 " + f.run).getBytes(StandardCharsets.UTF_8));
		run(jar, "seal", "--trade-code", section.tradeCode().value(), "--price-sheet", "sheet-b1.json", "--key", "b1.key",
				"--cert", "b1.pem", "--opening-key", "opening-key.pem", "--out", "b1.ywenv", "技术标-b1.pdf");
		f.as("b1").run(() -> {
			try (var in = Files.newInputStream(dir.resolve("b1.ywenv"))) {
				bids.submit(id, "key-" + UUID.randomUUID(), "127.0.0.1", "bidtool", in);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		Path e2 = f.bid(section, "b2", "910000.00");
		f.bid(section, "b3", "950000.00");

		// before the deadline each bidder states its project manager with the manager's certificate (507): b1 on the
		// section page in the browser, the others through the API's entry point
		browser = Chromium.open(2000);
		// anyone, not signed in, sees on the public portal who signed the tender documents, and can fetch the signature
		browser.get(url("/notices/" + section.noticeId()));
		wait(30).until(d -> {
			if (d.findElements(By.id("document-signatures")).isEmpty()) {
				d.navigate().refresh();
				return false;
			}
			return true;
		});
		assertThat(browser.findElement(By.id("document-signatures")).getText())
			.contains(f.tendererEntity().name(), "SM3withSM2", "文件.txt");
		assertThat(browser.findElement(By.cssSelector("#document-signatures .document-signature-file"))
			.getAttribute("href")).contains("/notices/documents/").endsWith("/signature.sig");
		signIn("b1." + f.run, OpeningFixture.PASSWORD);
		browser.get(url("/tenders/sections/" + id));
		wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("manager-name"))).sendKeys("王建国");
		browser.findElement(By.id("manager-id")).sendKeys(UplinkCompletenessTests.MANAGER_ID);
		browser.findElement(By.id("manager-certificate")).sendKeys("一级注册建造师");
		browser.findElement(By.id("manager-certificate-number")).sendKeys(UplinkCompletenessTests.CERTIFICATE_NUMBER);
		browser.findElement(By.id("save-project-manager")).click();
		wait(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("project-manager-certificate"),
				UplinkCompletenessTests.CERTIFICATE_NUMBER));
		screenshot("whole-tender-project-manager");
		signOut();
		for (String b : List.of("b2", "b3")) {
			String first17 = "50010319860415" + (b.equals("b2") ? "231" : "232");
			f.as(b).run(() -> documents.stateProjectManager(id, b.equals("b2") ? "李建华" : "赵建设",
					first17 + org.yiwang.registry.ResidentIdNumber.checkCharacter(first17), "一级注册建造师",
					"渝150201920201000" + (b.equals("b2") ? "2" : "3")));
		}

		// the deadline passes: the section opens on its own
		clock.advanceTo(section.bidDeadline().plusSeconds(1));
		hall.openDue();
		assertThat(TestActor.districtStaff(TestActor.YUZHONG).call(() -> desk.dossier(id)).section().status())
			.isEqualTo(SectionStatus.OPENING);

		// b1 in the browser: check in, paste the content key the bid tool prints
		signIn("b1." + f.run, OpeningFixture.PASSWORD);
		browser.get(url("/tenders/sections/" + id + "/opening"));
		wait(30).until(ExpectedConditions.elementToBeClickable(By.id("check-in"))).click();
		String printed = run(jar, "unwrap", "--key", "b1.key", "--cert", "b1.pem", "--print-key", "b1.ywenv");
		wait(30).until(ExpectedConditions.elementToBeClickable(By.id("contentKey"))).sendKeys(field(printed, "content key"));
		browser.findElement(By.id("decrypt")).click();
		try {
			wait(30).until(ExpectedConditions.textToBe(By.id("progress"), "已解密 1 / 3"));
		}
		catch (org.openqa.selenium.TimeoutException e) {
			screenshot("whole-tender-opening-failed");
			throw new AssertionError(browser.getCurrentUrl() + "\n" + browser.findElement(By.tagName("body")).getText(), e);
		}
		screenshot("whole-tender-opening-decrypted");
		signOut();

		// b2 through the API; b3 checks in and never decrypts
		String k2 = f.contentKey(e2, "b2");
		f.as("b2").run(() -> hall.checkIn(id));
		f.as("b2").run(() -> hall.decrypt(id, k2));
		f.as("b3").run(() -> hall.checkIn(id));
		clock.advance(Duration.ofMinutes(31));

		// the custodians' backup for b3: staff.wanzhou in the browser with bidtool unwrap-share, staff by the API
		IssuedCredentials wanzhouKey = TestActor.of("staff.wanzhou", Role.CENTER_STAFF, TestActor.WANZHOU, false)
			.call(() -> custodians.demoKey());
		Files.writeString(dir.resolve("custodian.key"), wanzhouKey.privateKeyPem());
		Files.writeString(dir.resolve("custodian.pem"), wanzhouKey.certificatePem());
		signIn("staff.wanzhou", DEMO_PASSWORD);
		browser.get(url("/tenders/sections/" + id + "/opening"));
		String encrypted = wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("encrypted-share"))).getText();
		Files.writeString(dir.resolve("share.txt"), encrypted.strip());
		String share = field(run(jar, "unwrap-share", "--key", "custodian.key", "--cert", "custodian.pem", "--share",
				"share.txt"), "share");
		browser.findElement(By.id("share")).sendKeys(share);
		browser.findElement(By.id("give-share")).click();
		wait(30).until(ExpectedConditions.invisibilityOfElementLocated(By.id("share-form")));
		signOut();
		String staffShare = TestActor.cityStaff().call(() -> hall.view(id)).viewer().encryptedShare();
		TestActor.cityStaff().run(() -> hall.giveShare(id, decrypted(f, "staff", staffShare)));
		OpeningView opened = TestActor.districtStaff(TestActor.YUZHONG).call(() -> hall.view(id));
		assertThat(opened.bids()).extracting(OpeningView.Bid::decryption).containsExactlyInAnyOrder(
				OpenedBid.Decryption.BY_BIDDER, OpenedBid.Decryption.BY_BIDDER, OpenedBid.Decryption.BY_CUSTODIANS);
		for (String bidder : List.of("b1", "b2", "b3")) {
			byte[] statement = f.as(bidder).call(() -> hall.confirmationStatement(id));
			byte[] signature = f.signConfirmation(bidder, statement);
			f.as(bidder).run(() -> hall.confirm(id, signature, f.read(bidder + ".pem"), null));
		}
		TestActor.districtStaff(TestActor.YUZHONG).run(() -> hall.close(id));
		assertThat(TestActor.districtStaff(TestActor.YUZHONG).call(() -> desk.dossier(id)).section().status())
			.isEqualTo(SectionStatus.OPENED);

		// the expert draw: keys first (a demo key download rebinds), then three of building works, who accept
		for (String expert : EXPERTS) {
			IssuedCredentials key = expert(expert).call(() -> pool.demoKey());
			Files.writeString(dir.resolve(expert + ".key"), key.privateKeyPem());
			Files.writeString(dir.resolve(expert + ".pem"), key.certificatePem());
		}
		Instant evaluationAt = clock.instant().plus(Duration.ofHours(2));
		DrawView requested = TestActor.districtStaff(TestActor.YUZHONG)
			.call(() -> draws.request(new DrawRequest(id.value(), evaluationAt, Map.of("A0101", 3), Set.of(), Set.of())));
		assertThat(requested.seedSha256()).as("the seed is committed before the draw").hasSize(64);
		TestActor.districtStaff(TestActor.YUZHONG).run(() -> draws.draw(requested.id()));
		List<String> committee = new ArrayList<>();
		for (String expert : EXPERTS) {
			for (DrawInvitation invitation : expert(expert).call(() -> draws.myInvitations())) {
				if (invitation.draw().equals(requested.id())) {
					expert(expert).run(() -> draws.respond(requested.id(), true));
					committee.add(expert);
				}
			}
		}
		assertThat(committee).hasSize(3);
		UUID caseId = awaitValue(() -> TestActor.districtStaff(TestActor.YUZHONG).call(() -> evaluation.caseOf(id, 1)
			.filter(c -> evaluation.caseView(c).committeeSeated())), "the committee seated on the evaluation case");

		// evaluation begins: the draw's seal lifts, and its published record recomputes with the bid tool
		TestActor.districtStaff(TestActor.YUZHONG).run(() -> evaluation.schedule(caseId, evaluationAt));
		clock.advanceTo(evaluationAt.plusSeconds(1));
		TestActor.districtStaff(TestActor.YUZHONG).run(() -> evaluation.begin(caseId));
		awaitTrue(() -> draws.revealed(requested.id()), "the draw revealed");
		HttpResponse<byte[]> record = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/draws/"
				+ requested.id() + "/verification.json"))).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(record.statusCode()).as("public once revealed").isEqualTo(200);
		Files.write(dir.resolve("draw.json"), record.body());
		assertThat(run(jar, "verify-draw", "draw.json")).contains("OK: seed and pool match their commitments; 3 picks");

		// the committee: a leader, reviews, points, signed sheets, the signed report
		for (String member : committee) {
			expert(member).run(() -> evaluation.voteLeader(caseId, committee.get(0)));
		}
		EvaluationCaseView view = expert(committee.get(0)).call(() -> evaluation.caseView(caseId));
		assertThat(view.leader()).isEqualTo(committee.get(0));
		List<UUID> bidIds = view.bidders().stream().map(EvaluationCaseView.Bidder::bidId).toList();
		assertThat(bidIds).hasSize(3);
		for (String member : committee) {
			for (UUID bid : bidIds) {
				expert(member).run(() -> evaluation.review(caseId, "QUALIFICATION", bid, true, null));
			}
		}
		for (String member : committee) {
			for (UUID bid : bidIds) {
				expert(member).run(() -> evaluation.review(caseId, "RESPONSIVENESS", bid, true, null));
			}
		}
		String[][] points = { { "18", "9", "9", "8", "9", "8" }, { "16", "8", "8", "8", "8", "8" },
				{ "14", "7", "7", "7", "7", "7" } };
		for (String member : committee) {
			for (int i = 0; i < bidIds.size(); i++) {
				UUID bid = bidIds.get(i);
				Map<String, String> given = points(points[i]);
				expert(member).run(() -> evaluation.score(caseId, bid, given));
			}
			byte[] sheet = expert(member).call(() -> evaluation.scoreSheet(caseId));
			byte[] signature = signWithBidTool(jar, member, "sheet-" + member + ".txt", sheet);
			expert(member).run(() -> evaluation.signScoreSheet(caseId, signature, read(member + ".pem"), null));
		}
		UUID reportId = expert(committee.get(0)).call(() -> evaluation.draftReport(caseId));
		byte[] report = expert(committee.get(0)).call(() -> evaluation.reportPdf(reportId));
		assertThat(new String(report, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		for (String member : committee) {
			byte[] signature = signWithBidTool(jar, member, "report-" + member + ".pdf", report);
			expert(member).run(() -> evaluation.signReport(caseId, signature, read(member + ".pem"), null));
		}

		// the candidates are publicized for three days; then the tenderer confirms the first
		awaitTrue(() -> TestActor.districtStaff(TestActor.YUZHONG).call(() -> desk.dossier(id)).section()
			.status() == SectionStatus.PUBLICIZING, "the candidates publicized");
		AwardDossier publicized = TestActor.regulator().call(() -> award.dossier(id));
		assertThat(publicized.publicity().candidates()).hasSize(3);
		CandidateView first = publicized.publicity().candidates().get(0);
		assertThat(first.rank()).isEqualTo(1);
		// the national uplink of this tender: the notice's section (502), the opening record's bidder list (507), the
		// report's candidates (510) and the committee that signed it (508: the drawn experts, their ID numbers whole)
		String tradeCode = TestActor.districtStaff(TestActor.YUZHONG).call(() -> desk.dossier(id)).section().tradeCode()
			.value();
		Function<String, List<Map<String, Object>>> uplinked = dataset -> RegionScopes.callAsPlatform(
				() -> context.getBean(TransactionTemplate.class).execute(t -> context.getBean(JdbcClient.class).sql("""
						select u.status, array_to_string(u.missing_fields, ',') as missing, u.payload::text as payload
						from portal.uplink u join portal.records r on r.id = u.record_id
						where r.trade_code = ? and u.dataset = ? order by u.item""")
					.params(tradeCode, dataset).query().listOfRows()));
		awaitTrue(() -> uplinked.apply("BID_EVALUATION_EXPERT").size() == 3 && uplinked.apply("TENDER_CANDIDATE").size() == 3,
				"the candidates and the committee uplinked");
		// the normal flow leaves no required field of the project (500), the tender project (501), the section (502),
		// the bidder list (507) or the candidates (510) empty: none waits INCOMPLETE
		for (String dataset : List.of("PROJECT", "TENDER_PROJECT", "SECTION", "TENDER_LIST", "TENDER_CANDIDATE")) {
			assertThat(uplinked.apply(dataset)).as(dataset).isNotEmpty()
				.allSatisfy(r -> assertThat(r.get("missing")).as(dataset + " lacks nothing: " + r.get("payload")).isEqualTo(""))
				.allSatisfy(r -> assertThat(r.get("status")).as(dataset).isNotEqualTo("INCOMPLETE"));
		}
		// this tender asks no qualification type: its bidders' conditions are the statutory one (招标投标法 第二十六条)
		assertThat(uplinked.apply("SECTION")).singleElement()
			.satisfies(r -> assertThat(r.get("payload").toString()).contains("第二十六条"));
		assertThat(uplinked.apply("TENDER_LIST")).hasSize(3)
			.allSatisfy(r -> assertThat(r.get("payload").toString()).contains("一级注册建造师 渝15020192020")
				.contains(OpeningFixture.PHONE));
		assertThat(uplinked.apply("TENDER_CANDIDATE")).hasSize(3)
			.allSatisfy(r -> assertThat(r.get("payload").toString()).contains("中标候选人经评标委员会评审推荐"));
		assertThat(uplinked.apply("BID_EVALUATION_EXPERT")).as("every drawn expert, complete")
			.allSatisfy(r -> assertThat(r.get("status")).isEqualTo("PENDING"))
			.allSatisfy(r -> assertThat(r.get("payload").toString()).contains("居民身份证"))
			.filteredOn(r -> r.get("payload").toString().contains("\"是否为评标组长\": \"是\"")).hasSize(1);
		clock.advance(Duration.ofDays(3).plusMinutes(1));
		f.tenderer().run(() -> award.confirmWinner(id, first.bidder(), null));
		String winner = Map.of(b1.id(), "b1", b2.id(), "b2", b3.id(), "b3").get(first.bidder());

		// the winner downloads its award notice in the browser; OpenSSL checks the platform's signature
		signIn(winner + "." + f.run, OpeningFixture.PASSWORD);
		browser.get(url("/tenders/sections/" + id + "/award"));
		wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("my-result")));
		assertThat(browser.findElement(By.id("my-result")).getAttribute("data-won")).isEqualTo("true");
		screenshot("whole-tender-award");
		String cookie = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
		Files.write(dir.resolve("award-notice.pdf"), download(browser.findElement(By.id("award-notice")).getAttribute("href"),
				cookie));
		Files.write(dir.resolve("award-notice.pdf.sig"), download(browser.findElement(By.id("award-notice-signature"))
			.getAttribute("href"), cookie));
		signOut();
		Files.writeString(dir.resolve("platform.pem"), platformKeys.certificatePem());
		f.openssl("x509", "-in", "platform.pem", "-pubkey", "-noout", "-out", "platform-pub.pem");
		assertThat(f.openssl("dgst", "-sm3", "-verify", "platform-pub.pem", "-sigopt", OpeningFixture.ID, "-signature",
				"award-notice.pdf.sig", "award-notice.pdf")).contains("Verified OK");

		// the contract: uploaded by the tenderer, signed by both parties with the bid tool
		Files.write(dir.resolve("contract.pdf"), AwardScenario.contractPdf("whole tender " + f.run));
		f.tenderer().run(() -> award.uploadContract(id, "合同.pdf", new ByteArrayInputStream(read("contract.pdf")), AwardScenario.CONTRACT_SUMMARY));
		byte[] tendererSignature = signWithBidTool(jar, "tdr", "contract-tdr.pdf", read("contract.pdf"));
		f.tenderer().run(() -> award.signContract(id, tendererSignature, read("tdr.pem"), null));
		byte[] winnerSignature = signWithBidTool(jar, winner, "contract-" + winner + ".pdf", read("contract.pdf"));
		f.as(winner).run(() -> award.signContract(id, winnerSignature, read(winner + ".pem"), null));
		assertThat(TestActor.districtStaff(TestActor.YUZHONG).call(() -> desk.dossier(id)).section().status())
			.isEqualTo(SectionStatus.CONTRACTED);
	}

	/** The tenderer's own SM2 certificate from the fixture's CA, bound to it ({@code tdr.key}, {@code tdr.pem}). */
	private void tendererCertificate(OpeningFixture f) {
		EntityView tenderer = f.tenderer().call(() -> registry.myEntity().orElseThrow());
		f.openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", "tdr.ec");
		f.openssl("pkcs8", "-topk8", "-nocrypt", "-in", "tdr.ec", "-out", "tdr.key");
		f.openssl("req", "-new", "-key", "tdr.key", "-sm3", "-sigopt", OpeningFixture.ID, "-subj",
				"/CN=tdr " + f.run + "/serialNumber=" + tenderer.creditCode(), "-out", "tdr.csr");
		f.openssl("x509", "-req", "-in", "tdr.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-sm3", "-sigopt",
				OpeningFixture.ID, "-vfyopt", OpeningFixture.ID, "-days", "3650", "-out", "tdr.pem", "-CAcreateserial");
		f.tenderer().run(() -> certificates.bind(read("tdr.pem")));
		assertThat(tenderer.holds(EntityRole.TENDERER)).isTrue();
	}

	private String decrypted(OpeningFixture f, String custodian, String encryptedShare) {
		try {
			return f.decryptedShare(custodian, encryptedShare);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private byte[] signWithBidTool(Path jar, String keyPrefix, String fileName, byte[] content) throws Exception {
		Files.write(dir.resolve(fileName), content);
		run(jar, "sign", "--key", keyPrefix + ".key", "--cert", keyPrefix + ".pem", "--out", fileName + ".sig", fileName);
		return read(fileName + ".sig");
	}

	private static Map<String, String> points(String... values) {
		Map<String, String> points = new LinkedHashMap<>();
		for (int i = 0; i < ITEMS.size(); i++) {
			points.put(ITEMS.get(i), values[i]);
		}
		return points;
	}

	private static TestActor expert(String username) {
		return TestActor.of(username, Role.EXPERT, TestActor.CITY, false);
	}

	private static <T> T awaitValue(java.util.function.Supplier<java.util.Optional<T>> probe, String what)
			throws InterruptedException {
		Instant until = Instant.now().plusSeconds(60);
		while (Instant.now().isBefore(until)) {
			java.util.Optional<T> value = probe.get();
			if (value.isPresent()) {
				return value.get();
			}
			Thread.sleep(200);
		}
		throw new AssertionError("waited 60 s for " + what);
	}

	private static void awaitTrue(BooleanSupplier probe, String what) throws InterruptedException {
		awaitValue(() -> probe.getAsBoolean() ? java.util.Optional.of(Boolean.TRUE) : java.util.Optional.empty(), what);
	}

	private String run(Path jar, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
		return output;
	}

	private static String field(String output, String name) {
		Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ": (.+)$").matcher(output);
		assertThat(m.find()).as("%s in%n%s", name, output).isTrue();
		return m.group(1).strip();
	}

	private byte[] read(String name) {
		try {
			return Files.readAllBytes(dir.resolve(name));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static byte[] download(String url, String cookie) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
			.header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(url).isEqualTo(200);
		return response.body();
	}

	private WebDriverWait wait(int seconds) {
		return new WebDriverWait(browser, Duration.ofSeconds(seconds));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void signIn(String username, String password) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).clear();
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login-submit")).click();
		wait(20).until(ExpectedConditions.urlContains("/workspace"));
	}

	private void signOut() {
		browser.get(url("/tenders"));
		browser.findElement(By.id("sign-out")).click();
		wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
	}

	private void screenshot(String name) throws java.io.IOException {
		Chromium.screenshot(browser, name);
	}
}
