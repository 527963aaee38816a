package org.yiwang.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
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
import org.yiwang.registry.EntityRole;
import org.yiwang.system.DemoClock;

/**
 * Issue 17, item 4, in real headless Chromium: a listing made a minute ago reaches its live auction in a demo. The
 * transferor submits it, staff publish it (20 working days of listing period), two transferees qualify, staff jump the
 * demo clock past the period from the listing's page and conclude it: the auction is live. The demo clock moves here,
 * so it runs in the browser tests' {@link AdjustableClock} context (a demo clock too, moved forward only; the fixture
 * pays the deposits at its time), not in a context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(AdjustableClock.Config.class)
class DemoClockBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Clock clock;

	private WebDriver browser;

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void staff_jump_the_demo_clock_past_a_new_listings_period_and_its_auction_goes_live() throws Exception {
		assertThat(clock).isInstanceOf(DemoClock.class);
		AuctionFixture fixture = new AuctionFixture(context);
		String transferor = "tfj." + fixture.run;
		fixture.entity(transferor, EntityRole.TRANSFEROR);
		String tradeCode = fixture.tradeCode("J");

		browser = Chromium.open(1400);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		signIn(transferor, AuctionFixture.PASSWORD);
		browser.get(url("/listings/new"));
		browser.findElement(By.id("tradeCode")).sendKeys(tradeCode);
		new Select(browser.findElement(By.id("region"))).selectByValue(AuctionFixture.REGION);
		new Select(browser.findElement(By.id("category"))).selectByValue("STATE_EQUITY");
		browser.findElement(By.id("title")).sendKeys("重庆某国有企业 20% 股权（演示）");
		browser.findElement(By.id("description")).sendKeys("转让标的为重庆某国有企业 20% 股权。");
		new Select(browser.findElement(By.id("assetClass"))).selectByValue("9");
		browser.findElement(By.id("appraisedValue")).sendKeys("180000.00");
		browser.findElement(By.id("startingPrice")).sendKeys("200000.00");
		browser.findElement(By.id("reservePrice")).sendKeys("200000.00");
		browser.findElement(By.id("increment")).sendKeys("2000.00");
		browser.findElement(By.id("security")).sendKeys("20000.00");
		browser.findElement(By.id("listing-submit")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-notice")));
		WebElement listingLink = browser.findElement(By.cssSelector("#my-listings tr[data-trade='" + tradeCode + "'] a"));
		String listingUrl = listingLink.getDomProperty("href");
		listingLink.click();
		wait.until(ExpectedConditions.urlToBe(listingUrl)); // the listings page is left: its URL is not the listing's
		UUID id = UUID.fromString(listingUrl.substring(listingUrl.lastIndexOf('/') + 1));

		browser.manage().deleteAllCookies();
		signIn("staff.yuzhong", "Demo@2026yw");
		browser.get(listingUrl);
		browser.findElement(By.id("publish-button")).click();
		// the page being left shows the status too (待审核): wait for the published one
		wait.until(ExpectedConditions.textToBe(By.id("listing-status"), "挂牌中"));
		ListingView listing = fixture.hall.publicListings().stream().filter(l -> l.id().equals(id)).findFirst()
			.orElseThrow();
		assertThat(Duration.between(clock.instant(), listing.periodEnd())).as("20 working days to wait")
			.isGreaterThan(Duration.ofDays(25));
		fixture.qualified(listing, "j1");
		fixture.qualified(listing, "j2");

		// Concluding now is refused: the period is open. The demo jump is offered instead.
		browser.get(listingUrl);
		browser.findElement(By.id("conclude-button")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refused")))
			.getText()).isNotBlank();
		browser.get(listingUrl);
		screenshot("demo-jump-offered");
		browser.findElement(By.id("demo-jump-button")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-notice"))).getText())
			.contains("演示时钟已拨到挂牌期满之后");
		assertThat(clock.instant()).isAfter(listing.periodEnd());
		assertThat(browser.findElements(By.id("demo-jump-form"))).as("nothing more to jump past").isEmpty();

		browser.findElement(By.id("conclude-button")).click();
		wait.until(ExpectedConditions.textToBe(By.id("listing-status"), "网络竞价中"));
		screenshot("demo-jump-auction-live");
		AuctionView live = fixture.hall.auction(id);
		assertThat(live.status()).isEqualTo(AuctionStatus.RUNNING);
		browser.get(url("/auctions/" + id));
		wait.until(ExpectedConditions.textToBe(By.id("connection"), "实时连接正常"));
		assertThat(browser.findElement(By.id("price")).getText()).isNotBlank();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void signIn(String username, String password) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/workspace"));
	}

	private void screenshot(String name) throws Exception {
		Path file = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(file.getParent());
		Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}
}
