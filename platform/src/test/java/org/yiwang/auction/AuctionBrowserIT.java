package org.yiwang.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
import org.springframework.test.context.ActiveProfiles;
import org.yiwang.Chromium;
import org.yiwang.registry.EntityRole;

/**
 * In real headless Chromium: a transferor submits a state-equity listing, staff publish it, two qualified transferees
 * open the auction room in two browser sessions and each sees the other's bid arrive live; when the countdown has run
 * out both see the winner, and the winner downloads the transaction confirmation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuctionBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private final List<WebDriver> browsers = new ArrayList<>();

	private WebDriver open() throws Exception {
		WebDriver browser = Chromium.open(1400);
		browsers.add(browser);
		return browser;
	}

	@AfterEach
	void close() {
		browsers.forEach(WebDriver::quit);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void signIn(WebDriver browser, String username, String password) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/workspace"));
	}

	private static void screenshot(WebDriver browser, String name) throws Exception {
		Path file = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(file.getParent());
		Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}

	@Test
	void two_bidders_in_two_browsers_see_each_others_bids_live_and_the_winner_downloads_the_confirmation()
			throws Exception {
		AuctionFixture fixture = new AuctionFixture(context);
		String transferor = "tfb." + fixture.run;
		fixture.entity(transferor, EntityRole.TRANSFEROR);
		String tradeCode = fixture.tradeCode("B");

		WebDriver office = open();
		WebDriverWait wait = new WebDriverWait(office, Duration.ofSeconds(20));
		signIn(office, transferor, AuctionFixture.PASSWORD);
		office.get(url("/listings/new"));
		office.findElement(By.id("tradeCode")).sendKeys(tradeCode);
		new Select(office.findElement(By.id("region"))).selectByValue(AuctionFixture.REGION);
		new Select(office.findElement(By.id("category"))).selectByValue("STATE_EQUITY");
		office.findElement(By.id("title")).sendKeys("重庆某国有企业 30% 股权");
		office.findElement(By.id("description")).sendKeys("转让标的为重庆某国有企业 30% 股权。");
		new Select(office.findElement(By.id("assetClass"))).selectByValue("9");
		office.findElement(By.id("appraisedValue")).sendKeys("480000.00");
		office.findElement(By.id("startingPrice")).sendKeys("500000.00");
		office.findElement(By.id("reservePrice")).sendKeys("500000.00");
		office.findElement(By.id("increment")).sendKeys("5000.00");
		office.findElement(By.id("security")).sendKeys("50000.00");
		office.findElement(By.id("listing-submit")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-notice")));
		WebElement listingLink = office.findElement(By.cssSelector("#my-listings tr[data-trade='" + tradeCode + "'] a"));
		String listingUrl = listingLink.getDomProperty("href");
		listingLink.click();
		wait.until(ExpectedConditions.urlToBe(listingUrl)); // the listings page is left: its URL is not the listing's
		screenshot(office, "listing-submitted");
		java.util.UUID id = java.util.UUID.fromString(listingUrl.substring(listingUrl.lastIndexOf('/') + 1));

		office.manage().deleteAllCookies();
		signIn(office, "staff.yuzhong", "Demo@2026yw");
		office.get(listingUrl);
		office.findElement(By.id("publish-button")).click();
		// the page being left shows the status too (待审核): wait for the published one
		wait.until(ExpectedConditions.textToBe(By.id("listing-status"), "挂牌中"));
		screenshot(office, "listing-published");

		ListingView listing = fixture.hall.publicListings().stream().filter(l -> l.id().equals(id)).findFirst()
			.orElseThrow();
		String first = fixture.qualified(listing, "b1");
		String second = fixture.qualified(listing, "b2");
		fixture.concludeAfterPeriod(listing, 0);

		WebDriver one = open();
		WebDriver two = open();
		signIn(one, first, AuctionFixture.PASSWORD);
		signIn(two, second, AuctionFixture.PASSWORD);
		one.get(url("/auctions/" + id));
		two.get(url("/auctions/" + id));
		WebDriverWait waitOne = new WebDriverWait(one, Duration.ofSeconds(20));
		WebDriverWait waitTwo = new WebDriverWait(two, Duration.ofSeconds(20));
		waitOne.until(ExpectedConditions.textToBe(By.id("connection"), "实时连接正常"));
		waitTwo.until(ExpectedConditions.textToBe(By.id("connection"), "实时连接正常"));
		assertThat(one.findElement(By.id("drift")).getText()).endsWith(" s");

		one.findElement(By.id("amount")).clear();
		one.findElement(By.id("amount")).sendKeys("500000.00");
		one.findElement(By.id("bid-button")).click();
		waitOne.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bid-result"), "出价已确认"));
		waitTwo.until(ExpectedConditions.textToBe(By.id("price"), "500000.00"));
		assertThat(two.findElement(By.id("my-rank")).getText()).isEqualTo("—");

		two.findElement(By.id("amount")).clear();
		two.findElement(By.id("amount")).sendKeys("501000.00");
		two.findElement(By.id("bid-button")).click();
		waitTwo.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bid-result"), "加价幅度"));

		two.findElement(By.id("amount")).clear();
		two.findElement(By.id("amount")).sendKeys("505000.00");
		two.findElement(By.id("bid-button")).click();
		waitOne.until(ExpectedConditions.textToBe(By.id("price"), "505000.00"));
		waitOne.until(ExpectedConditions.textToBe(By.id("my-rank"), "2"));
		waitTwo.until(ExpectedConditions.textToBe(By.id("my-rank"), "1"));
		assertThat(one.findElements(By.cssSelector("#bid-history tbody tr"))).hasSize(2);
		screenshot(one, "auction-live-bidder-one");
		screenshot(two, "auction-live-bidder-two");

		AuctionView running = fixture.hall.auction(id);
		fixture.hall.closeAsOf(id, running.endsAt());
		waitOne.until(ExpectedConditions.visibilityOfElementLocated(By.id("winner")));
		waitTwo.until(ExpectedConditions.textToBePresentInElementLocated(By.id("winner"), "成交"));
		assertThat(two.findElement(By.id("winner")).getText()).contains("505000.00");
		screenshot(two, "auction-closed-winner");

		two.get(url("/listings/" + id));
		String pdfUrl = two.findElement(By.id("confirmation-link")).getAttribute("href");
		String session = two.manage().getCookieNamed("JSESSIONID").getValue();
		HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfUrl))
			.header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		Files.write(Path.of("target", "screenshots", "confirmation.pdf"), pdf.body());
	}
}
