package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.yiwang.Chromium;
import org.yiwang.TestActor;
import org.yiwang.account.AccountManagement;
import org.yiwang.kernel.Role;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;

/**
 * Over real HTTP: a 200 MB tender document streamed through the API (hashed on both sides), and in headless Chromium
 * the tender's way to publication, as the agency and the district's staff click through it; a bidder registers,
 * seals its bid with the bid tool, submits it in the browser and gets a receipt the bid tool and OpenSSL verify.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TenderingIT {

	private static final String PASSWORD = "Tendering-pass-2026";

	@LocalServerPort
	int port;

	@Autowired
	EntityRegistry registry;

	@Autowired
	TenderDesk desk;

	@Autowired
	AccountManagement accounts;

	@Autowired
	org.yiwang.pki.OpeningKeys openingKeys;

	@Autowired
	org.yiwang.pki.PlatformKeys platformKeys;

	@Autowired
	org.yiwang.pki.TrustStore trustStore;

	@Autowired
	org.yiwang.registry.EntityCertificates certificates;

	WebDriver browser;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void close_chromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void a_two_hundred_megabyte_document_streams_to_disk_and_both_hashes_match() throws Exception {
		EntityView tenderer = approved("tdr", EntityRole.TENDERER);
		SectionView section = TestActor.of("tdr." + run, Role.TENDERER, TestActor.CITY, false).call(() -> desk.registerTender(
				new NewTender("大文件项目" + run, null, "大文件招标" + run, null, new SectionDetails("一标段", "500103",
						"ENG_BUILDING", new BigDecimal("1000000"), new BigDecimal("0"), 60, List.of()), ExampleFacts.works())));
		TestActor.districtStaff(TestActor.YUZHONG).run(() -> desk.approve(section.id(), section.version()));
		// A person's token is the person's own (issue 17, item 8): the tenderer issues it.
		String token = TestActor.of("tdr." + run, Role.TENDERER, TestActor.CITY, false)
			.call(() -> accounts.issueOwnToken("upload test", 1).secret());

		long size = 200L * 1024 * 1024;
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		SM3Digest sm3 = new SM3Digest();
		String boundary = "yiwangLargeUpload" + run;
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"large.bin\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/tendering/sections/" + section.id() + "/documents"))
			.header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(new ByteArrayInputStream(head),
					new SequenceInputStream(new Generated(size, sha256, sm3), new ByteArrayInputStream(tail)))))
			.timeout(Duration.ofMinutes(5)).build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		byte[] sm3Hash = new byte[32];
		sm3.doFinal(sm3Hash, 0);
		assertThat(response.body()).contains("\"size\":" + size)
			.contains("\"sha256\":\"" + HexFormat.of().formatHex(sha256.digest()) + "\"")
			.contains("\"sm3\":\"" + HexFormat.of().formatHex(sm3Hash) + "\"");
		assertThat(tenderer.name()).isNotBlank();
	}

	/** Deterministic bytes, hashed as they are read, never held in memory. */
	private static final class Generated extends InputStream {

		private final MessageDigest sha256;

		private final SM3Digest sm3;

		private long left;

		private long counter;

		Generated(long size, MessageDigest sha256, SM3Digest sm3) {
			this.left = size;
			this.sha256 = sha256;
			this.sm3 = sm3;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (left == 0) {
				return -1;
			}
			int n = (int) Math.min(len, left);
			for (int i = 0; i < n; i++) {
				b[off + i] = (byte) (counter++ * 31 >>> 3);
			}
			sha256.update(b, off, n);
			sm3.update(b, off, n);
			left -= n;
			return n;
		}
	}

	@Test
	void an_agency_and_staff_publish_a_tender_in_the_browser_and_a_bidder_registers_for_it() throws Exception {
		openChromium();
		EntityView tenderer = approved("tdr", EntityRole.TENDERER);
		EntityView agency = approved("agy", EntityRole.AGENCY);
		EntityView bidder = approved("bdr", EntityRole.BIDDER);
		TestActor.of("tdr." + run, Role.TENDERER, TestActor.CITY, false)
			.run(() -> desk.recordMandate(agency.creditCode(), "全部"));

		signIn("agy." + run, PASSWORD);
		browser.get(url("/tenders/new"));
		browser.findElement(By.id("projectName")).sendKeys("浏览器道路项目" + run);
		browser.findElement(By.id("tenderProjectName")).sendKeys("浏览器道路工程施工招标" + run);
		browser.findElement(By.id("tendererCreditCode")).sendKeys(tenderer.creditCode());
		browser.findElement(By.id("sectionName")).sendKeys("一标段");
		new Select(browser.findElement(By.id("region"))).selectByValue("500103");
		new Select(browser.findElement(By.id("category"))).selectByValue("ENG_BUILDING");
		browser.findElement(By.id("estimatedPrice")).sendKeys("3000000");
		browser.findElement(By.id("bidSecurity")).sendKeys("0");
		// the project's and tender project's facts (national datasets 500, 501)
		ProjectFacts facts = ExampleFacts.works();
		browser.findElement(By.id("projectAddress")).sendKeys(facts.address());
		browser.findElement(By.id("legalPerson")).sendKeys(facts.legalPerson());
		new Select(browser.findElement(By.id("industry"))).selectByValue(facts.industry());
		new Select(browser.findElement(By.id("fundingSource"))).selectByValue(facts.fundingSource());
		browser.findElement(By.id("projectScale")).sendKeys(facts.scale());
		browser.findElement(By.id("approvalDocument")).sendKeys(facts.approvalDocument());
		new Select(browser.findElement(By.id("mustTender"))).selectByValue("true");
		new Select(browser.findElement(By.id("tenderType"))).selectByValue(facts.tenderType());
		browser.findElement(By.id("tenderScope")).sendKeys(facts.scope());
		browser.findElement(By.id("supervisor")).sendKeys(facts.supervisor());
		browser.findElement(By.id("approver")).sendKeys(facts.approver());
		browser.findElement(By.cssSelector("#tender-form button[type=submit]")).click();
		wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("trade-code")));
		String tradeCode = browser.findElement(By.id("trade-code")).getText();
		String sectionUrl = browser.getCurrentUrl();
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("待审核");
		signOut();

		signIn("staff.yuzhong", "Demo@2026yw");
		browser.get(sectionUrl);
		browser.findElement(By.cssSelector("#approve-form button")).click();
		wait(20).until(ExpectedConditions.textToBe(By.id("status"), "已登记"));
		signOut();

		signIn("agy." + run, PASSWORD);
		browser.get(sectionUrl);
		Path document = Files.createTempFile("招标文件", ".txt");
		Files.writeString(document, "浏览器上传的招标文件\n".repeat(20_000));
		browser.findElement(By.id("file")).sendKeys(document.toString());
		browser.findElement(By.cssSelector("#upload-form button")).click();
		wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("document-table")));
		// the agency signs the document's exact bytes with a demo certificate bound to it, and uploads the signature on
		// the document's row: the notice cannot be submitted before (issue 17, item 16)
		org.yiwang.pki.IssuedCredentials credentials = TestActor.of("agy." + run, Role.AGENCY, TestActor.CITY, false)
			.call(certificates::issueDemoCertificate);
		Path signature = Files.write(Files.createTempFile("招标文件", ".sig"), credentials.sign(Files.readAllBytes(document)));
		Path certificate = Files.write(Files.createTempFile("agy", ".pem"), credentials.certificateBytes());
		WebElement signForm = browser.findElement(By.cssSelector(".document-sign-form"));
		signForm.findElement(By.name("signature")).sendKeys(signature.toString());
		signForm.findElement(By.name("certificate")).sendKeys(certificate.toString());
		signForm.findElement(By.cssSelector("button")).click();
		// the form posts and the page reloads: the row is found afresh each time
		wait(30).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> "true".equals(d.findElement(By.cssSelector("tr.document")).getAttribute("data-signed")));
		DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
		ZonedDateTime now = ZonedDateTime.now(ProcedureClock.CHINA);
		browser.findElement(By.id("title")).sendKeys("浏览器道路工程施工招标公告");
		browser.findElement(By.id("body")).sendKeys("一、招标条件：已具备。\n二、招标范围：道路施工。");
		setValue("documentsFrom", now.format(local));
		setValue("documentsUntil", now.plusDays(8).format(local));
		setValue("bidDeadline", now.plusDays(22).withHour(9).withMinute(30).format(local));
		browser.findElement(By.id("consortium-no")).click();
		browser.findElement(By.cssSelector("#notice-form button")).click();
		wait(20).until(ExpectedConditions.textToBe(By.id("status"), "公告待审核"));
		screenshot("tender-notice-submitted");
		signOut();

		signIn("staff.yuzhong", "Demo@2026yw");
		browser.get(sectionUrl);
		browser.findElement(By.id("publish")).click();
		wait(20).until(ExpectedConditions.textToBe(By.id("status"), "已发布"));
		assertThat(browser.findElement(By.id("notice-signature")).getText()).contains("平台签名");
		screenshot("tender-published");
		signOut();

		signIn("bdr." + run, PASSWORD);
		browser.get(url("/tenders"));
		browser.findElement(By.linkText(tradeCode)).click();
		wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("register-interest"))).click();
		wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("interested")));
		assertThat(browser.findElement(By.id("document-table")).getText()).contains(document.getFileName().toString());
		screenshot("tender-bidder-registered");
		Files.deleteIfExists(document);

		// the bidder seals its bid with the bid tool, with an SM2 certificate bound to it, and submits it in the browser
		Path jar = Path.of("../bidtool/target/bidtool.jar").toAbsolutePath().normalize();
		if (System.getenv("CI") != null) {
			assertThat(jar).as("the reactor builds the bid tool before the platform").isRegularFile();
		}
		Assumptions.assumeTrue(Files.isRegularFile(jar), "the bid tool jar is built by the reactor before the platform");
		Path work = Files.createTempDirectory("yiwang-bid");
		boundCertificate(work, bidder);
		SectionId sectionId = SectionId.of(sectionUrl.substring(sectionUrl.lastIndexOf('/') + 1));
		SectionView section = TestActor.districtStaff(TestActor.YUZHONG).call(() -> desk.dossier(sectionId).section());
		Files.writeString(work.resolve("opening-key.pem"), openingKeys.find(section.openingKey()).orElseThrow().publicKeyPem());
		Files.writeString(work.resolve("sheet.json"), "{\"bidder\": \"" + bidder.name() + "\", \"tradeCode\": \"" + tradeCode
				+ "\", \"totalPrice\": \"2888000.00\", \"durationDays\": 180, \"quality\": \"合格\"}");
		Files.write(work.resolve("技术标.pdf"), ("%PDF-1.4 技术标 " + run).getBytes(StandardCharsets.UTF_8));
		String sealed = run(work, "java", "-jar", jar.toString(), "seal", "--trade-code", tradeCode, "--price-sheet",
				"sheet.json", "--key", "bidder.key", "--cert", "bidder.pem", "--opening-key", "opening-key.pem", "--out",
				"bid.ywenv", "技术标.pdf");
		assertThat(work.resolve("bid.ywenv")).as(sealed).isRegularFile();
		browser.get(sectionUrl);
		browser.findElement(By.id("envelope")).sendKeys(work.resolve("bid.ywenv").toString());
		browser.findElement(By.id("submit-bid")).click();
		wait(30).until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("bid-table")),
				ExpectedConditions.visibilityOfElementLocated(By.id("refused")),
				ExpectedConditions.visibilityOfElementLocated(By.id("error-detail"))));
		screenshot("tender-bid-submitted");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("投标文件已接收并存储，回执已生成", "已接收并回执");
		screenshot("tender-bid-receipted");

		// the receipt downloads, and the bid tool and OpenSSL check it
		String cookie = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
		String receiptUrl = browser.findElement(By.cssSelector("#bid-table a.receipt-json")).getAttribute("href");
		Files.write(work.resolve("receipt.json"), HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(receiptUrl))
			.header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray()).body());
		Files.writeString(work.resolve("platform.pem"), platformKeys.certificatePem());
		Files.writeString(work.resolve("ca.pem"), platformKeys.rootCertificatePem());
		assertThat(run(work, "java", "-jar", jar.toString(), "verify-receipt", "--receipt", "receipt.json", "--platform-cert",
				"platform.pem", "--tsa-ca", "ca.pem")).contains("receipt valid");
		String statement = new String(org.yiwang.envelope.SignedReceipt.parse(Files.readAllBytes(work.resolve("receipt.json")))
			.statement(), StandardCharsets.UTF_8);
		assertThat(statement).contains("sha256=" + TenderingTests.hex("SHA-256", Files.readAllBytes(work.resolve("bid.ywenv"))));
	}

	private void boundCertificate(Path work, EntityView bidder) throws Exception {
		String id = "distid:1234567812345678";
		run(work, "openssl", "ecparam", "-genkey", "-name", "SM2", "-noout", "-out", "ca.key");
		run(work, "openssl", "req", "-x509", "-new", "-key", "ca.key", "-sm3", "-sigopt", id, "-subj", "/CN=Browser Bid CA " + run,
				"-days", "3650", "-out", "bid-ca.pem", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
				"keyUsage=critical,keyCertSign,cRLSign");
		TestActor.admin().run(() -> trustStore.addCa(readFile(work.resolve("bid-ca.pem"))));
		run(work, "openssl", "genpkey", "-algorithm", "SM2", "-out", "bidder.key");
		run(work, "openssl", "req", "-new", "-key", "bidder.key", "-sm3", "-sigopt", id, "-subj",
				"/CN=bidder " + run + "/serialNumber=" + bidder.creditCode(), "-out", "bidder.csr");
		run(work, "openssl", "x509", "-req", "-in", "bidder.csr", "-CA", "bid-ca.pem", "-CAkey", "ca.key", "-sm3", "-sigopt",
				id, "-vfyopt", id, "-days", "3650", "-out", "bidder.pem", "-CAcreateserial");
		TestActor.of("bdr." + run, Role.BIDDER, TestActor.CITY, false)
			.run(() -> certificates.bind(readFile(work.resolve("bidder.pem"))));
	}

	private static byte[] readFile(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static String run(Path dir, String... command) throws Exception {
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
		return output;
	}

	private EntityView approved(String prefix, EntityRole role) {
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, prefix + "浏览器公司" + run,
				TestActor.creditCode("500103"), null, "张三", "李四", "023-12345678", "contact@example.cn", "重庆市渝中区", "150", TestActor.YUZHONG,
				Set.of(role), prefix + "." + run, PASSWORD));
		return TestActor.cityStaff().call(() -> registry.approve(registered.id(), registered.version()));
	}

	private void openChromium() throws IOException {
		browser = Chromium.open(2000);
	}

	private WebDriverWait wait(int seconds) {
		return new WebDriverWait(browser, Duration.ofSeconds(seconds));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void setValue(String id, String value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)),
				value);
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

	private void screenshot(String name) throws IOException {
		Chromium.screenshot(browser, name);
	}
}
