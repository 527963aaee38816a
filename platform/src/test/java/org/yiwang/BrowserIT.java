package org.yiwang;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	int port;

	WebDriver browser;

	WebDriverWait wait;

	Path profile;

	@BeforeEach
	void open_chromium() throws Exception {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (System.getenv("CI") != null) {
			assertThat(installed).as(".ci/run installs chromium and chromium-driver").isTrue();
		}
		Assumptions.assumeTrue(installed, "Chromium is not installed here; .ci/run installs it (apt-get install chromium chromium-driver fonts-noto-cjk)");
		profile = Files.createTempDirectory("yiwang-chromium");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,1600", "--lang=zh-CN", "--user-data-dir=" + profile);
		browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
				options);
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
		Path file = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(file.getParent());
		Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
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
		String first17 = "91500103" + UUID.randomUUID().toString().replace("-", "").toUpperCase().replaceAll("[^0-9A-H]", "0")
			.substring(0, 9);
		String creditCode = first17 + org.yiwang.kernel.CreditCode.checkCharacter(first17);
		String username = "newcomer." + UUID.randomUUID().toString().substring(0, 6);
		String name = "重庆新来建设有限公司" + username.substring(9);

		browser.get(url("/"));
		browser.findElement(By.id("sign-in")).click();
		browser.findElement(By.id("register-link")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("register-form")));
		browser.findElement(By.id("name")).sendKeys(name);
		browser.findElement(By.id("creditCode")).sendKeys(creditCode);
		browser.findElement(By.id("legalRepresentative")).sendKeys("张三");
		new Select(browser.findElement(By.id("registeredRegion"))).selectByValue("500103");
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
