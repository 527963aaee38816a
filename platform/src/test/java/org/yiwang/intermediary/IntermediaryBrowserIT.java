package org.yiwang.intermediary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

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
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.yiwang.AdjustableClock;
import org.yiwang.Chromium;

/**
 * In real headless Chromium: an owner publishes a request by each selection method through the form, intermediaries
 * sign up (with sealed quotes where the method asks), the owner selects once the deadline has passed, the selected
 * intermediary confirms the contract and reports delivery, and the owner accepts and rates; the rating shows in the
 * intermediary's public score. A direct selection without a reason is refused with the field named, then made with
 * one. Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(AdjustableClock.Config.class)
class IntermediaryBrowserIT {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	AdjustableClock clock;

	WebDriver browser;

	WebDriverWait wait;

	IntermediaryFixture f;

	@BeforeEach
	void open() throws Exception {
		browser = Chromium.open(1400);
		wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		f = new IntermediaryFixture(context);
	}

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void signIn(String username) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(IntermediaryFixture.PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.urlContains("/workspace"));
	}

	/** Clicks a plain form's button and waits for the page it posts to. */
	private void submit(String buttonId) {
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(By.id(buttonId)).click();
		wait.until(Chromium.gone(page));
	}

	private void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	@Test
	void requests_go_through_every_selection_method_to_a_rating() throws Exception {
		String owner = f.owner();
		List<String> firms = List.of(f.intermediary("COST_CONSULTING"), f.intermediary("COST_CONSULTING"),
				f.intermediary("COST_CONSULTING"));

		String drawn = throughSelection(owner, "RANDOM_DRAW", firms, List.of("", "", ""));
		assertThat(browser.findElement(By.id("draw-record")).getAttribute("href")).endsWith("/draw.json");
		Chromium.screenshot(browser, "intermediary-drawn");
		throughRating(owner, drawn, "5", "4", "5");

		String cheapest = throughSelection(owner, "LOWEST_PRICE", firms, List.of("98000.00", "91000.50", "99000.00"));
		assertThat(cheapest).isEqualTo(firms.get(1));
		throughRating(owner, cheapest, "3", "3", "4");

		String best = throughSelection(owner, "PRICE_QUALITY", firms.subList(0, 2), List.of("95000.00", "96000.00"));
		assertThat(browser.findElement(By.id("selection-note")).getText()).contains("综合评分");
		throughRating(owner, best, "4", "4", "4");

		// a direct selection: refused without a reason, naming the field; made with one, flagged to the regulator
		signIn(owner);
		browser.get(url("/intermediary/requests/new"));
		fillRequest("DIRECT");
		new Select(browser.findElement(By.id("directBasis"))).selectByValue("ORIGINAL_PROVIDER");
		type("directCreditCode", f.entityOf(firms.get(2)).creditCode());
		submit("publish-request");
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refused"))).getText())
			.contains("直接选取理由");
		Chromium.screenshot(browser, "intermediary-direct-refused");
		fillRequest("DIRECT");
		new Select(browser.findElement(By.id("directBasis"))).selectByValue("ORIGINAL_PROVIDER");
		type("directReason", "原造价咨询单位已完成前期概算，后续结算须由其继续以保证数据一致。");
		type("directCreditCode", f.entityOf(firms.get(2)).creditCode());
		submit("publish-request");
		assertThat(browser.findElement(By.id("request-status")).getText()).isEqualTo("已选定");
		assertThat(browser.findElement(By.id("direct-basis")).getText()).contains("已推送监管");
		throughRating(owner, firms.get(2), "5", "5", "5");

		browser.manage().deleteAllCookies();
		browser.get(url("/intermediary/providers/" + f.entityOf(firms.get(2)).id().value()));
		assertThat(browser.findElement(By.id("public-score")).getText()).contains("/ 100");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#score-chart canvas")));
		Chromium.screenshot(browser, "intermediary-profile");
	}

	private void fillRequest(String method) {
		new Select(browser.findElement(By.id("region"))).selectByValue(IntermediaryFixture.REGION);
		new Select(browser.findElement(By.id("serviceType"))).selectByValue("COST_CONSULTING");
		type("title", "浏览器测试 " + method + " " + f.run);
		type("scope", "某小学改扩建工程结算审核。");
		type("feeCeiling", "100000.00");
		new Select(browser.findElement(By.id("method"))).selectByValue(method);
		String deadline = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(3)), CHINA)
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
				browser.findElement(By.id("deadline")), deadline);
		if (method.equals("PRICE_QUALITY")) {
			type("priceWeight", "60");
		}
	}

	/** Publishes by the method, signs the firms up with their quotes, selects after the deadline; the selected user. */
	private String throughSelection(String owner, String method, List<String> firms, List<String> quotes)
			throws Exception {
		signIn(owner);
		browser.get(url("/intermediary/requests/new"));
		fillRequest(method);
		submit("publish-request");
		String page = browser.getCurrentUrl();
		UUID id = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
		assertThat(browser.findElement(By.id("saved-notice")).getText()).contains("已发布");
		for (int i = 0; i < firms.size(); i++) {
			signIn(firms.get(i));
			browser.get(page);
			if (!quotes.get(i).isEmpty()) {
				type("quote", quotes.get(i));
			}
			submit("signup-button");
			assertThat(browser.findElement(By.id("saved-notice")).getText()).contains("报名成功");
		}
		assertThat(browser.findElement(By.id("signups")).getText()).doesNotContain("91000.50");
		Chromium.screenshot(browser, "intermediary-" + method.toLowerCase() + "-signed-up");
		clock.advanceTo(f.desk.request(id).deadline().plusSeconds(1));
		signIn(owner);
		browser.get(page);
		submit("select-button");
		assertThat(browser.findElement(By.id("request-status")).getText()).isEqualTo("已选定");
		String name = browser.findElement(By.id("selected-name")).getText();
		return firms.stream().filter(u -> name.equals("中介测试" + u)).findFirst().orElseThrow();
	}

	/** The selected firm confirms and delivers; the owner accepts and rates. */
	private void throughRating(String owner, String firm, String quality, String timeliness, String attitude) {
		String page = browser.getCurrentUrl();
		signIn(firm);
		browser.get(page);
		submit("contract-button");
		assertThat(browser.findElement(By.id("request-status")).getText()).isEqualTo("已签合同");
		type("deliveryNote", "成果文件已提交。");
		submit("delivery-button");
		signIn(owner);
		browser.get(page);
		submit("accept-button");
		new Select(browser.findElement(By.id("quality"))).selectByValue(quality);
		new Select(browser.findElement(By.id("timeliness"))).selectByValue(timeliness);
		new Select(browser.findElement(By.id("attitude"))).selectByValue(attitude);
		type("comment", "按时交付，质量可靠。");
		submit("rate-button");
		assertThat(browser.findElement(By.id("request-status")).getText()).isEqualTo("已评价");
		assertThat(browser.findElement(By.id("rating")).getText()).contains("质量 " + quality);
	}
}
