package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.yiwang.Chromium;

/**
 * Two bidders in two headless Chromium sessions on the same opening hall: what one does (check in, give its content
 * key) appears on the other's page without a reload, by server-sent events; the price is read out to both; the bidder
 * confirms the record with its signature over its line of it, and the signed confirmation shows on both pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OpeningIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@TempDir
	Path dir;

	WebDriver first;

	WebDriver second;

	@AfterEach
	void close() {
		for (WebDriver browser : new WebDriver[] { first, second }) {
			if (browser != null) {
				browser.quit();
			}
		}
	}

	@Test
	void one_bidders_check_in_and_decryption_appear_live_on_the_other_bidders_page() throws Exception {
		Assumptions.assumeTrue(OpeningFixture.opensslInstalled(), "openssl is not installed here");
		OpeningFixture f = new OpeningFixture(dir, OpeningFixture.Beans.of(context));
		f.bidder("b1");
		f.bidder("b2");
		f.bidder("b3");
		SectionView section = f.published("0");
		f.bid(section, "b1", "900000.00");
		Path e2 = f.bid(section, "b2", "950000.00");
		f.bid(section, "b3", "990000.00");
		String key2 = f.contentKey(e2, "b2");
		f.deadlinePassed(section, Duration.ofMillis(1));
		String hall = "/tenders/sections/" + section.id() + "/opening";

		first = Chromium.open(1100);
		signIn(first, "b1." + f.run);
		first.get(url(hall));
		wait(first).until(ExpectedConditions.textToBe(By.id("outcome"), "开标中"));
		wait(first).until(ExpectedConditions.textToBe(By.id("connection"), "实时更新中"));
		By b2Row = By.xpath("//tr[td[@class='bidder' and text()='" + f.bidders.get("b2").name() + "']]");
		assertThat(first.findElement(b2Row).findElement(By.className("checked-in")).getText()).isEqualTo("—");

		second = Chromium.open(1100);
		signIn(second, "b2." + f.run);
		second.get(url(hall));
		wait(second).until(ExpectedConditions.textToBe(By.id("connection"), "实时更新中"));
		second.findElement(By.id("check-in")).click();
		wait(second).until(ExpectedConditions.visibilityOfElementLocated(By.id("contentKey")));

		// the first bidder's page, never reloaded, shows the second's check-in ...
		wait(first).until(d -> !d.findElement(b2Row).findElement(By.className("checked-in")).getText().equals("—"));
		Chromium.screenshot(first, "opening-checked-in-live");

		// ... and its price, read out when it gives its content key
		second.findElement(By.id("contentKey")).sendKeys("content key: " + key2);
		// a live refresh while typing keeps the text (tendering-opening.js): the field holds the whole key
		wait(second).until(d -> d.findElement(By.id("contentKey")).getDomProperty("value").endsWith(key2));
		second.findElement(By.id("decrypt")).click();
		wait(second).withMessage(() -> "the page " + second.getCurrentUrl() + " shows: " + second.getPageSource())
			// the page being left has a notice too (已签到。): wait for the decryption's
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("saved-notice"), "已解密"));
		wait(first).until(d -> d.findElement(b2Row).findElement(By.className("price")).getText().equals("950000.00"));
		assertThat(first.findElement(By.id("progress")).getText()).contains("1");
		Chromium.screenshot(first, "opening-price-read-out-live");
		Chromium.screenshot(second, "opening-decrypted");

		// the second bidder confirms the record with its signature: it downloads its line of the record in its session,
		// signs it with its key (here OpenSSL, as the bid tool would), uploads signature and certificate and clicks
		byte[] statement = download(second, second.findElement(By.id("confirmation-statement")).getAttribute("href"));
		assertThat(new String(statement, StandardCharsets.UTF_8)).contains("totalPrice=950000.00");
		Path signature = Files.write(dir.resolve("b2-confirmation.sig"), f.signConfirmation("b2", statement));
		second.findElement(By.id("confirmation-signature")).sendKeys(signature.toString());
		second.findElement(By.id("confirmation-certificate")).sendKeys(dir.resolve("b2.pem").toString());
		second.findElement(By.id("confirm")).click();
		wait(second).withMessage(() -> "the page " + second.getCurrentUrl() + " shows: " + second.getPageSource())
			.until(d -> d.findElement(By.id("saved-notice")).getText().contains("确认"));
		wait(second).until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-form")));
		assertThat(second.findElement(b2Row).findElement(By.className("confirmation")).getText())
			.contains("已确认", "已签名", "b2 " + f.run);
		// and the first bidder's page shows the signed confirmation live
		wait(first).until(d -> d.findElement(b2Row).findElement(By.className("confirmation")).getText().contains("已签名"));
		Chromium.screenshot(second, "opening-confirmed-signed");
	}

	/** Fetches a URL with the browser's own session, as a click on the link would download it. */
	private static byte[] download(WebDriver browser, String href) {
		Object base64 = ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer()).then(b => {
				  let s = ''; const bytes = new Uint8Array(b);
				  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
				  done(btoa(s));
				}).catch(e => done('ERROR ' + e));""", href);
		assertThat(base64.toString()).doesNotStartWith("ERROR");
		return Base64.getDecoder().decode(base64.toString());
	}

	private void signIn(WebDriver browser, String username) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(OpeningFixture.PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		wait(browser).until(ExpectedConditions.urlContains("/workspace"));
	}

	private static WebDriverWait wait(WebDriver browser) {
		// the hall is replaced whenever it changes: an element found a moment ago may be gone, so look again
		return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(20))
			.ignoring(StaleElementReferenceException.class);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
