package org.yiwang.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.yiwang.Chromium;
import org.yiwang.TestActor;
import org.yiwang.audit.AuditEntry;
import org.yiwang.audit.AuditLog;
import org.yiwang.kernel.Role;

/**
 * Issue 17, item 8 in Chromium: city staff find no way to issue a bidder's token, request support access with a
 * reason, act for the bidder, and the bidder sees the notice and ends it; the audit names both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SupportAccessBrowserIT {

	static final String PASSWORD = "Support-pass-2026";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuditLog audit;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeEach
	void open_chromium() throws Exception {
		browser = Chromium.open(1600);
		wait = new WebDriverWait(browser, Duration.ofSeconds(20));
	}

	@AfterEach
	void close_chromium() {
		if (browser != null) {
			browser.quit();
		}
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

	@Test
	void staff_act_for_a_bidder_only_through_announced_support_access() throws Exception {
		String bidder = "bdr." + UUID.randomUUID().toString().substring(0, 8);
		AccountView person = TestActor.admin().call(() -> accounts.create(new NewAccount(bidder, "支持访问投标人",
				AccountKind.PERSON, Set.of(Role.BIDDER), null, false, Set.of(), PASSWORD)));

		signIn("staff", "Demo@2026yw");
		browser.get(url("/admin/accounts/" + person.id()));
		assertThat(browser.findElement(By.id("person-tokens-own")).getText()).contains("本人签发");
		assertThat(browser.findElements(By.id("token-name"))).as("no token form for a person").isEmpty();
		browser.findElement(By.id("support-reason")).sendKeys("投标人来电：找不到联系人修改入口");
		browser.findElement(By.id("support-request")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("support-enter"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("support-banner")));
		assertThat(browser.findElement(By.id("support-banner")).getText()).contains("staff");
		assertThat(browser.findElements(By.id("own-tokens"))).as("no token for staff acting as the person").isEmpty();
		Chromium.screenshot(browser, "support-access-acting");

		browser.manage().deleteAllCookies();
		signIn(bidder, PASSWORD);
		browser.get(url("/account"));
		String notice = browser.findElement(By.id("support-notices")).getText();
		assertThat(notice).contains("staff").contains("找不到联系人修改入口");
		Chromium.screenshot(browser, "support-access-notice");
		browser.findElement(By.id("support-end")).click();
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("support-end")));

		AuditEntry started = TestActor.admin().call(() -> audit.latest("account.support.started", 50)).stream()
			.filter(e -> e.target().equals("account:" + person.id())).findFirst().orElseThrow();
		assertThat(started.actor()).isEqualTo(bidder);
		assertThat(started.supportedBy()).isEqualTo("staff");
	}
}
