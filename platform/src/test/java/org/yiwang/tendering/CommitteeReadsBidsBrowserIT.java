package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.yiwang.Chromium;
import org.yiwang.kernel.Sha256;

/**
 * Issue 17, item 1 in a real headless Chromium: an expert of the committee signs in, opens the case from the list,
 * follows a bid from the scoring page to its page (signer and hashes shown), opens the price sheet in a new tab and
 * reads it, and opens the bid's document, whose bytes the browser itself hashes to the SHA-256 shown. An expert
 * without a seat who types the same address finds nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CommitteeReadsBidsBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@TempDir
	Path dir;

	WebDriver browser;

	@AfterEach
	void close_chromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void an_expert_of_the_committee_opens_a_bid_document_and_its_price_sheet_from_the_scoring_page() throws Exception {
		Assumptions.assumeTrue(OpeningFixture.opensslInstalled(), "openssl is not installed here");
		CommitteeReadingScenario s = new CommitteeReadingScenario(dir, context);
		s.closeOpening();
		s.begin();
		String bidder = s.f.bidders.get("b1").name();
		byte[] document = Files.readAllBytes(s.documents.get("b1"));

		browser = Chromium.open(1400);
		signIn(s.members.get(0));
		browser.get(url("/evaluation/cases"));
		browser.findElement(By.cssSelector("tr[data-case='" + s.caseId + "'] a")).click();
		assertThat(wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("case-status"))).getText())
			.isEqualTo("评标中");
		// from the scoring page's list of bidders to the bid
		browser.findElement(By.cssSelector("#bidders tr[data-bid='" + s.bids.get("b1") + "'] a.read-bid")).click();
		wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("bid-signer")));
		assertThat(browser.findElement(By.id("signer-entity")).getText()).contains(bidder);
		assertThat(browser.findElement(By.id("signer-subject")).getText()).contains("CN=b1 " + s.f.run);
		assertThat(browser.findElement(By.id("envelope-sha256")).getText()).matches("[0-9a-f]{64}");
		assertThat(browser.findElement(By.id("envelope-sm3")).getText()).matches("[0-9a-f]{64}");
		assertThat(browser.findElement(By.id("price-sheet-total")).getText()).isEqualTo("900000.00");
		List<WebElement> rows = browser.findElements(By.cssSelector("#bid-files tbody tr"));
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).getAttribute("data-name")).isEqualTo("price-sheet.json");
		assertThat(rows.get(1).getAttribute("data-name")).isEqualTo(s.documents.get("b1").getFileName().toString());
		assertThat(rows.get(1).findElement(By.className("file-sha256")).getText()).isEqualTo(Sha256.hex(document));
		Chromium.screenshot(browser, "committee-reads-bid");

		// the price sheet opens in a tab of its own and reads as the bidder sealed it
		String scoring = browser.getWindowHandle();
		rows.get(0).findElement(By.cssSelector("a.bid-file")).click();
		wait(20).until(d -> d.getWindowHandles().size() == 2);
		for (String handle : browser.getWindowHandles()) {
			if (!handle.equals(scoring)) {
				browser.switchTo().window(handle);
			}
		}
		wait(20).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "totalPrice"));
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("900000.00", bidder, "王五");
		Chromium.screenshot(browser, "committee-reads-price-sheet");
		browser.close();
		browser.switchTo().window(scoring);

		// the document: the browser fetches it as the link does and hashes what it received
		String href = rows.get(1).findElement(By.cssSelector("a.bid-file")).getAttribute("href");
		@SuppressWarnings("unchecked")
		Map<String, Object> fetched = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(async r => {
				  const hash = await crypto.subtle.digest('SHA-256', await r.arrayBuffer());
				  done({status: r.status, type: r.headers.get('content-type'),
				        sha256: [...new Uint8Array(hash)].map(b => b.toString(16).padStart(2, '0')).join('')});
				}).catch(e => done({status: -1, type: String(e), sha256: ''}));""", href);
		assertThat(fetched.get("status")).isEqualTo(200L);
		assertThat(fetched.get("type")).isEqualTo("application/pdf");
		assertThat(fetched.get("sha256")).isEqualTo(Sha256.hex(document));
		String bidPage = browser.getCurrentUrl();
		signOut();

		// an expert without a seat: nothing at the same addresses
		signIn(s.outsider);
		for (String address : List.of(bidPage, href)) {
			browser.get(address);
			assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(bidder).doesNotContain("totalPrice");
		}
		browser.get(url("/evaluation/cases"));
		assertThat(browser.findElements(By.cssSelector("tr[data-case='" + s.caseId + "']"))).isEmpty();
	}

	private void signIn(String username) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(CommitteeReadingScenario.PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		wait(20).until(ExpectedConditions.urlContains("/workspace"));
	}

	private void signOut() {
		browser.get(url("/evaluation/cases"));
		browser.findElement(By.id("sign-out")).click();
		wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
	}

	private WebDriverWait wait(int seconds) {
		return new WebDriverWait(browser, Duration.ofSeconds(seconds));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
