package org.yiwang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;

/**
 * The headless Chromium every browser test drives: Debian's chromium and chromedriver, each session with its own
 * profile, Chinese first. Under {@code CI} a missing browser fails the test; elsewhere the test is skipped.
 */
public final class Chromium {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	/**
	 * The page that held {@code element} is gone (a form was posted and the next page loaded). ChromeDriver answers a
	 * detached node as stale, or, when the question races the navigation, with "Node with given id does not belong to
	 * the document": both mean gone ({@code ExpectedConditions.stalenessOf} takes only the first and fails on the second).
	 */
	public static ExpectedCondition<Boolean> gone(WebElement element) {
		return driver -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException e) {
				return true;
			}
			catch (WebDriverException e) {
				if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
					return true;
				}
				throw e;
			}
		};
	}

	/** A new browser session with a window of that height (1280 wide). */
	public static WebDriver open(int windowHeight) throws IOException {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (System.getenv("CI") != null) {
			assertThat(installed).as(".ci/run installs chromium and chromium-driver").isTrue();
		}
		Assumptions.assumeTrue(installed,
				"Chromium is not installed here; .ci/run installs it (apt-get install chromium chromium-driver fonts-noto-cjk)");
		Path profile = Files.createTempDirectory("yiwang-chromium");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280," + windowHeight, "--lang=zh-CN", "--user-data-dir=" + profile);
		return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
				options);
	}

	/** Saves what the browser shows to {@code target/screenshots/<name>.png}. */
	public static void screenshot(WebDriver browser, String name) throws IOException {
		Path file = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(file.getParent());
		Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}
}
