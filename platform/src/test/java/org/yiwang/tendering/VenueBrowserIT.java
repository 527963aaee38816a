package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import org.springframework.test.context.ActiveProfiles;
import org.yiwang.Chromium;
import org.yiwang.TestActor;
import org.yiwang.catalog.WorkingCalendar;
import org.yiwang.venue.NewRoom;
import org.yiwang.venue.NewSite;
import org.yiwang.venue.RoomView;
import org.yiwang.venue.SiteView;
import org.yiwang.venue.Venues;

/**
 * Issue 22 (venues) in Chromium, as the city's staff: publishing a tender books its district's opening hall and
 * evaluation room by itself; a second tender at the same deadline is refused on the publish button with the reason;
 * a remote evaluation across two districts is booked from the form, its experts seated in the two venues, one
 * admitted with a one-time code and a stranger refused at the door; the site's public screen shows the day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VenueBrowserIT {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** 潼南区 for the tenders, 荣昌区 and 开州区 for the remote evaluation: districts no other test books in. */
	static final String TENDER_REGION = "500152";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Venues venues;

	@Autowired
	WorkingCalendar calendar;

	OpeningFixture f;

	WebDriver browser;

	WebDriverWait wait;

	final String run = UUID.randomUUID().toString().substring(0, 6);

	@BeforeAll
	void open() throws Exception {
		Assumptions.assumeTrue(OpeningFixture.opensslInstalled() || System.getenv("CI") != null, "openssl is not installed");
		f = new OpeningFixture(Files.createTempDirectory("venue-it"), OpeningFixture.Beans.of(context));
		browser = Chromium.open(1400);
		wait = new WebDriverWait(browser, Duration.ofSeconds(20));
	}

	@AfterAll
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	SiteView site(String region, String name, RoomView[] rooms, String... kinds) {
		return TestActor.cityStaff().call(() -> {
			SiteView site = venues.addSite(new NewSite(region, name, "测试路 " + run + " 号", "08:30", "18:00"));
			for (int i = 0; i < kinds.length; i++) {
				rooms[i] = venues.addRoom(site.id(), new NewRoom(("OPENING_HALL".equals(kinds[i]) ? "开标厅" : "评标室") + run,
						kinds[i], 20, List.of("同步录像"), 30, 30));
			}
			return site;
		});
	}

	SectionView submitted(Instant deadline) {
		f.tendererEntity();
		SectionView registered = f.tenderer().call(() -> f.beans.desk().registerTender(new NewTender("场地浏览器测试" + run,
				null, "场地浏览器测试招标" + UUID.randomUUID(), null, new SectionDetails("一标段", TENDER_REGION, "ENG_BUILDING",
						new BigDecimal("1000000"), BigDecimal.ZERO, 60, List.of()), ExampleFacts.works())));
		SectionView approved = TestActor.cityStaff()
			.call(() -> f.beans.desk().approve(registered.id(), registered.version()));
		f.tenderer().run(() -> f.beans.documents().upload(approved.id(), "文件.txt", "text/plain",
				new ByteArrayInputStream(OpeningFixture.DOCUMENT)));
		f.signDocuments(approved.id());
		Instant now = f.beans.clock().instant();
		return f.tenderer().call(() -> f.beans.desk().submitNotice(approved.id(), new NoticeDraft("场地测试公告", "正文",
				now, now.plus(Duration.ofDays(7)), deadline, true)));
	}

	LocalDate workingDay(LocalDate from) {
		LocalDate day = from;
		while (!calendar.schedule().isWorkingDay(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	void set(String id, String value) {
		WebElement element = browser.findElement(By.id(id));
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", element, value);
	}

	void type(String id, String value) {
		WebElement element = browser.findElement(By.id(id));
		element.clear();
		element.sendKeys(value);
	}

	/** Clicks a plain form's button and waits for the next page. */
	void submit(String button) {
		WebElement element = browser.findElement(By.id(button));
		element.click();
		wait.until(Chromium.gone(element));
	}

	@Test
	void tenders_book_their_rooms_a_clash_is_refused_before_publication_and_a_remote_committee_checks_in()
			throws Exception {
		RoomView[] tenderRooms = new RoomView[2];
		SiteView tenderSite = site(TENDER_REGION, "潼南区交易中心" + run, tenderRooms, "OPENING_HALL", "EVALUATION_ROOM");
		LocalDate deadlineDay = workingDay(LocalDate.now(CHINA).plusDays(30 + (run.hashCode() & 0x1f)));
		Instant deadline = deadlineDay.atTime(LocalTime.of(9, 30)).atZone(CHINA).toInstant();
		SectionView first = submitted(deadline);
		SectionView second = submitted(deadline);

		browser.get(url("/login"));
		type("username", "staff");
		browser.findElement(By.id("password")).sendKeys("Demo@2026yw");
		browser.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.urlContains("/workspace"));

		// publishing the first tender books the hall at its deadline and the evaluation room the next working day
		browser.get(url("/tenders/sections/" + first.id()));
		assertThat(browser.findElement(By.id("venue-check")).getText()).contains("发布时将自动预约", tenderRooms[0].name());
		submit("publish");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-notice")));
		browser.get(url("/venues/bookings?reference=" + first.tradeCode().value()));
		String bookings = browser.findElement(By.id("reference-bookings")).getText();
		assertThat(bookings).contains("开标", "评标", tenderRooms[0].name(), tenderRooms[1].name(), "潼南区",
				deadlineDay + " 09:30");
		Chromium.screenshot(browser, "venue-tender-bookings");

		// the second tender at the same deadline finds the hall taken: refused on the publish button, not published
		browser.get(url("/tenders/sections/" + second.id()));
		assertThat(browser.findElement(By.id("venue-problem")).getText()).as("shown before publish is pressed")
			.contains("无法预约开标室");
		submit("publish");
		String refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refused"))).getText();
		assertThat(refused).contains("无法预约开标室", "潼南区", "北京时间");
		assertThat(browser.findElements(By.id("publish"))).as("still waiting for publication").isNotEmpty();
		Chromium.screenshot(browser, "venue-tender-conflict");

		// a remote evaluation: main room in 荣昌区, secondary in 开州区, booked together from the form
		RoomView[] mainRoom = new RoomView[1];
		RoomView[] secondRoom = new RoomView[1];
		site("500153", "荣昌区交易中心" + run, mainRoom, "EVALUATION_ROOM");
		site("500154", "开州区交易中心" + run, secondRoom, "EVALUATION_ROOM");
		LocalDate day = workingDay(LocalDate.now(CHINA).plusDays(1));
		browser.get(url("/venues"));
		new Select(browser.findElement(By.id("mainRoom"))).selectByValue(mainRoom[0].id().toString());
		new Select(browser.findElement(By.id("secondaryRoom"))).selectByValue(secondRoom[0].id().toString());
		type("remote-title", "远程异地评标" + run);
		set("remote-day", day.toString());
		set("remote-from", "09:00");
		set("remote-until", "17:00");
		submit("book-remote");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-notice")));
		String group = browser.findElement(By.id("group")).getText();
		assertThat(group).contains("荣昌区", "开州区", "主场", "副场");

		// the committee: one expert in each venue
		new Select(browser.findElement(By.id("seat-room"))).selectByIndex(1);
		type("seat-username", "exp.kz" + run);
		type("seat-name", "开州专家");
		submit("seat");
		new Select(browser.findElement(By.id("seat-room"))).selectByIndex(0);
		type("seat-username", "exp.rc" + run);
		type("seat-name", "荣昌专家");
		submit("seat");
		assertThat(browser.findElement(By.id("roster")).getText()).contains("开州专家", "荣昌专家");

		// a one-time code at the secondary venue's door; the expert checks in and hands in the phone
		new Select(browser.findElement(By.id("code-room"))).selectByIndex(1);
		type("code-username", "exp.kz" + run);
		submit("issue-code");
		String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#issued-code strong")))
			.getText();
		assertThat(code).matches("\\d{6}");
		new Select(browser.findElement(By.id("door-room"))).selectByIndex(1);
		type("door-username", "exp.kz" + run);
		type("door-code", code);
		submit("check-in");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-notice")));
		assertThat(browser.findElement(By.cssSelector("#roster tr[data-expert='exp.kz" + run + "']")).getText())
			.contains("手机已上交");

		// someone off the roster is refused at the door, with the reason, and the attempt is logged
		new Select(browser.findElement(By.id("door-room"))).selectByIndex(0);
		type("door-username", "stranger" + run);
		type("door-code", "123456");
		submit("check-in");
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refused"))).getText())
			.contains("不在本次评标的名单上");
		assertThat(browser.findElement(By.id("door-username")).getAttribute("aria-invalid")).isEqualTo("true");
		String log = browser.findElement(By.id("door-log")).getText();
		assertThat(log).contains("入场", "拒绝入场", "stranger" + run);
		Chromium.screenshot(browser, "venue-remote-check-in");

		// the tender site's public screen
		browser.get(url("/venues/" + tenderSite.id() + "/screen"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("今日安排");
		assertThat(browser.findElement(By.id("board")).getAttribute("hx-trigger")).contains("every");
	}
}
