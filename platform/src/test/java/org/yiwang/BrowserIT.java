package org.yiwang;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In a real headless Chromium: city staff sign in, add a category through the htmx form, and find it on the public
 * home page. Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserIT {

	@LocalServerPort
	int port;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeEach
	void open_chromium() throws Exception {
		browser = Chromium.open(1600);
		wait = new WebDriverWait(browser, Duration.ofSeconds(20));
	}

	@AfterEach
	void close_chromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void screenshot(String name) throws Exception {
		Chromium.screenshot(browser, name);
	}

	@Test
	void staff_sign_in_add_a_category_and_see_it_on_the_public_home_page() throws Exception {
		String code = "BROWSER_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys("staff");
		browser.findElement(By.id("password")).sendKeys("Demo@2026yw");
		browser.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.urlContains("/workspace"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("工作台");

		browser.findElement(By.cssSelector("[data-menu='/admin/categories']")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add-category")));
		browser.findElement(By.id("code")).sendKeys(code);
		new Select(browser.findElement(By.id("family"))).selectByValue("CATALOG");
		browser.findElement(By.id("nameZh")).sendKeys("医疗器械阳光采购");
		browser.findElement(By.id("nameEn")).sendKeys("Medical devices sunshine purchasing");
		browser.findElement(By.id("supervisorZh")).sendKeys("医疗保障部门");
		browser.findElement(By.id("add-category-submit")).click();
		WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("added-notice")));
		assertThat(notice.getText()).contains(code);
		assertThat(browser.getCurrentUrl()).as("htmx swapped the panel in place").endsWith("/admin/categories");
		screenshot("category-added");

		browser.get(url("/"));
		WebElement added = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-code='" + code + "']")));
		assertThat(added.getText()).contains("医疗器械阳光采购");
		assertThat(browser.findElement(By.id("category-count")).getText()).isEqualTo("36");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#family-chart canvas")));
		screenshot("home-with-new-category");
	}

	private void signIn(String username, String password) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).clear();
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.urlContains("/workspace"));
	}

	private void signOut() {
		browser.findElement(By.id("sign-out")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
	}

	@Test
	void a_newcomer_registers_an_entity_staff_approve_it_and_the_entity_sees_it() throws Exception {
		String creditCode = TestActor.creditCode("500103");
		String username = "newcomer." + UUID.randomUUID().toString().substring(0, 6);
		String name = "重庆新来建设有限公司" + username.substring(9);

		browser.get(url("/"));
		browser.findElement(By.id("sign-in")).click();
		// the login page has the link; the home page being left does not
		wait.until(ExpectedConditions.elementToBeClickable(By.id("register-link"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("register-form")));
		browser.findElement(By.id("name")).sendKeys(name);
		browser.findElement(By.id("creditCode")).sendKeys(creditCode);
		browser.findElement(By.id("legalRepresentative")).sendKeys("张三");
		new Select(browser.findElement(By.id("registeredRegion"))).selectByValue("500103");
		new Select(browser.findElement(By.id("enterpriseNature"))).selectByValue("150");
		browser.findElement(By.id("contactName")).sendKeys("李四");
		browser.findElement(By.id("contactPhone")).sendKeys("023-63000000");
		browser.findElement(By.cssSelector("input[name='roles'][value='BIDDER']")).click();
		browser.findElement(By.cssSelector("input[name='roles'][value='TENDERER']")).click();
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("Newcomer-2026x");
		browser.findElement(By.id("repeat")).sendKeys("Newcomer-2026x");
		screenshot("registration-form");
		browser.findElement(By.id("register-submit")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registered-notice"))).getText()).contains(name);

		browser.findElement(By.id("password")).sendKeys("Newcomer-2026x");
		browser.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.urlContains("/workspace"));
		browser.findElement(By.cssSelector("[data-menu='/registry/my']")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entity-status"))).getText()).isEqualTo("待审核");
		signOut();

		signIn("staff.yuzhong", "Demo@2026yw");
		browser.findElement(By.cssSelector("[data-menu='/registry/review']")).click();
		WebElement application = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//section[@data-entity][.//a[text()='" + name + "']]")));
		application.findElement(By.cssSelector("button.approve")).click();
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-notice"))).getText()).contains("通过");
		screenshot("review-approved");
		signOut();

		signIn(username, "Newcomer-2026x");
		browser.get(url("/registry/my"));
		assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entity-status"))).getText()).isEqualTo("已通过");
		assertThat(browser.findElement(By.id("entity-profile")).getText()).contains("投标人/供应商", "招标人/采购人");
		screenshot("my-entity-approved");
		signOut();

		bindCertificatesAndCheckSignatures(username);
	}

	/**
	 * The administrator recognises two more CAs (SM2 and ECDSA, made with OpenSSL); the entity gets a demo-CA SM2
	 * certificate for its credit code (bound at once) and binds an ECDSA one that staff confirm; a file signed with
	 * OpenSSL by the demo key is accepted, the same file signed by an unbound key is refused with the reason.
	 */
	private void bindCertificatesAndCheckSignatures(String username) throws Exception {
		Path dir = Files.createTempDirectory("yiwang-browser-pki");
		String id = "distid:1234567812345678";
		openssl(dir, "ecparam", "-genkey", "-name", "SM2", "-noout", "-out", "sm2-ca.key");
		openssl(dir, "req", "-x509", "-new", "-key", "sm2-ca.key", "-sm3", "-sigopt", id, "-subj", "/CN=Browser SM2 CA " + username,
				"-days", "3650", "-out", "sm2-ca.pem", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
				"keyUsage=critical,keyCertSign,cRLSign");
		openssl(dir, "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "ec-ca.key");
		openssl(dir, "req", "-x509", "-new", "-key", "ec-ca.key", "-sha256", "-subj", "/CN=Browser ECDSA CA " + username, "-days",
				"3650", "-out", "ec-ca.pem", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
				"keyUsage=critical,keyCertSign,cRLSign");
		openssl(dir, "ecparam", "-genkey", "-name", "SM2", "-noout", "-out", "other.key");
		openssl(dir, "req", "-new", "-key", "other.key", "-sm3", "-sigopt", id, "-subj", "/CN=" + username + " unbound", "-out",
				"other.csr");
		openssl(dir, "x509", "-req", "-in", "other.csr", "-CA", "sm2-ca.pem", "-CAkey", "sm2-ca.key", "-sm3", "-sigopt", id,
				"-vfyopt", id, "-days", "3650", "-out", "other.pem", "-CAcreateserial");
		openssl(dir, "ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "ec.key");
		openssl(dir, "req", "-new", "-key", "ec.key", "-sha256", "-subj", "/CN=" + username + " ECDSA", "-out", "ec.csr");
		openssl(dir, "x509", "-req", "-in", "ec.csr", "-CA", "ec-ca.pem", "-CAkey", "ec-ca.key", "-sha256", "-days", "3650",
				"-out", "ec.pem", "-CAcreateserial");
		Files.writeString(dir.resolve("bid.txt"), "投标文件：" + username);
		openssl(dir, "dgst", "-sm3", "-sign", "other.key", "-sigopt", id, "-out", "bid-unbound.sig", "bid.txt");

		signIn("admin", "Demo@2026yw");
		for (String ca : new String[] { "sm2-ca.pem", "ec-ca.pem" }) {
			browser.get(url("/admin/pki"));
			browser.findElement(By.cssSelector("form[action$='/admin/pki/cas'] input[type=file]"))
				.sendKeys(dir.resolve(ca).toString());
			browser.findElement(By.id("upload-ca")).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pki-saved")));
		}
		screenshot("trust-store");
		signOut();

		signIn(username, "Newcomer-2026x");
		browser.get(url("/registry/my"));
		browser.findElement(By.id("demo-certificate")).click();
		String demoKey = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo-private-key"))).getAttribute("value");
		assertThat(demoKey).startsWith("-----BEGIN PRIVATE KEY-----");
		Files.writeString(dir.resolve("demo-sm2-key.pem"), demoKey);
		openssl(dir, "dgst", "-sm3", "-sign", "demo-sm2-key.pem", "-sigopt", id, "-out", "bid-demo.sig", "bid.txt");
		screenshot("demo-certificate");
		browser.get(url("/registry/my"));
		browser.findElement(By.id("certificate-file")).sendKeys(dir.resolve("ec.pem").toString());
		browser.findElement(By.id("bind-certificate")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-notice")));
		assertThat(browser.findElement(By.id("certificate-table")).getText()).contains("有效", "待确认");
		signOut();

		signIn("staff.yuzhong", "Demo@2026yw");
		browser.get(url("/registry/review"));
		WebElement binding = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//section[@data-fingerprint][contains(., '" + username + " ECDSA')]")));
		binding.findElement(By.cssSelector("form[action$='/approve'] button")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved-notice")));
		signOut();

		signIn(username, "Newcomer-2026x");
		browser.get(url("/registry/my"));
		assertThat(browser.findElement(By.id("certificate-table")).getText()).doesNotContain("待确认");
		String profile = browser.findElement(By.cssSelector("#entity-profile h2 span")).getText();
		assertThat(profile).isNotBlank();
		browser.get(url("/registry/entities/" + entityId()));
		browser.findElement(By.id("sig-content")).sendKeys(dir.resolve("bid.txt").toString());
		browser.findElement(By.id("sig-signature")).sendKeys(dir.resolve("bid-demo.sig").toString());
		browser.findElement(By.id("check-signature")).click();
		WebElement accepted = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signature-result")));
		assertThat(accepted.getText()).contains("签名有效");
		screenshot("signature-accepted");

		browser.findElement(By.id("sig-content")).sendKeys(dir.resolve("bid.txt").toString());
		browser.findElement(By.id("sig-signature")).sendKeys(dir.resolve("bid-unbound.sig").toString());
		browser.findElement(By.id("sig-certificate")).sendKeys(dir.resolve("other.pem").toString());
		browser.findElement(By.id("check-signature")).click();
		WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signature-result")));
		assertThat(refused.getText()).contains("没有绑定");
		screenshot("signature-refused");
	}

	/** The entity id from the "my entity" page's link to its profile. */
	private String entityId() {
		browser.get(url("/registry/my"));
		return browser.findElement(By.id("profile-link")).getAttribute("data-entity");
	}

	private static void openssl(Path dir, String... args) throws Exception {
		java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("/usr/bin/openssl"));
		command.addAll(java.util.List.of(args));
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as("openssl " + String.join(" ", args) + "\n" + output).isZero();
	}

	@Test
	void a_wrong_password_says_why_and_keeps_the_name() throws Exception {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys("bidder");
		browser.findElement(By.id("password")).sendKeys("not-the-password");
		browser.findElement(By.id("login-submit")).click();
		WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
		assertThat(error.getText()).contains("用户名或密码不正确");
		assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo("bidder");
		screenshot("login-error");
	}
}
