package org.yiwang.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.yiwang.AdjustableClock;
import org.yiwang.Chromium;
import org.yiwang.portal.Portal;
import org.yiwang.portal.PublicRecord;
import org.yiwang.portal.RecordType;

/**
 * In headless Chromium, issue 23's done-when for government procurement: a competitive negotiation registered by the
 * purchaser, published by staff, answered by three suppliers, negotiated in a round, closed by sealed final offers and
 * concluded to a published result; and a single-source notice to which another supplier objects, the staff dismiss the
 * objection, and the purchaser concludes at the agreed price after the publicity; and a framework agreement from its
 * call through sealed responses and the entry list to a purchaser's direct order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(AdjustableClock.Config.class)
class ProcurementBrowserIT {

	private static final String STAFF_PASSWORD = "Demo@2026yw";

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	AdjustableClock clock;

	@Autowired
	Portal portal;

	WebDriver browser;

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void a_negotiation_with_a_round_and_sealed_final_offers_ends_in_a_published_result() throws Exception {
		ProcurementFixture f = new ProcurementFixture(context, 3);
		browser = Chromium.open(1400);
		signIn(f.user("cg"), ProcurementFixture.PASSWORD);
		browser.get(url("/procurement/new"));
		new Select(browser.findElement(By.id("region"))).selectByValue(ProcurementFixture.REGION);
		new Select(browser.findElement(By.id("category"))).selectByValue("GOV_GOODS");
		new Select(browser.findElement(By.id("method"))).selectByValue("COMPETITIVE_NEGOTIATION");
		browser.findElement(By.id("title")).sendKeys("区政务中心服务器采购 " + f.run);
		browser.findElement(By.id("requirements")).sendKeys("机架式服务器 4 台，五年原厂保修。");
		browser.findElement(By.id("budget")).sendKeys("600000");
		browser.findElement(By.id("suppliers")).sendKeys(String.join("\n", f.codes(3)));
		submit(By.id("procurement-submit"));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("待发布");
		String caseUrl = browser.getCurrentUrl();
		UUID id = UUID.fromString(caseUrl.substring(caseUrl.lastIndexOf('/') + 1));

		signOutAndIn("staff.yuzhong", STAFF_PASSWORD);
		browser.get(caseUrl);
		submit(By.id("publish"));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("公告中");
		assertThat(browser.findElement(By.id("notice-text")).getText()).contains("竞争性谈判采购公告");
		Chromium.screenshot(browser, "procurement-negotiation-published");
		f.seatTeam(f.desk.view(id).orElseThrow()); // the negotiation team, drawn from the expert pool and seated

		String[] offers = { "590000", "575000", "580000" };
		ProcurementView published = f.desk.view(id).orElseThrow();
		for (int i = 1; i <= 3; i++) {
			signOutAndIn(f.user("gy" + i), ProcurementFixture.PASSWORD);
			browser.get(caseUrl);
			assertThat(browser.findElements(By.id("offer"))).as("no typed first offer: the supplier seals it").isEmpty();
			browser.findElement(By.id("response")).sendKeys("按采购需求全部响应，供应商 " + i);
			submit(By.id("respond"));
			// the supplier seals its first offer itself (as the bid tool does) to the key shown on the page
			String key = browser.findElement(By.id("opening-key")).getText();
			browser.findElement(By.id("envelope"))
				.sendKeys(f.seal(published, i, offers[i - 1], f.suppliers.get(i - 1).name(), key).toString());
			submit(By.id("submit-sealed-offer"));
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("加密报价已接收");
		}

		clock.advanceTo(published.responseDeadline().plusSeconds(1));
		f.openSealed(published); // the custodians' shares open the first offers (in the browser below for final offers)
		signOutAndIn(f.user("cg"), ProcurementFixture.PASSWORD);
		browser.get(caseUrl);
		submit(By.id("open-responses"));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("谈判中");
		assertThat(browser.findElement(By.id("suppliers")).getText()).contains("575000");
		for (var supplier : f.suppliers) {
			browser.findElement(By.id("note_" + supplier.id().value())).sendKeys("请将交货期压缩至 15 天并报最后价格");
		}
		submit(By.id("record-round"));
		assertThat(browser.findElement(By.id("rounds")).getText()).contains("交货期压缩至 15 天");
		String deadline = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(2)), ZoneId.of("Asia/Shanghai"))
			.format(LOCAL);
		WebElement input = browser.findElement(By.id("deadline-input"));
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, deadline);
		submit(By.id("call-final-offers"));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("最后报价中");

		String[] finals = { "560000", "565000", "570000" };
		for (int i = 1; i <= 3; i++) {
			signOutAndIn(f.user("gy" + i), ProcurementFixture.PASSWORD);
			browser.get(caseUrl);
			if (i == 1) {
				assertThat(browser.findElement(By.id("rounds")).getText()).as("a supplier sees what was said to it")
					.contains("交货期压缩至 15 天");
			}
			// the supplier seals its final offer itself (as the bid tool does) to the key shown on the page, and uploads it
			String key = browser.findElement(By.id("opening-key")).getText();
			ProcurementView now = f.desk.view(id).orElseThrow();
			browser.findElement(By.id("envelope"))
				.sendKeys(f.seal(now, i, finals[i - 1], f.suppliers.get(i - 1).name(), key).toString());
			submit(By.id("submit-sealed-offer"));
			assertThat(browser.findElement(By.id("final-sealed")).getText()).contains("加密提交");
		}
		signOutAndIn(f.user("cg"), ProcurementFixture.PASSWORD);
		browser.get(caseUrl);
		assertThat(browser.findElement(By.id("suppliers")).getText()).as("sealed until the deadline").contains("已密封")
			.doesNotContain("560000");
		ProcurementView calling = f.desk.view(id).orElseThrow();
		clock.advanceTo(calling.finalOfferDeadline().plusSeconds(1));
		// two key custodians give their shares (decrypted as bidtool unwrap-share does): the final offers open
		for (String custodian : ProcurementFixture.CUSTODIANS) {
			signOutAndIn(custodian, STAFF_PASSWORD);
			browser.get(caseUrl);
			assertThat(browser.findElement(By.id("encrypted-share")).getText()).isNotBlank();
			browser.findElement(By.id("share")).sendKeys(f.decryptedShare(calling, custodian));
			submit(By.id("give-share"));
		}
		assertThat(browser.findElement(By.id("sealed-offers")).getText()).contains("560000.00");
		signOutAndIn(f.user("cg"), ProcurementFixture.PASSWORD);
		browser.get(caseUrl);
		submit(By.id("conclude"));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已成交");
		assertThat(browser.findElement(By.id("winner")).getText()).isEqualTo(f.suppliers.get(0).name());
		assertThat(browser.findElement(By.id("price")).getText()).isEqualTo("560000.00");
		assertThat(browser.findElement(By.id("result-text")).getText()).contains("成交结果公告");
		Chromium.screenshot(browser, "procurement-negotiation-result");

		PublicRecord result = awaitResult(published.tradeCode().value(), RecordType.AWARD_RESULT);
		browser.manage().deleteAllCookies();
		browser.get(url("/notices/" + result.id()));
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), f.suppliers.get(0).name()));
	}

	@Test
	void a_single_source_notice_takes_an_objection_the_staff_answer_before_the_price_is_agreed() throws Exception {
		ProcurementFixture f = new ProcurementFixture(context, 2);
		ProcurementView registered = f.purchaserActor().call(() -> f.desk.register(
				f.request("GOV_SERVICES", ProcurementMethod.SINGLE_SOURCE, "300000", 1)));
		String caseUrl = url("/procurement/" + registered.id());
		browser = Chromium.open(1400);
		signIn("staff.yuzhong", STAFF_PASSWORD);
		browser.get(caseUrl);
		submit(By.id("publish"));
		assertThat(browser.findElement(By.id("notice-text")).getText()).contains("单一来源采购公示")
			.contains(f.suppliers.get(0).name());

		signOutAndIn(f.user("gy2"), ProcurementFixture.PASSWORD);
		browser.get(caseUrl);
		browser.findElement(By.id("objection-text")).sendKeys("本公司也能提供同等服务，不应采用单一来源方式");
		submit(By.id("raise-objection"));
		assertThat(browser.findElement(By.id("objection-list")).getText()).contains("待答复");
		Chromium.screenshot(browser, "procurement-single-source-objection");

		signOutAndIn("staff.yuzhong", STAFF_PASSWORD);
		browser.get(caseUrl);
		browser.findElement(By.cssSelector(".answer-text")).sendKeys("经核实，该系统的维护只能由原开发商提供");
		new Select(browser.findElement(By.cssSelector(".answer-decision"))).selectByValue("dismiss");
		submit(By.cssSelector(".answer-submit"));
		assertThat(browser.findElement(By.id("objection-list")).getText()).contains("驳回");

		clock.advanceTo(f.desk.view(registered.id()).orElseThrow().responseDeadline().plusSeconds(1));
		signOutAndIn(f.user("cg"), ProcurementFixture.PASSWORD);
		browser.get(caseUrl);
		submit(By.id("open-responses"));
		browser.findElement(By.id("agreed-price")).sendKeys("310000");
		submit(By.id("agree"));
		assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("不得超过预算");
		browser.findElement(By.id("agreed-price")).sendKeys("295000");
		submit(By.id("agree"));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已成交");
		Chromium.screenshot(browser, "procurement-single-source-result");
		awaitResult(registered.tradeCode().value(), RecordType.AWARD_RESULT);
	}

	@Test
	void a_framework_agreement_selects_its_entrants_and_a_purchaser_orders_from_them() throws Exception {
		ProcurementFixture f = new ProcurementFixture(context, 3);
		browser = Chromium.open(1400);
		signIn(f.user("cg"), ProcurementFixture.PASSWORD);
		browser.get(url("/procurement"));
		// each link leaves a page: look for the next one's own element, not at the page being left
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		browser.findElement(By.id("frameworks-link")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("new-framework"))).click();
		new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("region"))))
			.selectByValue(ProcurementFixture.REGION);
		new Select(browser.findElement(By.id("category"))).selectByValue("GOV_GOODS");
		browser.findElement(By.id("title")).sendKeys("办公家具框架协议 " + f.run);
		browser.findElement(By.id("requirements")).sendKeys("办公桌椅，按需分批供货。");
		browser.findElement(By.id("unit")).sendKeys("套");
		browser.findElement(By.id("maxUnitPrice")).sendKeys("2000");
		new Select(browser.findElement(By.id("evaluation"))).selectByValue("PRICE_FIRST");
		new Select(browser.findElement(By.id("secondStage"))).selectByValue("DIRECT_SELECTION");
		WebElement term = browser.findElement(By.id("termMonths"));
		// past the browser's own check (max 24), so the platform's refusal is what the person sees
		((JavascriptExecutor) browser).executeScript("arguments[0].removeAttribute('max'); arguments[0].value = '30'", term);
		submit(By.id("framework-submit"));
		assertThat(browser.findElement(By.tagName("main")).getText()).as("the refusal names the field")
			.contains("框架协议有效期");
		new Select(browser.findElement(By.id("region"))).selectByValue(ProcurementFixture.REGION);
		new Select(browser.findElement(By.id("category"))).selectByValue("GOV_GOODS");
		browser.findElement(By.id("title")).sendKeys("办公家具框架协议 " + f.run);
		browser.findElement(By.id("requirements")).sendKeys("办公桌椅，按需分批供货。");
		browser.findElement(By.id("unit")).sendKeys("套");
		browser.findElement(By.id("maxUnitPrice")).sendKeys("2000");
		new Select(browser.findElement(By.id("evaluation"))).selectByValue("PRICE_FIRST");
		new Select(browser.findElement(By.id("secondStage"))).selectByValue("DIRECT_SELECTION");
		submit(By.id("framework-submit"));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("待发布");
		String page = browser.getCurrentUrl();
		UUID id = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));

		signOutAndIn("staff.yuzhong", STAFF_PASSWORD);
		browser.get(page);
		submit(By.id("publish"));
		assertThat(browser.findElement(By.id("notice-text")).getText()).contains("框架协议采购征集公告").contains("价格优先法");

		FrameworkAgreements agreements = context.getBean(FrameworkAgreements.class);
		String code = agreements.view(id).orElseThrow().tradeCode().value();
		String[] prices = { "1800", "1650", "1900" };
		for (int i = 1; i <= 3; i++) {
			signOutAndIn(f.user("gy" + i), ProcurementFixture.PASSWORD);
			browser.get(page);
			assertThat(browser.findElements(By.id("unitPrice"))).as("no typed unit price: the supplier seals it").isEmpty();
			browser.findElement(By.id("response")).sendKeys("按需求供货，供应商 " + i);
			submit(By.id("framework-respond"));
			assertThat(browser.findElement(By.id("responded")).getText()).contains("已于");
			// the unit price sealed with the bid tool to the call's key on the page; a sheet for another trade code is
			// refused with the reason
			String key = browser.findElement(By.id("response-opening-key")).getText();
			String name = f.suppliers.get(i - 1).name();
			if (i == 1) {
				browser.findElement(By.id("envelope")).sendKeys(f.seal("ZC-OTHER-1", 1, prices[0], name, key).toString());
				submit(By.id("submit-sealed-response"));
				assertThat(browser.findElement(By.tagName("main")).getText()).contains(code);
			}
			browser.findElement(By.id("envelope")).sendKeys(f.seal(code, i, prices[i - 1], name, key).toString());
			submit(By.id("submit-sealed-response"));
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("加密报价已接收");
		}

		clock.advanceTo(agreements.view(id).orElseThrow().responseDeadline().plusSeconds(1));
		// two key custodians give their shares on the framework's page: the unit prices open
		FrameworkSealedOffers sealed = context.getBean(FrameworkSealedOffers.class);
		for (String custodian : ProcurementFixture.CUSTODIANS) {
			signOutAndIn(custodian, STAFF_PASSWORD);
			browser.get(page);
			SealingView seen = ProcurementFixture.custodian(custodian).call(() -> sealed.responses(id)).orElseThrow();
			browser.findElement(By.id("response-share")).sendKeys(f.decryptedShare(seen, custodian));
			submit(By.id("response-give-share"));
		}
		assertThat(browser.findElement(By.id("response-sealed-offers")).getText()).contains("1650.00");
		signOutAndIn(f.user("cg"), ProcurementFixture.PASSWORD);
		browser.get(page);
		submit(By.id("select-entrants"));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("协议有效");
		assertThat(browser.findElement(By.id("entry-text")).getText()).contains("框架协议入围结果公告")
			.contains("响应供应商 3 家，入围 2 家").contains(f.suppliers.get(1).name()).doesNotContain(f.suppliers.get(2).name());
		browser.findElement(By.id("quantity")).sendKeys("40");
		new Select(browser.findElement(By.id("order-supplier"))).selectByValue(f.suppliers.get(0).creditCode());
		browser.findElement(By.id("order-reason")).sendKeys("交货网点距本单位最近");
		submit(By.id("place-order"));
		assertThat(browser.findElement(By.id("order-list")).getText()).contains("已成交").contains(f.suppliers.get(0).name())
			.contains("72000.00");
		Chromium.screenshot(browser, "procurement-framework-order");
		awaitResult(agreements.view(id).orElseThrow().tradeCode().value(), RecordType.CONTRACT);
	}

	private PublicRecord awaitResult(String tradeCode, RecordType type) {
		return Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> portal.history(tradeCode).stream().filter(r -> r.type() == type).findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	/** Clicks a plain form's button and waits for the next page (the old one going stale). */
	private void submit(By button) {
		WebElement old = browser.findElement(By.tagName("main"));
		browser.findElement(button).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(Chromium.gone(old));
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void signIn(String username, String password) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/workspace"));
	}

	private void signOutAndIn(String username, String password) {
		browser.manage().deleteAllCookies();
		signIn(username, password);
	}
}
