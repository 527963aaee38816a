package org.yiwang.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.yiwang.Chromium;
import org.yiwang.catalog.AuctionKind;

/**
 * In real headless Chromium, two bidders in two browser sessions: in a Dutch (降价) auction one accepts and the other
 * sees it end live with the winner; in a sealed-price round (一次报价) both submit, and neither page ever shows the
 * other's price or how many prices there are until the close discloses them all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DutchAndSealedBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private final List<WebDriver> browsers = new ArrayList<>();

	private AuctionFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new AuctionFixture(context);
	}

	@AfterEach
	void close() {
		browsers.forEach(WebDriver::quit);
	}

	private WebDriver signedIn(String username) throws Exception {
		WebDriver browser = Chromium.open(1400);
		browsers.add(browser);
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(AuctionFixture.PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/workspace"));
		return browser;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static WebDriverWait waiting(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(20));
	}

	/** Opens the auction room and waits for the live stream. */
	private void enter(WebDriver browser, UUID id) {
		browser.get(url("/auctions/" + id));
		waiting(browser).until(ExpectedConditions.textToBe(By.id("connection"), "实时连接正常"));
	}

	/** A published listing of the category, two qualified bidders, its auction open, both in the room in a browser. */
	private record Room(ListingView listing, WebDriver one, WebDriver two) {
	}

	private Room room(String suffix, String category, String starting, String reserve, String increment, String security,
			AuctionKind kind) throws Exception {
		ListingView listing = fixture.published(suffix, category, starting, reserve, increment, security);
		assertThat(listing.auctionKind()).isEqualTo(kind);
		String first = fixture.qualified(listing, suffix.toLowerCase() + "1");
		String second = fixture.qualified(listing, suffix.toLowerCase() + "2");
		fixture.concludeAfterPeriod(listing, 0);
		WebDriver one = signedIn(first);
		WebDriver two = signedIn(second);
		enter(one, listing.id());
		enter(two, listing.id());
		return new Room(listing, one, two);
	}

	@Test
	void in_a_dutch_auction_one_bidder_accepts_and_the_other_sees_it_end_live() throws Exception {
		Room room = room("DB", "CONFISCATED_GOODS", "100000.00", "60000.00", "1000.00", "10000.00", AuctionKind.DUTCH);
		ListingView listing = room.listing();
		WebDriver one = room.one();
		WebDriver two = room.two();
		assertThat(two.findElement(By.id("kind")).getText()).isEqualTo("降价拍卖");
		assertThat(two.findElement(By.id("accept-button")).isDisplayed()).isTrue();
		String numberOne = one.findElement(By.id("my-number")).getText();

		one.findElement(By.id("accept-button")).click();
		waiting(one).until(ExpectedConditions.textToBePresentInElementLocated(By.id("accept-result"), "出价已确认"));
		assertThat(one.findElement(By.id("accept-result")).getText()).contains("100000.00");
		waiting(one).until(ExpectedConditions.textToBePresentInElementLocated(By.id("winner"), numberOne));

		// The other bidder did nothing: the auction ends on its page by itself, with the winner and the price.
		waiting(two).until(ExpectedConditions.visibilityOfElementLocated(By.id("winner")));
		waiting(two).until(ExpectedConditions.textToBePresentInElementLocated(By.id("winner"), "成交"));
		assertThat(two.findElement(By.id("winner")).getText()).contains(numberOne).contains("100000.00");
		assertThat(two.findElement(By.id("status")).getText()).isEqualTo("已成交");
		assertThat(two.findElement(By.id("accept-form")).isDisplayed()).as("nothing left to accept").isFalse();
		Chromium.screenshot(two, "dutch-ended-for-the-other-bidder");
		assertThat(fixture.hall.auction(listing.id()).status()).isEqualTo(AuctionStatus.SOLD);
	}

	@Test
	void in_a_sealed_round_neither_page_shows_the_others_price_or_a_count_before_the_close() throws Exception {
		Room room = room("SB", "PUBLIC_CONCESSION", "500000.00", "500000.00", "1000.00", "50000.00", AuctionKind.SEALED);
		ListingView listing = room.listing();
		WebDriver one = room.one();
		WebDriver two = room.two();
		String numberOne = one.findElement(By.id("my-number")).getText();

		seal(one, "531234.56");
		assertNothingDisclosed(two, "531234.56");
		seal(two, "527654.32");
		assertNothingDisclosed(one, "527654.32");
		assertNothingDisclosed(two, "531234.56");
		// A fresh load of the room, and its state endpoint, say no more than the live page did.
		enter(one, listing.id());
		enter(two, listing.id());
		assertThat(one.findElement(By.id("sealed-receipt")).getText()).contains("承诺值");
		assertNothingDisclosed(one, "527654.32");
		assertNothingDisclosed(two, "531234.56");
		two.get(url("/auctions/" + listing.id() + "/state"));
		assertThat(two.getPageSource()).doesNotContain("531234").doesNotContain("527654");
		enter(two, listing.id());
		Chromium.screenshot(one, "sealed-before-close-bidder-one");
		Chromium.screenshot(two, "sealed-before-close-bidder-two");

		Instant endsAt = fixture.hall.auction(listing.id()).endsAt();
		fixture.hall.closeAsOf(listing.id(), endsAt);
		for (WebDriver browser : List.of(one, two)) {
			waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("winner"), "成交"));
			assertThat(browser.findElement(By.id("winner")).getText()).contains(numberOne).contains("531234.56");
			waiting(browser).until(d -> d.findElements(By.cssSelector("#bid-history tbody tr")).size() == 2);
		}
		assertThat(two.findElement(By.id("bid-history")).getText()).contains("531234.56").contains("527654.32");
		Chromium.screenshot(two, "sealed-disclosed-at-the-close");
	}

	private static void seal(WebDriver browser, String amount) {
		browser.findElement(By.id("sealed-amount")).sendKeys(amount);
		browser.findElement(By.id("sealed-button")).click();
		waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("sealed-result"), "出价已确认"));
		waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("sealed-receipt")));
	}

	/**
	 * For two seconds (long enough for a live update to arrive) the page shows neither the other's price nor any count:
	 * no price, no rank, no history row, no leader.
	 */
	private static void assertNothingDisclosed(WebDriver browser, String othersPrice) throws InterruptedException {
		String whole = othersPrice.substring(0, othersPrice.indexOf('.'));
		Instant until = Instant.now().plusSeconds(2);
		do {
			String text = browser.findElement(By.tagName("body")).getText();
			assertThat(text).doesNotContain(whole);
			assertThat(browser.getPageSource()).doesNotContain(whole);
			assertThat(browser.findElements(By.cssSelector("#bid-history tbody tr"))).isEmpty();
			assertThat(browser.findElement(By.id("price")).getText()).isEqualTo("—");
			assertThat(browser.findElement(By.id("my-rank")).getText()).isEqualTo("—");
			assertThat(browser.findElement(By.id("leader")).getText()).isEmpty();
			assertThat(browser.findElement(By.id("winner")).isDisplayed()).isFalse();
			Thread.sleep(250);
		}
		while (Instant.now().isBefore(until));
	}
}
