package org.yiwang.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.yiwang.Chromium;

/**
 * In a real headless Chromium, a newcomer on a fresh demo start (the demo city and entities on): the sign-in page lists
 * a demo account of every role; each signs in from what the table says and reaches its workspace; the agency, which
 * dead-ended before, sees its own organisation; the public notice list shows the city's districts, and the records of
 * its tenders' later stages (a failed tender, candidates, award result, contract).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "yiwang.demo.city=true", "yiwang.demo.entities=true",
				// the year of back-dated tenders is DemoCityTests' to check; this test reads the current city
				"yiwang.demo.clock.start-back=0d" })
@ActiveProfiles("test")
class DemoBrowserIT {

	@LocalServerPort
	int port;

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

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void every_role_signs_in_with_the_account_the_sign_in_page_lists() throws Exception {
		browser.get(url("/login"));
		WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-accounts")));
		Chromium.screenshot(browser, "demo-sign-in-accounts");
		Map<String, String> roleOf = new java.util.LinkedHashMap<>();
		for (WebElement row : table.findElements(By.cssSelector("tr.demo-account"))) {
			List<WebElement> cells = row.findElements(By.tagName("td"));
			roleOf.put(cells.get(1).getText(), cells.get(2).getText());
		}
		assertThat(roleOf).containsEntry("admin", "平台管理员").containsEntry("agency", "招标代理机构")
			.containsEntry("intermediary", "中介机构").containsEntry("regulator", "行业监管人员");
		for (String username : List.of("admin", "staff", "staff.yuzhong", "tenderer", "agency", "bidder", "expert",
				"regulator", "issuer", "intermediary")) {
			browser.manage().deleteAllCookies();
			browser.get(url("/login"));
			String password = browser.findElement(By.xpath("//tr[td/code[text()='" + username + "']]/td[4]")).getText();
			browser.findElement(By.id("username")).sendKeys(username);
			browser.findElement(By.id("password")).sendKeys(password);
			browser.findElement(By.id("login-submit")).click();
			wait.until(ExpectedConditions.urlContains("/workspace"));
			assertThat(browser.findElement(By.tagName("h1")).getText()).as(username).isNotBlank();
			assertThat(browser.findElement(By.tagName("body")).getText()).as(username).doesNotContain("??");
		}

		// the agency acts for its own organisation now
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys("agency");
		browser.findElement(By.id("password")).sendKeys("Demo@2026yw");
		browser.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.urlContains("/workspace"));
		browser.get(url("/registry/my"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "示范招标代理有限公司"));
		Chromium.screenshot(browser, "demo-agency-entity");
	}

	@Test
	void the_public_notice_list_shows_the_city() throws Exception {
		browser.get(url("/notices"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "彭水苗族土家族自治县"));
		String text = browser.findElement(By.tagName("main")).getText();
		assertThat(text).contains("城口县", "两江新区", "渝北区", "江北区");
		Chromium.screenshot(browser, "demo-city-notices");
		// the later stages are public too: the contracted tender's record from notice to contract, a failed one
		browser.get(url("/notices?q=" + java.net.URLEncoder.encode("鸿恩寺", java.nio.charset.StandardCharsets.UTF_8)));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "合同公开"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("中标候选人公示", "中标结果公告", "合同公开");
		Chromium.screenshot(browser, "demo-city-contracted-tender");
		browser.get(url("/notices?q=" + java.net.URLEncoder.encode("天城小学", java.nio.charset.StandardCharsets.UTF_8)));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "流标公告"));
	}

	@Test
	void the_administrator_sees_how_each_demo_runner_did() throws Exception {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys("Demo@2026yw");
		browser.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.urlContains("/workspace"));
		browser.get(url("/admin/demo-clock"));
		WebElement runs = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-runs")));
		Chromium.screenshot(browser, "demo-runs");
		assertThat(runs.getText()).contains("演示城市：招标项目的各个阶段", "演示账号", "成功").doesNotContain("失败", "??");
		assertThat(runs.findElements(By.cssSelector("tr[data-ok='false']"))).isEmpty();
		assertThat(runs.findElements(By.cssSelector("tr[data-ok='true']"))).hasSizeGreaterThanOrEqualTo(10);
	}
}
