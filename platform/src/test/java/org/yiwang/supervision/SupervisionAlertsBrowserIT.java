package org.yiwang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.Chromium;
import org.yiwang.TestActor;
import org.yiwang.account.AccountKind;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.NewAccount;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;
import org.yiwang.supervision.alert.AlertView;
import org.yiwang.supervision.alert.Alerts;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.BidsOpened;
import org.yiwang.tendering.OpenedBid;
import org.yiwang.tendering.SectionId;

/**
 * In a real headless Chromium: an alert raised at a bid opening goes from the rule to closure (the regulator sees it
 * with its evidence and the dashboard, dispatches it; the district's staff answer; the regulator closes it), and a
 * regulator screens a CSV of historical bids on the upload page, then is told the line to fix in a bad one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SupervisionAlertsBrowserIT {

	private static final String PASSWORD = "Supervision-pass-2026";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Alerts alerts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	WebDriver browser;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void close_chromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void an_alert_goes_from_the_rule_to_closure_in_the_browser() throws Exception {
		String regulator = "reg." + run;
		String staff = "stf." + run;
		TestActor.admin().run(() -> {
			accounts.create(new NewAccount(regulator, "住建监管" + run, AccountKind.PERSON, Set.of(Role.REGULATOR),
					TestActor.CITY, true, Set.of("ENG_BUILDING"), PASSWORD));
			accounts.create(new NewAccount(staff, "渝中工作人员" + run, AccountKind.PERSON, Set.of(Role.CENTER_STAFF),
					TestActor.YUZHONG, false, Set.of(), PASSWORD));
		});
		String trade = "CQ-500103-2026-BR" + run.toUpperCase();
		List<OpenedBid> bids = List.of(bid("甲建设" + run, "900000.00"), bid("乙建设" + run, "900000.00"),
				bid("丙建设" + run, "960000.00"));
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> events.publishEvent(new BidsOpened(
				Actor.SYSTEM, new SectionId(UUID.randomUUID()), TradeCode.of(trade), 1, RegionCode.of(TestActor.YUZHONG),
				CategoryCode.of("ENG_BUILDING"), EntityId.random(), Money.of("1000000.00"), bids, UUID.randomUUID(),
				clock.instant()))));
		UUID id = Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> TestActor.regulator().call(() -> alerts.visible()).stream()
				.filter(a -> a.tradeCode().equals(trade) && a.rule().equals("IDENTICAL_PRICES")).findFirst(),
					java.util.Optional::isPresent)
			.map(AlertView::id).orElseThrow();

		browser = Chromium.open(1400);
		signIn(regulator);
		browser.get(url("/supervision/alerts"));
		assertThat(browser.findElement(By.id("alert-rule-chart")).findElements(By.tagName("canvas"))).isNotEmpty();
		WebElement row = browser.findElement(By.cssSelector("tr[data-alert='" + id + "']"));
		assertThat(row.getText()).contains("不同投标人报价相同").contains("渝中").contains("待交办");
		Chromium.screenshot(browser, "supervision-alerts");
		row.findElement(By.tagName("a")).click();
		// the list is left: read the alert's page once it is there (only it has the evidence)
		assertThat(new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert-evidence"))).getText())
			.contains("900000").contains("甲建设" + run)
			.contains("乙建设" + run);
		assertThat(browser.findElement(By.id("alert-timer")).getText()).startsWith("绿色");
		// an empty instruction is refused with the reason
		submit(browser.findElement(By.id("dispatch")));
		assertThat(browser.findElement(By.id("refused")).getText()).isEqualTo("请填写内容。");
		browser.findElement(By.id("instruction")).sendKeys("请核查甲、乙两家报价相同的原因并反馈");
		submit(browser.findElement(By.id("dispatch")));
		assertThat(browser.findElement(By.id("alert-status")).getText()).isEqualTo("已交办，待反馈");
		assertThat(browser.findElements(By.id("close-form"))).isEmpty();

		browser.manage().deleteAllCookies();
		signIn(staff);
		browser.get(url("/supervision/alerts/" + id));
		assertThat(browser.findElement(By.id("alert-instruction")).getText()).contains("报价相同");
		assertThat(browser.findElement(By.id("alert-party")).getText()).isEqualTo("运营方（交易中心）");
		assertThat(browser.findElement(By.id("alert-acknowledged")).getText()).isEqualTo("尚未签收");
		// the party acknowledges receipt and keeps a follow-up record before answering
		submit(browser.findElement(By.id("acknowledge")));
		assertThat(browser.findElement(By.id("alert-acknowledged")).getText()).contains("北京时间");
		assertThat(browser.findElements(By.id("acknowledge-form"))).isEmpty();
		browser.findElement(By.id("note")).sendKeys("已调取两家投标客户端日志");
		submit(browser.findElement(By.id("follow-up")));
		assertThat(browser.findElement(By.id("alert-followups")).getText()).contains("已调取两家投标客户端日志")
			.contains("运营方（交易中心）");
		browser.findElement(By.id("feedback")).sendKeys("已调取两家投标文件及投标客户端记录，移交监管部门");
		submit(browser.findElement(By.id("answer")));
		assertThat(browser.findElement(By.id("alert-status")).getText()).isEqualTo("已反馈，待办结");
		assertThat(browser.findElements(By.id("close-form"))).isEmpty();

		browser.manage().deleteAllCookies();
		signIn(regulator);
		browser.get(url("/supervision/alerts/" + id));
		assertThat(browser.findElement(By.id("alert-feedback")).getText()).contains("移交监管部门");
		browser.findElement(By.id("conclusion")).sendKeys("已立案调查，预警办结");
		submit(browser.findElement(By.id("close")));
		assertThat(browser.findElement(By.id("alert-status")).getText()).isEqualTo("已办结");
		assertThat(browser.findElement(By.id("alert-conclusion")).getText()).isEqualTo("已立案调查，预警办结");
		Chromium.screenshot(browser, "supervision-alert-closed");
	}

	@Test
	void a_regulator_screens_a_csv_on_the_upload_page(@TempDir Path dir) throws Exception {
		String regulator = "reg2." + run;
		TestActor.admin().run(() -> accounts.create(new NewAccount(regulator, "交通监管" + run, AccountKind.PERSON,
				Set.of(Role.REGULATOR), TestActor.CITY, true, Set.of("ENG_BUILDING"), PASSWORD)));
		Path good = dir.resolve("bids.csv");
		Files.writeString(good, "\uFEFFtender,bidder,amount,estimate,winner\n历史标段A,甲,100,120,1\n历史标段A,乙,104,120,0\n"
				+ "历史标段A,丙,109,120,0\n历史标段B,甲,50,,\n", StandardCharsets.UTF_8);
		Path bad = dir.resolve("bad.csv");
		Files.writeString(bad, "tender,bidder,amount\n历史标段A,甲,100\n历史标段A,乙,十万\n", StandardCharsets.UTF_8);

		browser = Chromium.open(1000);
		signIn(regulator);
		browser.get(url("/supervision/screenings"));
		browser.findElement(By.id("file")).sendKeys(good.toString());
		submit(browser.findElement(By.id("screen")));
		WebElement table = browser.findElement(By.id("screening-table"));
		assertThat(table.getText()).contains("历史标段A").contains("历史标段B");
		assertThat(browser.findElement(By.id("screening-summary")).getText()).startsWith("共 2 个标段");
		assertThat(browser.findElement(By.id("screening-download")).getAttribute("href")).startsWith("data:text/csv");
		Chromium.screenshot(browser, "supervision-screening");

		browser.findElement(By.id("file")).sendKeys(bad.toString());
		submit(browser.findElement(By.id("screen")));
		assertThat(browser.findElement(By.id("screening-error")).getText()).contains("第 3 行").contains("amount")
			.contains("十万");
		assertThat(browser.findElements(By.id("screening-table"))).isEmpty();
	}

	private static OpenedBid bid(String name, String price) {
		return new OpenedBid(UUID.randomUUID(), EntityId.random(), name, null, Money.of(price), 300, "合格", List.of(),
				OpenedBid.Decryption.BY_BIDDER);
	}

	private void submit(WebElement button) {
		WebElement page = browser.findElement(By.tagName("html"));
		button.click();
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(Chromium.gone(page));
	}

	private void signIn(String username) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
