package org.yiwang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.yiwang.Chromium;
import org.yiwang.TestActor;
import org.yiwang.kernel.Role;
import org.yiwang.pki.IssuedCredentials;

/**
 * In a real headless Chromium: the demo expert takes a demo key, signs the sign-in page's challenge with OpenSSL,
 * pastes the signature and lands on their own page, signed in by certificate; a second try with the same signature
 * on a fresh page is refused. Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExpertSignInBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	ExpertPool pool;

	@TempDir
	Path dir;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeEach
	void open_chromium() throws Exception {
		browser = Chromium.open(1400);
		wait = new WebDriverWait(browser, Duration.ofSeconds(20));
	}

	@AfterEach
	void close_chromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void the_demo_expert_signs_in_with_a_certificate_and_openssl() throws Exception {
		IssuedCredentials credentials = TestActor.of("expert", Role.EXPERT, TestActor.CITY, false).call(pool::demoKey);
		Path key = Files.writeString(dir.resolve("expert-key.pem"), credentials.privateKeyPem());

		browser.get("http://localhost:" + port + "/experts/sign-in");
		String challenge = browser.findElement(By.id("challenge-text")).getText();
		assertThat(challenge).startsWith("yiwang-expert-sign-in/1 ");
		byte[] signature = openssl(key, challenge);
		browser.findElement(By.id("username")).sendKeys("expert");
		browser.findElement(By.id("signatureBase64")).sendKeys(Base64.getEncoder().encodeToString(signature));
		Chromium.screenshot(browser, "expert-sign-in");
		browser.findElement(By.id("expert-sign-in-submit")).click();
		wait.until(ExpectedConditions.urlContains("/experts/me"));
		assertThat(browser.findElement(By.id("my-certificate")).getText())
			.contains(credentials.certificate().fingerprint());
		Chromium.screenshot(browser, "expert-me");

		// the same signature for a fresh challenge: refused with the reason
		browser.findElement(By.id("sign-out")).click();
		// the sign-out is a form post: wait for its redirect, or the next page load may race it and be cancelled
		wait.until(ExpectedConditions.urlContains("signedOut"));
		browser.get("http://localhost:" + port + "/experts/sign-in");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("expert");
		browser.findElement(By.id("signatureBase64")).sendKeys(Base64.getEncoder().encodeToString(signature));
		browser.findElement(By.id("expert-sign-in-submit")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
		assertThat(browser.findElement(By.id("problem")).getText()).contains("签名与这些内容不符");
	}

	private byte[] openssl(Path key, String challenge) throws Exception {
		Path file = Files.write(dir.resolve("challenge.txt"), challenge.getBytes(StandardCharsets.US_ASCII));
		Process process = new ProcessBuilder("/usr/bin/openssl", "dgst", "-sm3", "-sign", key.toString(), "-sigopt",
				"distid:1234567812345678", "-out", "challenge.sig", file.toString()).directory(dir.toFile())
			.redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return Files.readAllBytes(dir.resolve("challenge.sig"));
	}
}
