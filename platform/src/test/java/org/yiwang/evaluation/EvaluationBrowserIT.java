package org.yiwang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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
import org.yiwang.pki.TrustStore;
import org.yiwang.registry.EntityId;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.BidsOpened;
import org.yiwang.tendering.OpenedBid;
import org.yiwang.tendering.SectionId;

/**
 * An expert's evaluation in a real headless Chromium: signs in, finds the case once staff began it, votes for the
 * leader, reviews the bids, is refused points above an item's maximum with the reason in Chinese, scores, and uploads
 * the signature of the score sheet (made by OpenSSL, as {@code bidtool sign} makes it), after which the sheet is signed
 * and the points form is gone. Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EvaluationBrowserIT {

	private static final String PASSWORD = "Evaluation-pass-2026";

	@LocalServerPort
	int port;

	@Autowired
	EvaluationDesk desk;

	@Autowired
	AccountManagement accounts;

	@Autowired
	TrustStore trustStore;

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
	void an_expert_reviews_scores_and_signs_the_score_sheet_in_the_browser(@TempDir Path dir) throws Exception {
		browser = Chromium.open(1400);
		CommitteeKeys keys = CommitteeKeys.trusted(dir, trustStore);
		String expert = "ex1." + run;
		TestActor.admin().run(() -> accounts.create(new NewAccount(expert, "王评审", AccountKind.PERSON, Set.of(Role.EXPERT),
				TestActor.CITY, true, Set.of(), PASSWORD)));
		List<String> members = List.of(expert, "ex2." + run, "ex3." + run);
		SectionId section = new SectionId(UUID.randomUUID());
		List<OpenedBid> bids = List.of(bid("甲建设公司" + run, "1000000.00"), bid("乙建设公司" + run, "990000.00"),
				bid("丙建设公司" + run, "1010000.00"));
		publish(new BidsOpened(Actor.SYSTEM, section, TradeCode.of("CQ-500103-2026-IT" + run.toUpperCase()), 1,
				RegionCode.of(TestActor.YUZHONG), CategoryCode.of("ENG_BUILDING"), new EntityId(UUID.randomUUID()),
				Money.of("2000000.00"), bids, UUID.randomUUID(), clock.instant()));
		List<CommitteeDrawn.Seat> seats = new ArrayList<>();
		for (String m : members) {
			byte[] certificate = keys.issue(m);
			seats.add(new CommitteeDrawn.Seat(UUID.randomUUID(), m, m, "A010101",
					TestActor.admin().call(() -> trustStore.inspect(certificate)).fingerprint()));
		}
		publish(new CommitteeDrawn(Actor.SYSTEM, UUID.randomUUID(), section, 1, RegionCode.of(TestActor.YUZHONG), seats,
				clock.instant()));
		TestActor staff = TestActor.districtStaff(TestActor.YUZHONG);
		UUID id = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> staff.call(() -> desk.cases()).stream()
			.filter(c -> c.section().equals(section) && c.committeeSeated()).findFirst(), java.util.Optional::isPresent)
			.orElseThrow().id();
		staff.run(() -> {
			desk.schedule(id, clock.instant());
			desk.begin(id);
		});
		// the other two members work through the desk
		for (String m : members.subList(1, 3)) {
			TestActor other = TestActor.of(m, Role.EXPERT, TestActor.CITY, false);
			other.run(() -> desk.voteLeader(id, expert));
			for (OpenedBid b : bids) {
				other.run(() -> desk.review(id, "QUALIFICATION", b.bidId(), true, null));
			}
		}

		signIn(expert);
		browser.get(url("/evaluation/cases"));
		browser.findElement(By.cssSelector("tr[data-case='" + id + "'] a")).click();
		// the list is left: read the case's page once it is there (only it has the status)
		assertThat(new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(By.id("case-status")))
			.getText()).isEqualTo("评标中");
		browser.findElement(By.id("vote-leader")).click();
		// the vote reloads the page: the leader read from the new one (the old node goes stale mid-read)
		new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.id("leader"), expert));

		for (String stage : List.of("QUALIFICATION", "RESPONSIVENESS")) {
			for (OpenedBid b : bids) {
				if (stage.equals("RESPONSIVENESS") && b == bids.get(0)) {
					for (String m : members.subList(1, 3)) {
						for (OpenedBid each : bids) {
							TestActor.of(m, Role.EXPERT, TestActor.CITY, false)
								.run(() -> desk.review(id, "RESPONSIVENESS", each.bidId(), true, null));
						}
					}
					browser.navigate().refresh();
				}
				WebElement form = browser.findElement(
						By.cssSelector("form.review-form[data-stage='" + stage + "'][data-bid='" + b.bidId() + "']"));
				form.findElement(By.cssSelector("input[value='pass']")).click();
				submit(form.findElement(By.cssSelector("button")));
				assertThat(browser.findElement(By.id("saved-notice")).getText()).isEqualTo("评审结论已记录。");
			}
		}

		Map<String, String> points = new LinkedHashMap<>(Map.of("CONSTRUCTION_PLAN", "21", "QUALITY", "9", "SAFETY", "8",
				"SCHEDULE", "8", "TRACK_RECORD", "7", "PROJECT_MANAGER", "9"));
		fillPoints(bids.get(0), points);
		assertThat(browser.findElement(By.id("refused")).getText()).contains("评分超过该项满分").contains("施工方案与技术措施 20");
		Chromium.screenshot(browser, "evaluation-points-refused");
		points.put("CONSTRUCTION_PLAN", "18.5");
		for (OpenedBid b : bids) {
			fillPoints(b, points);
			assertThat(browser.findElement(By.id("saved-notice")).getText()).isEqualTo("评分已保存。");
		}
		assertThat(browser.findElement(By.cssSelector("form.points-form[data-bid='" + bids.get(0).bidId()
				+ "'] input[name='item.CONSTRUCTION_PLAN']")).getAttribute("value")).isEqualTo("18.50");

		byte[] sheet = TestActor.of(expert, Role.EXPERT, TestActor.CITY, false).call(() -> desk.scoreSheet(id));
		Path signature = dir.resolve("sheet.sig");
		Files.write(signature, keys.sign(expert, sheet));
		WebElement upload = browser.findElement(By.cssSelector("#score-sheet form"));
		upload.findElement(By.name("signature")).sendKeys(signature.toString());
		upload.findElement(By.name("certificate")).sendKeys(dir.resolve(expert + ".pem").toString());
		submit(upload.findElement(By.cssSelector("button")));
		assertThat(browser.findElement(By.id("saved-notice")).getText()).isEqualTo("评分表签名已验证并记录。");
		assertThat(browser.findElement(By.id("sheet-signed")).isDisplayed()).isTrue();
		assertThat(browser.findElements(By.cssSelector("form.points-form button"))).isEmpty();
		assertThat(browser.findElement(By.cssSelector("#committee tr[data-member='" + expert + "']")).getText())
			.as("leader vote, reviews, points and sheet done; the report not yet").endsWith("评标专家 ✓ ✓ ✓ ✓ —");
		Chromium.screenshot(browser, "evaluation-sheet-signed");
	}

	private void fillPoints(OpenedBid bid, Map<String, String> points) {
		WebElement form = browser.findElement(By.cssSelector("form.points-form[data-bid='" + bid.bidId() + "']"));
		points.forEach((item, value) -> {
			WebElement input = form.findElement(By.name("item." + item));
			input.clear();
			input.sendKeys(value);
		});
		// the browser's own max check would stop the too-high value before the server sees it; the server must say why
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].noValidate = true;", form);
		submit(form.findElement(By.cssSelector("button")));
	}

	/** Clicks a plain form's button and waits for the page it posts to (the old page's notice may read the same). */
	private void submit(WebElement button) {
		WebElement page = browser.findElement(By.tagName("html"));
		button.click();
		new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
	}

	private OpenedBid bid(String name, String price) {
		return new OpenedBid(UUID.randomUUID(), new EntityId(UUID.randomUUID()), name, null, Money.of(price), 300, "合格",
				List.of(), OpenedBid.Decryption.BY_BIDDER);
	}

	private void publish(Object event) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> events.publishEvent(event)));
	}

	private void signIn(String username) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.id("login-submit")).click();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
