package org.yiwang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.yiwang.TestActor;
import org.yiwang.registry.EntityRole;
import org.yiwang.tendering.SectionSuspensions;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.SuspensionView;
import org.yiwang.tendering.TenderDesk;

/**
 * Issue 19 as people click it in a real headless Chromium: a bidder files a complaint with an evidence file; the
 * building-works regulator of Yuzhong accepts it, suspends the section by a signed order (signed with OpenSSL over
 * the text the page gives), resumes it a day later, and the deadline has moved by that day; the regulator rules, the
 * ruling is signed and published. And a regulator cannot operate a transaction, nor staff reach the workspace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(AdjustableClock.Config.class)
class SupervisionBrowserIT {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("Asia/Shanghai"));

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	AdjustableClock clock;

	@Autowired
	TenderDesk desk;

	@Autowired
	SectionSuspensions suspensions;

	@TempDir
	Path dir;

	SupervisionFixture f;

	WebDriver browser;

	@BeforeEach
	void parties() {
		Assumptions.assumeTrue(SupervisionFixture.opensslInstalled(), "openssl is not installed here");
		f = new SupervisionFixture(dir, context);
		f.approved("b1", EntityRole.BIDDER);
	}

	@AfterEach
	void close_chromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void a_complaint_from_filing_to_ruling_with_a_suspension_that_moves_the_deadline() throws Exception {
		SectionView section = f.published();
		String regulator = f.regulatorAccount("reg");
		f.certificate("reg");
		Path evidence = f.write("招标文件截图.pdf", "%PDF-1.4 证明材料".getBytes(StandardCharsets.UTF_8));
		browser = Chromium.open(2000);

		// the bidder files, with its evidence
		signIn("b1." + f.run, SupervisionFixture.PASSWORD);
		browser.findElement(By.cssSelector("[data-menu='/complaints']")).click();
		wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("complaint-form")));
		// first without the objection the law wants first: refused, naming the field, nothing lost
		browser.findElement(By.id("section")).sendKeys(section.id().toString());
		new Select(browser.findElement(By.id("ground"))).selectByValue("DOCUMENTS");
		browser.findElement(By.id("matter")).sendKeys("招标文件第三章设置了与本项目无关的特定业绩要求，排斥潜在投标人。");
		browser.findElement(By.id("request")).sendKeys("责令招标人修改招标文件");
		setValue("knownOn", f.bean(Complaints.class).today().minusDays(2).toString());
		browser.findElement(By.id("evidence")).sendKeys(evidence.toString());
		browser.findElement(By.id("file-complaint")).click();
		WebElement refused = wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("refused")));
		assertThat(refused.getText()).contains("提出异议之日");
		assertThat(browser.findElement(By.id("matter")).getAttribute("value")).contains("特定业绩要求");
		screenshot("complaint-refused-without-objection");
		setValue("objectionRaisedOn", f.bean(Complaints.class).today().minusDays(1).toString());
		setValue("objectionAnsweredOn", f.bean(Complaints.class).today().toString());
		browser.findElement(By.id("evidence")).sendKeys(evidence.toString());
		browser.findElement(By.id("file-complaint")).click();
		wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("complaint-status")));
		assertThat(browser.findElement(By.id("complaint-status")).getText()).isEqualTo("待受理");
		assertThat(browser.findElement(By.id("evidence")).getText()).contains("招标文件截图.pdf");
		String complaintUrl = browser.getCurrentUrl();
		screenshot("complaint-filed");
		signOut();

		// the regulator: the complaint in the workspace, accepted
		signIn(regulator, SupervisionFixture.PASSWORD);
		browser.findElement(By.cssSelector("[data-menu='/supervision']")).click();
		wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("complaint-table")));
		assertThat(browser.findElement(By.id("departments")).getText()).contains("住房城乡建设部门");
		wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#status-chart canvas")));
		screenshot("supervision-workspace");
		browser.get(complaintUrl);
		browser.findElement(By.id("accept")).click();
		wait(20).until(ExpectedConditions.textToBe(By.id("complaint-status"), "已受理"));
		assertThat(browser.findElement(By.id("ruling-due")).getText()).matches("\\d{4}-\\d{2}-\\d{2}");

		// a signed order suspends the section
		browser.findElement(By.id("section-link")).click();
		wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("act-form")));
		String before = browser.findElement(By.id("bid-deadline")).getText();
		new Select(browser.findElement(By.id("act-kind"))).selectByValue("SUSPEND_SECTION");
		browser.findElement(By.id("act-reason")).sendKeys("投诉处理期间，责令暂停招标投标活动。");
		browser.findElement(By.id("prepare-act")).click();
		signTheAct("suspension");
		browser.get(url("/supervision/sections/" + section.id()));
		assertThat(browser.findElement(By.id("suspended")).getText()).isEqualTo("已暂停");

		// a day later the regulator resumes it: the deadline moves on by the time the procedure stood still
		clock.advance(Duration.ofDays(1));
		new Select(browser.findElement(By.id("act-kind"))).selectByValue("RESUME_SECTION");
		browser.findElement(By.id("act-reason")).sendKeys("经审查，恢复招标投标活动。");
		browser.findElement(By.id("prepare-act")).click();
		signTheAct("resumption");
		browser.get(url("/supervision/sections/" + section.id()));
		assertThat(browser.findElements(By.id("suspended"))).isEmpty();
		SuspensionView suspension = TestActor.regulator().call(() -> suspensions.suspensions(section.id())).get(0);
		Instant moved = section.bidDeadline().plus(Duration.between(suspension.suspendedAt(), suspension.resumedAt()));
		assertThat(Duration.between(section.bidDeadline(), moved)).isGreaterThanOrEqualTo(Duration.ofDays(1));
		assertThat(browser.findElement(By.id("bid-deadline")).getText()).startsWith(SHOWN.format(moved))
			.isNotEqualTo(before);
		assertThat(browser.findElement(By.id("suspensions")).getText()).contains("投标截止时间顺延至 " + SHOWN.format(moved));
		screenshot("section-resumed-deadline-moved");

		// the ruling, signed and published
		browser.get(complaintUrl);
		new Select(browser.findElement(By.id("outcome-select"))).selectByValue("UPHELD");
		browser.findElement(By.id("decision-reason")).sendKeys("招标文件设置的特定业绩要求与项目无关，投诉成立，责令招标人修改招标文件。");
		browser.findElement(By.id("prepare-decision")).click();
		signTheAct("ruling");
		browser.get(complaintUrl);
		assertThat(browser.findElement(By.id("complaint-status")).getText()).isEqualTo("已作出处理决定");
		assertThat(browser.findElement(By.id("outcome")).getText()).isEqualTo("投诉成立");
		screenshot("complaint-ruled");
		signOut();

		// anyone reads the published decisions
		browser.get(url("/decisions"));
		assertThat(browser.findElement(By.id("decisions")).getText()).contains("投诉处理决定", "责令暂停招标投标活动",
				"恢复招标投标活动", section.tradeCode().value());
		screenshot("published-decisions");
	}

	@Test
	void a_regulator_watches_but_cannot_operate_and_staff_cannot_reach_the_workspace() throws Exception {
		SectionView section = f.published();
		String regulator = f.regulatorAccount("watcher");
		browser = Chromium.open(1600);
		signIn(regulator, SupervisionFixture.PASSWORD);
		browser.get(url("/supervision"));
		WebElement row = wait(20).until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector("tr[data-section='" + section.id() + "']")));
		assertThat(row.getText()).contains(section.tradeCode().value());
		browser.get(url("/supervision/sections/" + section.id()));
		assertThat(browser.findElement(By.id("bids-received")).getText()).isEqualTo("0");
		browser.findElement(By.id("tender-page")).click();
		wait(20).until(ExpectedConditions.urlToBe(url("/tenders/sections/" + section.id())));
		// the operator's and the tenderer's actions are neither offered nor accepted
		for (String operate : List.of("/tenders/sections/" + section.id() + "/publish",
				"/tenders/sections/" + section.id() + "/approve", "/tenders/sections/" + section.id() + "/clarifications",
				"/tenders/sections/" + section.id() + "/retender")) {
			assertThat(browser.findElements(By.cssSelector("form[action^='" + operate + "']"))).isEmpty();
			assertThat(post(operate)).as(operate).isEqualTo(403);
		}
		screenshot("regulator-reads-section");
		signOut();

		signIn("staff.yuzhong", "Demo@2026yw");
		assertThat(browser.findElements(By.cssSelector("[data-menu='/supervision']"))).isEmpty();
		assertThat(post("/supervision/acts")).isEqualTo(403);
		browser.get(url("/supervision"));
		assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("监管工作台");
	}

	/** On an act's page: fetch its text, sign it with OpenSSL, upload the signature and certificate. */
	private void signTheAct(String name) throws Exception {
		wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("act-content")));
		String textUrl = browser.findElement(By.id("act-text-download")).getAttribute("href");
		Object fetched = ((JavascriptExecutor) browser).executeAsyncScript(
				"const done = arguments[arguments.length - 1];"
						+ "fetch(arguments[0]).then(r => r.text().then(t => done(t))).catch(e => done('ERROR ' + e));",
				textUrl);
		String text = (String) fetched;
		assertThat(text).startsWith("一网监管文书").contains("（北京时间）");
		f.write(name + ".sig", f.sign("reg", text));
		browser.findElement(By.id("signature")).sendKeys(dir.resolve(name + ".sig").toString());
		browser.findElement(By.id("certificate")).sendKeys(dir.resolve("reg.pem").toString());
		browser.findElement(By.id("sign-act")).click();
		wait(30).until(ExpectedConditions.textToBe(By.id("act-status"), "已签名生效"));
		screenshot("act-signed-" + name);
	}

	/** A POST from the page with the session and its CSRF token; the HTTP status. */
	private long post(String path) {
		Object status = ((JavascriptExecutor) browser).executeAsyncScript(
				"const done = arguments[arguments.length - 1];"
						+ "const token = document.querySelector('meta[name=_csrf]');"
						+ "const headers = token ? {'X-CSRF-TOKEN': token.content} : {};"
						+ "fetch(arguments[0], {method: 'POST', headers: headers, redirect: 'manual'})"
						+ ".then(r => done(r.status)).catch(e => done(-1));",
				url(path));
		return ((Number) status).longValue();
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
		browser.get(url("/workspace"));
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

	@Test
	void a_regulator_opens_the_red_flags_and_sees_one_with_its_definition() throws Exception {
		// a section's notices reach the portal as tendering publishes them: an open tender, one bid, the award (R018)
		org.yiwang.portal.Publications publications = new org.yiwang.portal.Publications(context);
		String trade = "CQ-500103-2026-RFB" + f.run.toUpperCase();
		Instant now = clock.instant();
		org.yiwang.tendering.TenderParticulars tender = new org.yiwang.tendering.TenderParticulars(
				"TP-" + java.util.UUID.randomUUID(), null, TestActor.YUZHONG, "红旗浏览器测试", null, null, "OPEN_TENDER", 1, List.of(), null, null, null, null,
				"ENG_BUILDING", null);
		publications.publish(publications.notice(java.util.UUID.randomUUID(), org.yiwang.tendering.NoticeType.TENDER,
				trade, TestActor.YUZHONG, "ENG_BUILDING", "红旗浏览器" + f.run, "正文", null)
			.with(new org.yiwang.tendering.NoticeParticulars(null, null, now, null, null, null, null, null, null, null,
					null, null, null, tender, List.of(), null)));
		String bidder = TestActor.creditCode("500103");
		publications.publish(publications.notice(java.util.UUID.randomUUID(), org.yiwang.tendering.NoticeType.OPENING_RECORD,
				trade, TestActor.YUZHONG, "ENG_BUILDING", "红旗浏览器开标" + f.run, "开标记录", null)
			.with(new org.yiwang.tendering.NoticeParticulars(null, null, null, null, null, null, null, null, null, null,
					null, null, null, null, List.of(new org.yiwang.tendering.NoticeParticulars.Bidder(
							java.util.UUID.randomUUID(), "独家公司" + f.run, bidder, "ORGANIZATION", TestActor.YUZHONG, null,
							false, false, null, org.yiwang.kernel.Money.of("880000.00"), null, now, null, null, null, null,
							null)), null)));
		org.yiwang.portal.OpenData openData = context.getBean(org.yiwang.portal.OpenData.class);
		browser = Chromium.open(1600);
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		// the award is computed from the package once the opening's bidders are in it
		while (System.nanoTime() < until) {
			try {
				if (openData.sectionPackage(trade).toString().contains("numberOfTenderers")) {
					break;
				}
			}
			catch (org.yiwang.system.Refusal notYet) {
				// the portal has not taken the tender notice in yet
			}
			Thread.sleep(100);
		}
		publications.publish(publications.notice(java.util.UUID.randomUUID(), org.yiwang.tendering.NoticeType.AWARD_RESULT,
				trade, TestActor.YUZHONG, "ENG_BUILDING", "红旗浏览器中标" + f.run, "中标结果", "880000.00"));
		String regulator = f.regulatorAccount("flags");
		signIn(regulator, SupervisionFixture.PASSWORD);
		WebElement row = null;
		for (int attempt = 0; attempt < 40 && row == null; attempt++) {
			browser.get(url("/supervision/red-flags"));
			List<WebElement> rows = browser.findElements(By.cssSelector("tr[data-trade='" + trade + "'][data-code='R018']"));
			row = rows.isEmpty() ? null : rows.get(0);
			if (row == null) {
				Thread.sleep(500);
			}
		}
		assertThat(row).as("the R018 flag of " + trade).isNotNull();
		assertThat(row.getText()).contains("仅收到一份投标（R018）", "只有一个投标人递交了投标", "/tender/numberOfTenderers = 1");
		assertThat(row.findElement(By.cssSelector("a[href*='cardinal.readthedocs.io']")).getAttribute("href"))
			.endsWith("/R/018.html");
		screenshot("regulator-red-flags");
	}
}
