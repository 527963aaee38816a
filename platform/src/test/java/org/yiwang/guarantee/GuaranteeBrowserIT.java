package org.yiwang.guarantee;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.test.context.ActiveProfiles;
import org.yiwang.AdjustableClock;
import org.yiwang.Chromium;
import org.yiwang.TestActor;
import org.yiwang.account.AccountKind;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.AccountView;
import org.yiwang.account.NewAccount;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.kernel.TradeCode;
import org.yiwang.pki.IssuedCredentials;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;
import org.yiwang.system.RegionScopes;

/**
 * The issue's done-when, in a real headless Chromium with the demo issuer and the demo bank running as HTTP clients of
 * this server's API: a bidder obtains an e-guarantee from the demo issuer, a second bidder pays a cash deposit through
 * the demo bank's page, both count as valid security; a tampered letter is refused with its reason; the tenderer sees
 * both on its claims page; after staff end the transaction and record the contract, the release and the refund with
 * interest (36 days later: 17.50 yuan on 50,000) are recorded and each bidder sees its own. Screenshots go to
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "yiwang.demo.entities=true", "yiwang.demo.guarantee=true", "yiwang.demo.guarantee-poll=400ms" })
@ActiveProfiles("test")
@Import(AdjustableClock.Config.class)
class GuaranteeBrowserIT {

	private static final String DEMO_PASSWORD = "Demo@2026yw";

	private static final String PASSWORD = "Browser-pass-2026";

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	AdjustableClock clock;

	@Autowired
	BidSecurity security;

	@Autowired
	GuaranteeIssuance issuance;

	@Autowired
	EntityRegistry registry;

	@Autowired
	EntityCertificates certificates;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuthenticationProvider login;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeEach
	void open_chromium() throws Exception {
		browser = Chromium.open(1600);
		wait = new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	@AfterEach
	void close_chromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void guarantee_from_the_demo_issuer_cash_through_the_demo_bank_both_held_then_released_and_refunded_with_interest()
			throws Exception {
		String trade = "YW-DEMO-" + TestActor.CITY + "-0001";
		EntityView bidder = entityOf("bidder", Role.BIDDER);
		EntityView bidder2 = entityOf("bidder2", Role.BIDDER);

		// 1. The first bidder applies in the browser; the demo issuer's system issues the letter through the API.
		signIn("bidder", DEMO_PASSWORD);
		browser.get(url("/guarantees/my"));
		browser.findElement(By.id("tradeCode")).sendKeys(trade);
		new Select(browser.findElement(By.id("issuer"))).selectByVisibleText("示范融资担保有限公司");
		browser.findElement(By.cssSelector("#apply-form button")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-notice")));
		WebElement letter = reloadUntil("/guarantees/my", By.cssSelector("#guarantee-table tbody tr"));
		assertThat(letter.getText()).contains(trade).contains("50000.00").contains("有效").contains("DEMO-BH-");
		screenshot("guarantee-issued-by-demo-issuer");
		String letterNumber = letter.findElement(By.cssSelector("td a")).getText();
		String code = letter.findElements(By.tagName("td")).get(1).getText();
		browser.get(url("/guarantees/verify?number=" + letterNumber + "&code=" + code));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("示范融资担保有限公司").contains(trade);
		signOut();

		// 2. The second bidder gets its sub-account and pays through the demo bank's page; bad input first.
		signIn("bidder2", DEMO_PASSWORD);
		browser.get(url("/guarantees/my"));
		browser.findElement(By.id("depositTradeCode")).sendKeys(trade);
		browser.findElement(By.cssSelector("#deposit-form button")).click();
		WebElement account = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#deposit-table tbody td")));
		String subAccount = account.getText();
		assertThat(subAccount).matches("[0-9]{20}");

		browser.get(url("/demo-bank"));
		assertThat(browser.findElement(By.id("demo-bank-banner")).getText()).contains("演示银行").contains("不是");
		assertThat(browser.findElement(By.id("payerName")).getAttribute("value")).isEqualTo(bidder2.name());
		transfer("12345678901234567890", "50000.00");
		assertThat(refusal()).contains("平台没有保证金子账号 12345678901234567890");
		transfer(subAccount, "50000.001");
		assertThat(refusal()).contains("超过两位小数");
		transfer(subAccount, "-50000");
		assertThat(refusal()).contains("必须大于零");
		transfer(subAccount, "五万");
		assertThat(refusal()).contains("以元为单位的数字");
		assertThat(browser.findElements(By.cssSelector("#ledger-table tbody tr"))).as("nothing transferred").isEmpty();
		transfer(subAccount, "50000.00");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-notice")));
		assertThat(browser.findElement(By.cssSelector("#ledger-table tbody tr")).getAttribute("data-status")).isEqualTo("MATCHED");
		screenshot("demo-bank-transfer-matched");
		browser.get(url("/guarantees/my"));
		assertThat(browser.findElement(By.cssSelector("#arrival-table tbody tr")).getText()).contains("50000.00").contains("已匹配");
		signOut();

		// 3. Both hold valid security for the section, each in its form.
		Money required = Money.of(new BigDecimal("50000.00"));
		SecurityHeld guarantee = platform(() -> security.securityHeld(bidder.id(), TradeCode.of(trade), required)).orElseThrow();
		SecurityHeld cash = platform(() -> security.securityHeld(bidder2.id(), TradeCode.of(trade), required)).orElseThrow();
		assertThat(guarantee.form()).isEqualTo(SecurityForm.GUARANTEE);
		assertThat(guarantee.reference()).isEqualTo(letterNumber);
		assertThat(cash.form()).isEqualTo(SecurityForm.CASH_DEPOSIT);
		assertThat(cash.reference()).isEqualTo(subAccount);

		// 4. A letter whose PDF lost one byte after signing is refused with its reason, and nothing is recorded.
		String refused = postTamperedLetter(trade, bidder2);
		assertThat(refused).contains("签名不被接受").contains("签名与这些内容不符");
		assertThat(platform(() -> security.securityHeld(bidder2.id(), TradeCode.of(trade), required)).orElseThrow().form())
			.as("still the cash, no guarantee recorded").isEqualTo(SecurityForm.CASH_DEPOSIT);

		// 5. The tenderer sees no bidder before the bids are opened, and both bidders' security on its claims page after.
		signIn("tenderer", DEMO_PASSWORD);
		browser.get(url("/guarantees/claims"));
		assertThat(browser.findElement(By.cssSelector("section[data-trade='" + trade + "'] .sealed")).getText()).contains("尚未开标");
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(bidder.name()).doesNotContain(subAccount);
		platform(() -> security.biddersDisclosed(TradeCode.of(trade)));
		browser.get(url("/guarantees/claims"));
		WebElement section = browser.findElement(By.cssSelector("section[data-trade='" + trade + "']"));
		assertThat(section.findElements(By.cssSelector(".holder-table tbody tr"))).hasSize(2);
		assertThat(section.getText()).contains(bidder.name()).contains(bidder2.name()).contains(letterNumber)
			.contains(subAccount);
		screenshot("tenderer-claims-page");
		signOut();

		// 6. 36 days later staff end the transaction (the first bidder wins) and record the contract signed today.
		clock.advance(Duration.ofDays(36));
		signIn("staff", DEMO_PASSWORD);
		browser.get(url("/guarantees/trades/" + trade));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(letterNumber).contains(subAccount);
		new Select(browser.findElement(By.id("winner"))).selectByValue(bidder.id().toString());
		browser.findElement(By.cssSelector("#end-form button")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signing-form")));
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
				browser.findElement(By.id("signedOn")), LocalDate.now(clock.withZone(CHINA)).toString());
		WebElement signing = browser.findElement(By.id("signing-form"));
		signing.findElement(By.tagName("button")).click();
		wait.until(ExpectedConditions.stalenessOf(signing));
		assertThat(browser.findElement(By.id("saved-notice")).getText()).contains("合同签订已记录");
		// The demo issuer acknowledges the release and the demo bank executes the refund, both through the API.
		reloadUntil("/guarantees/trades/" + trade, By.xpath("//main//td[contains(., '已退还')]"));
		WebElement refundRow = browser.findElement(By.xpath("//main//td[contains(., '已退还')]/.."));
		assertThat(refundRow.getText()).contains("50000.00").contains("36").contains("17.50").contains("50017.50");
		reloadUntil("/guarantees/trades/" + trade, By.xpath("//table[@id='release-table']//tr[td[contains(., '" + letterNumber
				+ "')] and not(td[contains(., '等待机构确认')])]"));
		screenshot("trade-released-and-refunded");
		signOut();

		// 7. Each bidder sees its own: the released guarantee, the refund with interest.
		signIn("bidder", DEMO_PASSWORD);
		browser.get(url("/guarantees/my"));
		assertThat(browser.findElement(By.cssSelector("#guarantee-table tbody tr")).getText()).contains("已释放");
		screenshot("bidder-guarantee-released");
		// The demo bank shows an account holder its own transactions only: this bidder paid nothing in cash.
		browser.get(url("/demo-bank"));
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(subAccount).doesNotContain("50017.50");
		assertThat(browser.findElements(By.cssSelector("#ledger-table tbody tr"))).isEmpty();
		browser.get(url("/guarantees/my"));
		signOut();
		signIn("bidder2", DEMO_PASSWORD);
		browser.get(url("/guarantees/my"));
		WebElement refunded = browser.findElement(By.cssSelector("#refund-table tbody tr"));
		assertThat(refunded.getText()).contains("50000.00").contains("17.50").contains("50017.50").contains("已退还");
		String bankReference = refunded.findElement(By.cssSelector("td.bank-reference")).getText();
		assertThat(bankReference).as("the bank's own reference of the executed refund").startsWith("DEMOBANK-RF-");
		screenshot("bidder2-refund-with-interest");
		browser.get(url("/demo-bank"));
		assertThat(browser.findElement(By.id("ledger-table")).getText()).contains("50017.50").contains("已退至付款账户");
		assertThat(browser.findElement(By.cssSelector("#ledger-table tr[data-reference='" + bankReference + "']"))
			.getText()).as("the same transfer on the bank's side").contains("50017.50");
		assertThat(browser.findElements(By.cssSelector("#ledger-table tbody tr"))).as("its transfer and its refund")
			.hasSize(2);
		assertThat(platform(() -> security.securityHeld(bidder.id(), TradeCode.of(trade), required))).isEmpty();
		assertThat(platform(() -> security.securityHeld(bidder2.id(), TradeCode.of(trade), required))).isEmpty();
	}

	/**
	 * A second issuer made for this test (its system is this test): its entity gets a demo-CA certificate, a bidder
	 * applies to it, and the test posts a correctly signed letter whose PDF then lost a byte.
	 */
	private String postTamperedLetter(String trade, EntityView applicant) throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String person = "it.issuer." + run;
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, "测试担保有限公司" + run,
				TestActor.creditCode("500000"), null, "张三", "李四", "023-12345678", "contact@example.cn", null, "150", TestActor.CITY,
				Set.of(EntityRole.GUARANTEE_ISSUER), person, PASSWORD));
		EntityView issuer = TestActor.cityStaff().call(() -> registry.approve(registered.id(), registered.version()));
		IssuedCredentials credentials = TestActor.signedIn(login, person, PASSWORD, () -> certificates.issueDemoCertificate());
		String client = "it.issuer.api." + run;
		AccountView machine = TestActor.admin().call(() -> accounts.create(new NewAccount(client, "测试担保系统 " + run,
				AccountKind.MACHINE, Set.of(Role.API_CLIENT, Role.GUARANTEE_ISSUER), null, false, Set.of(), null)));
		String token = TestActor.admin().call(() -> accounts.issueToken(machine.id(), "browser test", 1)).secret();
		TestActor.cityStaff().run(() -> issuance.registerIssuer(issuer.creditCode(), client));
		ApplicationView application = TestActor.of("bidder2", Role.BIDDER, TestActor.CITY, false)
			.call(() -> issuance.apply(trade, issuer.id().toString()));

		byte[] pdf = "%PDF-1.4\n% a letter\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		LocalDate today = LocalDate.now(clock.withZone(CHINA));
		String number = "IT-BH-" + run;
		CanonicalLetter canonical = new CanonicalLetter(number, TradeCode.of(trade), application.beneficiaryCreditCode(),
				applicant.creditCode(), application.amount(), today, application.bidValidityEnd().plusDays(30),
				Sha256.hex(pdf));
		Signature signer = Signature.getInstance("SM3withSM2", new BouncyCastleProvider());
		signer.initSign(KeyFactory.getInstance("EC", new BouncyCastleProvider()).generatePrivate(new PKCS8EncodedKeySpec(
				Base64.getMimeDecoder().decode(credentials.privateKeyPem().replaceAll("-----[A-Z ]+-----", "")))));
		signer.update(canonical.bytes());
		String signature = Base64.getEncoder().encodeToString(signer.sign());
		pdf[pdf.length - 2] ^= 0x01;
		String body = """
				{"letterNumber":"%s","tradeCode":"%s","beneficiaryCreditCode":"%s","applicantCreditCode":"%s",
				 "amount":%s,"validFrom":"%s","validUntil":"%s","pdf":"%s","signature":"%s","algorithm":"SM3_WITH_SM2",
				 "certificate":"%s"}""".formatted(number, trade, application.beneficiaryCreditCode(),
				applicant.creditCode(), application.amount(), today, application.bidValidityEnd().plusDays(30),
				Base64.getEncoder().encodeToString(pdf), signature, credentials.certificatePem().replace("\n", "\\n"));
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create(url("/api/guarantees/issuer/applications/" + application.id() + "/letter")))
			.header("Authorization", "Bearer " + token).header("Idempotency-Key", "tampered-" + run)
			.header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		List<ApplicationView> pending = TestActor.of("bidder2", Role.BIDDER, TestActor.CITY, false)
			.call(() -> issuance.myApplications());
		assertThat(pending).filteredOn(a -> a.id().equals(application.id())).singleElement()
			.extracting(ApplicationView::status).isEqualTo(ApplicationStatus.PENDING);
		return response.body();
	}

	private void transfer(String subAccount, String amount) {
		browser.findElement(By.id("accountNumber")).clear();
		browser.findElement(By.id("accountNumber")).sendKeys(subAccount);
		browser.findElement(By.id("amount")).clear();
		browser.findElement(By.id("amount")).sendKeys(amount);
		browser.findElement(By.id("payerAccount")).clear();
		browser.findElement(By.id("payerAccount")).sendKeys("6222000011112222");
		WebElement form = browser.findElement(By.id("transfer-form"));
		browser.findElement(By.id("transfer-submit")).click();
		wait.until(ExpectedConditions.stalenessOf(form));
	}

	private String refusal() {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refused"))).getText();
	}

	/** Reloads the page until the element shows up: the demo clients poll every 400 ms. */
	private WebElement reloadUntil(String path, By element) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			browser.get(url(path));
			List<WebElement> found = browser.findElements(element);
			if (!found.isEmpty()) {
				return found.get(0);
			}
			assertThat(System.nanoTime()).as("%s on %s within 30 s", element, path).isLessThan(until);
			Thread.sleep(300);
		}
	}

	private EntityView entityOf(String username, Role role) {
		return TestActor.of(username, role, TestActor.CITY, false).call(() -> registry.myEntity()).orElseThrow();
	}

	private <T> T platform(Supplier<T> work) {
		return RegionScopes.callAsPlatform(work);
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
		wait.until(ExpectedConditions.urlContains("/workspace"));
	}

	private void signOut() {
		browser.findElement(By.id("sign-out")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
	}

	private void screenshot(String name) throws Exception {
		Chromium.screenshot(browser, name);
	}
}
