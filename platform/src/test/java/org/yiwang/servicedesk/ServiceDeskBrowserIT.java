package org.yiwang.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
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
import org.yiwang.account.AccountKind;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.NewAccount;
import org.yiwang.kernel.Role;

/**
 * In real headless Chromium: a user applies online and uploads a document; Yuzhong's staff take charge and finish;
 * the user rates it 不满意 with a national reason (first without one: refused, the field named); the staff answer the
 * rectification and record the revisit; the user sees the outcome on the request's page; the staff performance table
 * and its chart show the finished request, and the public page shows the center's figures without sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ServiceDeskBrowserIT {

	private static final String PASSWORD = "Servicedesk-pass-2026";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	WebDriver browser;

	WebDriverWait wait;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void a_request_rated_badly_is_rectified_and_the_staff_performance_table_counts_it(@TempDir Path dir)
			throws Exception {
		String user = "sdu." + run;
		String staff = "sds." + run;
		TestActor.admin().run(() -> {
			accounts.create(new NewAccount(user, "服务用户" + run, AccountKind.PERSON, Set.of(Role.TENDERER), TestActor.CITY,
					true, Set.of(), PASSWORD));
			accounts.create(new NewAccount(staff, "渝中窗口" + run, AccountKind.PERSON, Set.of(Role.CENTER_STAFF),
					TestActor.YUZHONG, false, Set.of(), PASSWORD));
		});
		Path form = dir.resolve("申请表.txt");
		Files.writeString(form, "交易档案查阅申请 " + run, StandardCharsets.UTF_8);

		browser = Chromium.open(1400);
		wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		signIn(user);
		browser.get(url("/service"));
		new Select(browser.findElement(By.id("region"))).selectByValue(TestActor.YUZHONG);
		new Select(browser.findElement(By.id("item"))).selectByValue("ARCHIVE_COPY");
		browser.findElement(By.id("detail")).sendKeys("查阅 2025 年某道路工程交易档案");
		submit("file-submit");
		// no subject: refused, the field named and marked, the details kept
		assertThat(browser.findElement(By.id("refused")).getText()).contains("标题");
		assertThat(browser.findElement(By.id("subject")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.findElement(By.id("detail")).getAttribute("value")).contains("道路工程");
		browser.findElement(By.id("subject")).sendKeys("档案复制 " + run);
		submit("file-submit");
		assertThat(browser.findElement(By.id("saved-notice")).getText()).contains("已受理");
		String page = browser.getCurrentUrl();
		browser.findElement(By.id("document")).sendKeys(form.toString());
		submit("document-submit");
		assertThat(browser.findElement(By.id("documents")).getText()).contains("申请表.txt");

		signIn(staff);
		browser.get(page);
		assertThat(browser.findElement(By.id("request-status")).getText()).contains("办理中");
		submit("claim-button");
		assertThat(browser.findElement(By.id("assignee")).getText()).isEqualTo("渝中窗口" + run);
		browser.findElement(By.id("outcome-input")).sendKeys("已复制档案 12 页，交申请人领取");
		submit("finish-button");
		assertThat(browser.findElement(By.id("request-status")).getText()).contains("已办结");
		assertThat(browser.findElement(By.id("working-days")).getText()).contains("时限内办结");

		signIn(user);
		browser.get(page);
		browser.findElement(By.id("level-DISSATISFIED")).click();
		browser.findElement(By.id("comment")).sendKeys("窗口未一次告知要带授权委托书");
		submit("rate-button");
		assertThat(browser.findElement(By.id("refused")).getText()).contains("差评原因");
		browser.findElement(By.id("level-DISSATISFIED")).click();
		browser.findElement(By.id("reason-NOT_TOLD_AT_ONCE")).click();
		browser.findElement(By.id("reason-MANY_VISITS")).click();
		submit("rate-button");
		assertThat(browser.findElement(By.id("rating-level")).getText()).isEqualTo("不满意");
		assertThat(browser.findElement(By.id("rectification-status")).getText()).isEqualTo("整改中");
		Chromium.screenshot(browser, "servicedesk-rated-badly");

		signIn(staff);
		browser.get(page);
		browser.findElement(By.id("reply")).sendKeys("已在窗口张贴一次性告知清单，并对承办人进行培训");
		submit("reply-button");
		assertThat(browser.findElement(By.id("rectification-status")).getText()).isEqualTo("已答复，待回访");
		new Select(browser.findElement(By.id("revisit"))).selectByValue("RESOLVED");
		browser.findElement(By.id("revisitNote")).sendKeys("电话回访，申请人认可整改");
		submit("revisit-button");
		assertThat(browser.findElement(By.id("rectification-status")).getText()).isEqualTo("已完结");

		browser.get(url("/service/performance"));
		WebElement row = browser.findElement(By.cssSelector("tr[data-staff='" + staff + "']"));
		assertThat(row.getText()).contains("渝中窗口" + run).contains("100.0%");
		assertThat(row.findElements(By.tagName("td")).get(7).getText()).isEqualTo("1");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#performance-chart canvas")));
		assertThat(browser.findElement(By.id("performance-chart")).getAttribute("aria-label")).contains("渝中窗口" + run);
		Chromium.screenshot(browser, "servicedesk-performance");

		signIn(user);
		browser.get(page);
		assertThat(browser.findElement(By.id("rectification-reply")).getText()).contains("一次性告知清单");
		assertThat(browser.findElement(By.id("revisit-outcome")).getText()).contains("已解决");

		browser.manage().deleteAllCookies();
		browser.get(url("/open/service"));
		assertThat(Integer.parseInt(browser.findElement(By.id("figure-handled")).getText())).isPositive();
		assertThat(browser.findElement(By.id("figure-satisfied")).getText()).endsWith("%");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#items-chart canvas")));
		Chromium.screenshot(browser, "servicedesk-open");
	}

	private void submit(String buttonId) {
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(By.id(buttonId)).click();
		wait.until(Chromium.gone(page));
	}

	private void signIn(String username) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
