package org.yiwang.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
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
import org.yiwang.account.AccountKind;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.NewAccount;
import org.yiwang.kernel.Role;
import org.yiwang.procurement.NewProcurement;
import org.yiwang.procurement.ProcurementFixture;
import org.yiwang.procurement.ProcurementMethod;
import org.yiwang.procurement.ProcurementStatus;
import org.yiwang.procurement.ProcurementView;

/**
 * Issue 20 as people see it in a real headless Chromium: a request for quotations concluded in 武隆区 shows on the
 * public dashboard (charts drawn, the bar's drill-down lists it), on the operator's and on the dashboard of a regulator
 * of its industry and district, never on that of a regulator of another industry; the CSV and Excel links download
 * the chart's numbers. One browser for the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(AdjustableClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsBrowserIT {

	static final String REGION = "500156";

	static final String PASSWORD = "Analytics-pass-2026";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	AdjustableClock clock;

	@Autowired
	Analytics analytics;

	@Autowired
	AccountManagement accounts;

	WebDriver browser;

	String month;

	String tradeCode;

	String run;

	@BeforeAll
	void trade_and_open_chromium() throws Exception {
		ZonedDateTime now = clock.instant().atZone(ZoneId.of("Asia/Shanghai"));
		if (now.getDayOfMonth() > 20) {
			clock.advanceTo(now.plusMonths(1).withDayOfMonth(2).withHour(9).toInstant());
		}
		ProcurementFixture f = new ProcurementFixture(context, 3);
		run = f.run;
		NewProcurement r = f.request("GOV_GOODS", ProcurementMethod.REQUEST_FOR_QUOTATIONS, "300000", 3);
		ProcurementView registered = f.purchaserActor().call(() -> f.desk.register(new NewProcurement(REGION,
				r.category(), r.method(), r.title(), r.requirements(), r.budget(), r.suppliers(), r.responseDays(),
				r.singleSourceReason())));
		ProcurementView c = TestActor.cityStaff().call(() -> f.desk.publish(registered.id(), registered.version()));
		for (int i = 1; i <= 3; i++) {
			BigDecimal quote = new BigDecimal(250000 + i * 1000);
			f.supplier(i).run(() -> f.room.respond(c.id(), "报价", quote));
		}
		clock.advanceTo(c.responseDeadline().plusSeconds(1));
		assertThat(f.purchaserActor().call(() -> f.room.openResponses(c.id())).status())
			.isEqualTo(ProcurementStatus.CONCLUDED);
		tradeCode = c.tradeCode().value();
		month = YearMonth.from(clock.instant().atZone(ZoneId.of("Asia/Shanghai"))).toString();
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestActor.cityStaff()
			.call(() -> analytics.facts(Audience.OPERATOR, month, "AWARDED", null, REGION, null, null)).size() == 1);
		account("ana-staff", Role.CENTER_STAFF, null, true, Set.of());
		account("ana-reg-in", Role.REGULATOR, REGION, false, Set.of("GOV_GOODS"));
		account("ana-reg-out", Role.REGULATOR, REGION, false, Set.of("ENG_BUILDING"));
		browser = Chromium.open(1600);
	}

	private void account(String name, Role role, String region, boolean cityWide, Set<String> industries) {
		TestActor.admin().run(() -> accounts.create(new NewAccount(name + "." + run, "数据分析 " + name, AccountKind.PERSON,
				Set.of(role), region == null ? TestActor.CITY : region, cityWide, industries, PASSWORD)));
	}

	@AfterAll
	void close_chromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void the_public_dashboard_draws_its_charts_and_a_bar_leads_to_the_published_record() throws Exception {
		browser.get(url("/open/analytics?month=" + month + "&region=" + REGION));
		waitForCharts();
		assertThat(row("table-volume", month).trim()).startsWith("1 ");
		assertThat(row("table-amount", month).trim()).startsWith("25.10 ");
		assertThat(browser.findElement(By.id("table-district")).getText()).contains("武隆区");
		Chromium.screenshot(browser, "analytics-public");
		browser.findElement(By.cssSelector("#table-volume tbody tr:last-child a")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("fact-table")));
		assertThat(browser.findElement(By.id("fact-table")).getText()).contains(tradeCode).contains("251000");
		browser.findElement(By.cssSelector("#fact-table a")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/notices/"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(tradeCode);
	}

	@Test
	void the_csv_and_excel_links_download_the_chart_numbers() throws Exception {
		browser.get(url("/open/analytics?month=" + month + "&region=" + REGION));
		waitForCharts();
		String csvLink = browser.findElement(By.id("csv-amount")).getAttribute("href");
		String xlsxLink = browser.findElement(By.id("xlsx-amount")).getAttribute("href");
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<byte[]> csv = http.send(HttpRequest.newBuilder(URI.create(csvLink)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
		assertThat(new String(csv.body(), StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("\"" + month + "\""))
			.findFirst().orElseThrow()).startsWith("\"" + month + "\",25.10,");
		HttpResponse<byte[]> xlsx = http.send(HttpRequest.newBuilder(URI.create(xlsxLink)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			var sheet = book.getSheetAt(0);
			var last = sheet.getRow(sheet.getLastRowNum());
			assertThat(last.getCell(0).getStringCellValue()).isEqualTo(month);
			assertThat(last.getCell(1).getNumericCellValue()).isEqualTo(25.10);
		}
	}

	@Test
	void operator_and_regulator_in_scope_see_it_a_regulator_of_another_industry_does_not() throws Exception {
		signIn("ana-staff." + run);
		browser.get(url("/analytics?month=" + month + "&region=" + REGION));
		waitForCharts();
		assertThat(row("table-volume", month).trim()).startsWith("1 ");
		Chromium.screenshot(browser, "analytics-operator");
		signOut();

		signIn("ana-reg-in." + run);
		browser.get(url("/analytics/regulator?month=" + month));
		waitForCharts();
		assertThat(browser.findElement(By.id("table-district")).getText()).contains("武隆区");
		assertThat(row("table-volume", month).trim()).startsWith("1 ");
		Chromium.screenshot(browser, "analytics-regulator");
		signOut();

		signIn("ana-reg-out." + run);
		browser.get(url("/analytics/regulator?month=" + month));
		waitForCharts();
		assertThat(browser.findElement(By.id("table-district")).getText()).doesNotContain("武隆区");
		assertThat(row("table-amount", month).trim()).startsWith("0.00 ");
		browser.get(url("/analytics/regulator/facts?stage=AWARDED&month=" + month));
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(tradeCode);
		signOut();
	}

	private void waitForCharts() {
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-volume canvas")));
		assertThat(browser.findElements(By.cssSelector(".analytics-chart canvas"))).hasSizeGreaterThanOrEqualTo(18);
	}

	private String row(String table, String label) {
		List<String> rows = browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
			.map(e -> e.getText()).filter(t -> t.startsWith(label)).toList();
		assertThat(rows).as(table + " " + label).hasSize(1);
		return rows.get(0).substring(label.length());
	}

	private void signIn(String username) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).clear();
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/workspace"));
	}

	private void signOut() {
		browser.get(url("/workspace"));
		browser.findElement(By.id("sign-out")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void the_second_pass_charts_draw_and_room_hours_and_ratings_are_the_operators_alone() {
		browser.get(url("/open/analytics?month=" + month + "&region=" + REGION));
		waitForCharts();
		for (String chart : List.of("retendered", "premiumByCategory", "lotBidders")) {
			assertThat(browser.findElements(By.cssSelector("#chart-" + chart + " canvas"))).as(chart).isNotEmpty();
		}
		assertThat(browser.findElements(By.id("chart-roomHours"))).isEmpty();
		assertThat(browser.findElements(By.id("chart-badRatings"))).isEmpty();
		signIn("ana-staff." + run);
		browser.get(url("/analytics?month=" + month + "&region=" + REGION));
		waitForCharts();
		assertThat(browser.findElements(By.cssSelector("#chart-roomHours canvas"))).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector("#chart-badRatings canvas"))).isNotEmpty();
		signOut();
	}
}

