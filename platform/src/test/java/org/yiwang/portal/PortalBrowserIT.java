package org.yiwang.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.yiwang.Chromium;
import org.yiwang.TestActor;
import org.yiwang.tendering.NoticePublished;
import org.yiwang.tendering.NoticeType;
import org.yiwang.transparency.TransparencyLog;

/**
 * Done when: a newcomer searches the portal for a two-character term and finds every matching notice across the
 * districts, narrows it by region and category, signs in, saves the search, and is told in the workspace when a new
 * matching notice is published. In a real headless Chromium; screenshots in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Portal portal;

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

	private void screenshot(String name) throws Exception {
		Chromium.screenshot(browser, name);
	}

	private NoticePublished publish(Publications publications, String region, String category, String title) {
		NoticePublished notice = publications.publish(publications.notice(NoticeType.TENDER, region, category, title,
				"本项目包括道路、管网等配套工程。", null));
		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> portal.search(SearchRequest.of(notice.tradeCode().value())).total() == 1);
		return notice;
	}

	@Test
	void a_newcomer_finds_every_notice_with_a_two_character_term_narrows_it_saves_it_and_is_told_of_a_new_one()
			throws Exception {
		Publications publications = new Publications(context);
		publish(publications, TestActor.YUZHONG, "ENG_BUILDING", "渝中区较场口道路提升工程施工招标公告");
		publish(publications, TestActor.YUZHONG, "ENG_TRANSPORT", "渝中区滨江道路照明工程招标公告");
		publish(publications, TestActor.WANZHOU, "ENG_BUILDING", "万州区高笋塘道路改造工程招标公告");
		publish(publications, "500102", "ENG_WATER", "涪陵区水厂道路配套工程招标公告");
		List<UUID> expected = jdbc.sql("""
				select id from portal.records where title || project_name || section_name || body || parties::text like '%道路%'""")
			.query(UUID.class).list();

		browser.get(url("/portal"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#region-chart canvas")));
		screenshot("portal-home");
		browser.findElement(By.id("q")).sendKeys("道路");
		browser.findElement(By.id("portal-search-submit")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result-count")));
		assertThat(browser.findElement(By.id("result-count")).getText()).contains(String.valueOf(expected.size()));
		assertThat(browser.findElements(By.cssSelector("#hits .hit"))).hasSize(Math.min(expected.size(), 20));
		assertThat(browser.findElements(By.cssSelector("#hits mark"))).isNotEmpty()
			.allSatisfy(mark -> assertThat(mark.getText()).isEqualTo("道路"));
		screenshot("portal-search-道路");

		browser.findElement(By.cssSelector("[data-facet='region'] a[data-value='" + TestActor.YUZHONG + "']")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-facet='region'] a.active")));
		assertThat(browser.findElements(By.cssSelector("#hits .hit"))).allSatisfy(
				hit -> assertThat(hit.findElement(By.cssSelector(".tag")).getText()).isEqualTo("渝中区"));
		browser.findElement(By.cssSelector("[data-facet='category'] a[data-value='ENG_BUILDING']")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-facet='category'] a.active")));
		List<WebElement> narrowed = browser.findElements(By.cssSelector("#hits .hit"));
		long expectedNarrowed = jdbc.sql("""
				select count(*) from portal.records where region_code = ? and category_code = 'ENG_BUILDING'
				and title || project_name || section_name || body || parties::text like '%道路%'""").param(TestActor.YUZHONG)
			.query(Long.class).single();
		assertThat(narrowed).hasSize((int) expectedNarrowed);
		String narrowedUrl = browser.getCurrentUrl();
		screenshot("portal-search-narrowed");

		browser.findElement(By.id("sign-in")).click();
		// the login page has the field; the search page being left does not
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("bidder");
		browser.findElement(By.id("password")).sendKeys("Demo@2026yw");
		browser.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.urlContains("/workspace"));
		browser.get(narrowedUrl);
		String name = "渝中道路 " + UUID.randomUUID().toString().substring(0, 4);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("save-name"))).sendKeys(name);
		browser.findElement(By.id("save-search-submit")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-notice"))).getText())
			.contains("已保存");

		NoticePublished fresh = publish(publications, TestActor.YUZHONG, "ENG_BUILDING", "渝中区新华路道路大修工程招标公告");
		browser.get(url("/workspace"));
		browser.findElement(By.cssSelector("[data-menu='/portal/saved-searches']")).click();
		WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//section[@data-saved-search][.//span[text()='" + name + "']]")));
		assertThat(search.findElement(By.cssSelector(".unseen")).getText()).contains("1");
		assertThat(search.findElement(By.cssSelector("li.unseen-match")).getAttribute("data-record"))
			.isEqualTo(fresh.noticeId().toString());
		screenshot("portal-saved-search-told");

		search.findElement(By.cssSelector("li.unseen-match a")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("record-title"))).getText())
			.isEqualTo("渝中区新华路道路大修工程招标公告");
		browser.findElement(By.id("verify-signature")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verification-result")))
			.getAttribute("data-valid")).isEqualTo("true");
		screenshot("portal-notice-verified");
	}

	@Test
	void a_reader_checks_in_the_browser_that_a_published_notice_is_in_the_transparency_log() throws Exception {
		Publications publications = new Publications(context);
		NoticePublished notice = publish(publications, TestActor.YUZHONG, "ENG_BUILDING", "渝中区透明日志核验测试工程招标公告");
		TransparencyLog log = context.getBean(TransparencyLog.class);
		// the listener queues the record after its commit; signing merges what waits
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
			log.signTreeHead(false);
			return log.leaf("record", notice.noticeId().toString()).isPresent();
		});
		String leafHash = log.leaf("record", notice.noticeId().toString()).orElseThrow().leafHash();

		browser.get(url("/portal"));
		browser.findElement(By.id("transparency-link")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#growth-chart canvas")));
		browser.findElement(By.cssSelector("#newest-leaves a[href*='" + leafHash + "']")).click();
		WebElement verdict = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#browser-check[data-result]")));
		assertThat(verdict.getAttribute("data-result")).isEqualTo("ok");
		assertThat(verdict.getText()).contains("✔");
		screenshot("transparency-log-checked");

		// a proof altered in the page (one sibling hash changed) is caught by the same script
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
				var p = document.getElementById('proof'); var d = JSON.parse(p.getAttribute('data-proof'));
				d.leafHash = d.leafHash.replace(/^./, d.leafHash[0] === '0' ? '1' : '0');
				p.setAttribute('data-proof', JSON.stringify(d));
				document.getElementById('browser-check').removeAttribute('data-result');
				var s = document.createElement('script'); s.src = '/js/transparency-log.js'; document.body.appendChild(s);""");
		assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#browser-check[data-result]")))
			.getAttribute("data-result")).isEqualTo("bad");
	}
}
