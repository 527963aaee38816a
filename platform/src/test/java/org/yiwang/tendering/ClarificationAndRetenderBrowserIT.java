package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.yiwang.Chromium;
import org.yiwang.TestActor;

/**
 * Issue 17, item 19, as people click it in a real headless Chromium: a tenderer issues an amendment less than 15 days
 * before the deadline, which moves the deadline (招标投标法实施条例 Art. 21), and a registered bidder sees the new deadline
 * and is told; a tender with fewer than three bids fails at its deadline (招标投标法 Art. 28), staff re-tender it, the
 * tenderer drafts a new notice with a new deadline, staff publish it, and a bidder sees the second round open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ClarificationAndRetenderBrowserIT {

	private static final String DEMO_PASSWORD = "Demo@2026yw";

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@TempDir
	Path dir;

	OpeningFixture f;

	WebDriver browser;

	@BeforeEach
	void bidders() {
		Assumptions.assumeTrue(OpeningFixture.opensslInstalled(), "openssl is not installed here");
		f = new OpeningFixture(dir, OpeningFixture.Beans.of(context));
		f.bidder("b1");
		f.bidder("b2");
	}

	@AfterEach
	void close_chromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void an_amendment_less_than_fifteen_days_before_the_deadline_moves_it_and_the_bidder_sees_the_new_one()
			throws Exception {
		SectionView section = f.published("0");
		f.as("b1").run(() -> f.beans.documents().registerInterest(section.id()));
		// ten days are left when the tenderer amends the documents
		Instant deadline = f.beans.clock().instant().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
		f.platform(() -> f.beans.jdbc().sql("update tendering.sections set bid_deadline = ? where id = ?")
			.params(Timestamp.from(deadline), section.id().value()).update());

		browser = Chromium.open(2000);
		// the bidder obtains the documents (those who did are told of every amendment, 实施条例 Art. 21)
		signIn("b1." + f.run, OpeningFixture.PASSWORD);
		browser.get(url("/tenders/sections/" + section.id()));
		String document = browser.findElement(By.cssSelector("a[href*='/tenders/documents/']")).getAttribute("href");
		Object fetched = ((JavascriptExecutor) browser).executeAsyncScript(
				"const done = arguments[arguments.length - 1];"
						+ "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ':' + t)))"
						+ ".catch(e => done(String(e)));", document);
		assertThat(fetched).isEqualTo("200:招标文件");
		signOut();

		signIn("tdr." + f.run, OpeningFixture.PASSWORD);
		browser.get(url("/tenders/sections/" + section.id()));
		assertThat(browser.findElement(By.id("bid-deadline")).getText()).startsWith(shown(deadline));
		browser.findElement(By.id("clarification")).sendKeys("第三章技术标准修改：混凝土强度等级由 C30 调整为 C35。");
		browser.findElement(By.cssSelector("#clarification-form input[name='affectsBids']")).click();
		Instant issued = f.beans.clock().instant();
		browser.findElement(By.cssSelector("#clarification-form button")).click();
		wait(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("clarifications"), "投标截止时间顺延至"));
		Instant moved = f.platform(() -> f.beans.jdbc().sql("select bid_deadline from tendering.sections where id = ?")
			.param(section.id().value()).query(Timestamp.class).single()).toInstant();
		assertThat(moved).as("at least 15 days after the amendment").isAfterOrEqualTo(issued.plus(Duration.ofDays(15)))
			.isAfter(deadline);
		screenshot("amendment-moves-deadline");
		signOut();

		// the bidder: the new deadline on the section, the amendment saying so, and a notification
		signIn("b1." + f.run, OpeningFixture.PASSWORD);
		browser.get(url("/tenders/sections/" + section.id()));
		assertThat(browser.findElement(By.id("bid-deadline")).getText()).startsWith(shown(moved));
		assertThat(browser.findElement(By.id("clarifications")).getText()).contains("混凝土强度等级由 C30 调整为 C35")
			.contains("投标截止时间顺延至 " + shown(moved));
		screenshot("amendment-bidder-sees-new-deadline");
		browser.get(url("/tenders"));
		assertThat(browser.findElement(By.id("notifications")).getText()).contains("投标截止时间已顺延");
	}

	@Test
	void a_tender_with_two_bids_fails_and_is_tendered_again_in_the_browser() throws Exception {
		SectionView section = f.published("0");
		f.bid(section, "b1", "900000.00");
		f.bid(section, "b2", "950000.00");
		f.deadlinePassed(section, Duration.ofMillis(1));

		// staff open the hall: the section failed at its deadline, with its signed failure notice; they re-tender it
		browser = Chromium.open(2000);
		signIn("staff.yuzhong", DEMO_PASSWORD);
		browser.get(url("/tenders/sections/" + section.id() + "/opening"));
		wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("record-text")));
		assertThat(browser.findElement(By.id("record-text")).getText()).contains("流标公告", "少于3份");
		screenshot("failed-tender");
		browser.findElement(By.id("retender")).click();
		wait(30).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "已进入下一轮招标"));
		signOut();

		// the tenderer drafts the second round's notice with a new deadline
		signIn("tdr." + f.run, OpeningFixture.PASSWORD);
		browser.get(url("/tenders/sections/" + section.id()));
		DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
		ZonedDateTime now = ZonedDateTime.now(ProcedureClock.CHINA);
		ZonedDateTime newDeadline = now.plusDays(25).withHour(9).withMinute(30).truncatedTo(ChronoUnit.MINUTES);
		wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("notice-form")));
		browser.findElement(By.id("title")).clear();
		browser.findElement(By.id("title")).sendKeys("开标测试招标（重新招标）");
		setValue("documentsFrom", now.format(local));
		setValue("documentsUntil", now.plusDays(8).format(local));
		setValue("bidDeadline", newDeadline.format(local));
		if (!browser.findElements(By.id("consortium-no")).isEmpty()) {
			browser.findElement(By.id("consortium-no")).click();
		}
		browser.findElement(By.cssSelector("#notice-form button")).click();
		wait(20).until(ExpectedConditions.textToBe(By.id("status"), "公告待审核"));
		signOut();

		signIn("staff.yuzhong", DEMO_PASSWORD);
		browser.get(url("/tenders/sections/" + section.id()));
		browser.findElement(By.id("publish")).click();
		wait(20).until(ExpectedConditions.textToBe(By.id("status"), "已发布"));
		signOut();

		// a bidder sees the second round: published again, the new deadline, and no bid of the first round standing
		signIn("b1." + f.run, OpeningFixture.PASSWORD);
		browser.get(url("/tenders/sections/" + section.id()));
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已发布");
		assertThat(browser.findElement(By.id("bid-deadline")).getText())
			.startsWith(shown(newDeadline.toInstant()));
		screenshot("retendered-section");
		assertThat(f.count("select round from tendering.sections where id = ?", section.id().value())).isEqualTo(2);
	}

	private static String shown(Instant instant) {
		return SHOWN.format(instant.atZone(ProcedureClock.CHINA));
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

	private WebDriverWait wait(int seconds) {
		return new WebDriverWait(browser, Duration.ofSeconds(seconds));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void screenshot(String name) throws java.io.IOException {
		Chromium.screenshot(browser, name);
	}
}
