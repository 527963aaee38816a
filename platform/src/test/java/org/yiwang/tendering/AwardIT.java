package org.yiwang.tendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.yiwang.Chromium;
import org.yiwang.AdjustableClock;
import org.yiwang.pki.PlatformKeys;

/**
 * The award page in headless Chromium, with the platform's clock moved past the publicity: a bidder follows its
 * notification to the publicized candidates and objects; the tenderer answers and, the publicity over, confirms the
 * first candidate; the winner sees its result, has the platform check the award notice's signature, and downloads
 * the notice and its signature in its session, which OpenSSL verifies with the platform certificate; a losing bidder
 * does the same with its own signed result notice (中标结果通知书). Screenshots go to
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AwardIT {

	@TestConfiguration
	static class Moving {

		@Bean
		@Primary
		AdjustableClock adjustableClock() {
			return new AdjustableClock();
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	AdjustableClock clock;

	@Autowired
	PlatformKeys platformKeys;

	@TempDir
	Path dir;

	WebDriver browser;

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void a_bidder_objects_the_tenderer_answers_and_confirms_and_the_winner_downloads_its_signed_award_notice()
			throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")) || System.getenv("CI") != null,
				"openssl is not installed here");
		browser = Chromium.open(1600);
		AwardScenario s = new AwardScenario(context, dir, "0");
		s.report(s.threeCandidates());
		s.awaitStatus(SectionStatus.PUBLICIZING);

		// the second bidder follows its notification and objects during the publicity
		signIn(s.user("b2"));
		browser.get(url("/tenders"));
		browser.findElement(By.cssSelector("#notifications a")).click();
		wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("candidates")));
		assertThat(browser.findElement(By.id("candidates")).getText()).contains(s.first.name(), s.second.name(),
				s.third.name());
		browser.findElement(By.id("objection")).sendKeys("第一名的项目经理资格证书已过期");
		browser.findElement(By.id("raise-objection")).click();
		wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.objection")));
		screenshot("award-objection");
		signOut();

		// the tenderer answers; once the publicity is over it confirms the first candidate
		signIn(s.user("tdr"));
		browser.get(url("/tenders/sections/" + s.section.id() + "/award"));
		browser.findElement(By.cssSelector(".answer-form textarea")).sendKeys("经核查，证书在有效期内。");
		browser.findElement(By.cssSelector(".answer-form button")).click();
		wait(20).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".answer-form")));
		assertThat(browser.findElement(By.id("waiting")).getText()).contains("公示期");
		clock.advance(Duration.ofDays(3).plusMinutes(1));
		browser.navigate().refresh();
		browser.findElement(By.id("confirm-winner")).click();
		wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("winner-name")));
		assertThat(browser.findElement(By.id("winner-name")).getText()).isEqualTo(s.first.name());
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已定标");
		screenshot("award-confirmed");
		signOut();

		// the winner: its result, the platform's check of the signature, and the notice downloaded in its session
		signIn(s.user("b1"));
		browser.get(url("/tenders/sections/" + s.section.id() + "/award"));
		assertThat(browser.findElement(By.id("my-result")).getAttribute("data-won")).isEqualTo("true");
		browser.findElement(By.id("verify-award-notice")).click();
		wait(20).until(ExpectedConditions.attributeToBe(By.id("verification-result"), "data-valid", "true"));
		screenshot("award-winner");
		byte[] pdf = download(browser.findElement(By.id("award-notice")).getAttribute("href"));
		byte[] signature = download(browser.findElement(By.id("award-notice-signature")).getAttribute("href"));
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		s.write("award-notice.pdf", pdf);
		s.write("award-notice.pdf.sig", signature);
		s.write("platform.pem", platformKeys.certificatePem().getBytes(StandardCharsets.US_ASCII));
		s.openssl("x509", "-in", "platform.pem", "-pubkey", "-noout", "-out", "platform-pub.pem");
		assertThat(s.openssl("dgst", "-sm3", "-verify", "platform-pub.pem", "-sigopt", AwardScenario.ID, "-signature",
				"award-notice.pdf.sig", "award-notice.pdf")).contains("Verified OK");
		assertThat(browser.findElement(By.id("award-notice-sha256")).getText()).isEqualTo(TenderingTests.hex("SHA-256", pdf));
		signOut();

		// a losing bidder: its own signed result notice (中标结果通知书), checked by the platform on a click, downloaded in
		// its session and verified by OpenSSL
		signIn(s.user("b2"));
		browser.get(url("/tenders/sections/" + s.section.id() + "/award"));
		assertThat(browser.findElement(By.id("my-result")).getAttribute("data-won")).isEqualTo("false");
		assertThat(browser.findElement(By.id("result-notice-title")).getText()).isEqualTo("中标结果通知书");
		assertThat(browser.findElements(By.id("award-notice"))).isEmpty();
		browser.findElement(By.id("verify-result-notice")).click();
		wait(20).until(ExpectedConditions.attributeToBe(By.id("verification-result"), "data-valid", "true"));
		assertThat(browser.findElement(By.id("verification-result")).getText()).contains("中标结果通知书");
		screenshot("award-loser-result-notice");
		byte[] result = download(browser.findElement(By.id("result-notice")).getAttribute("href"));
		byte[] resultSignature = download(browser.findElement(By.id("result-notice-signature")).getAttribute("href"));
		assertThat(new String(result, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		s.write("result-notice.pdf", result);
		s.write("result-notice.pdf.sig", resultSignature);
		assertThat(s.openssl("dgst", "-sm3", "-verify", "platform-pub.pem", "-sigopt", AwardScenario.ID, "-signature",
				"result-notice.pdf.sig", "result-notice.pdf")).contains("Verified OK");
		assertThat(browser.findElement(By.id("result-notice-sha256")).getText())
			.isEqualTo(TenderingTests.hex("SHA-256", result));
	}

	/** Fetches a URL with the browser's own session, as a click on the link would download it. */
	private byte[] download(String href) {
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

	private WebDriverWait wait(int seconds) {
		return new WebDriverWait(browser, Duration.ofSeconds(seconds));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void signIn(String username) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).clear();
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(AwardScenario.PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		wait(20).until(ExpectedConditions.urlContains("/workspace"));
	}

	private void signOut() {
		browser.get(url("/tenders"));
		browser.findElement(By.id("sign-out")).click();
		wait(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
	}

	private void screenshot(String name) throws IOException {
		Chromium.screenshot(browser, name);
	}
}
