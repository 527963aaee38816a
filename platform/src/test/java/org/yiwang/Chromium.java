package org.yiwang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.CommandPayload;
import org.openqa.selenium.remote.Response;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The headless Chromium every browser test drives: Debian's chromium and chromedriver, Chinese first, one browser
 * per JVM handed from test to test with no cookies or storage left (see {@link Pooled}). Under {@code CI} a missing browser fails the test; elsewhere the test is skipped.
 */
public final class Chromium {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	/**
	 * The page that held {@code element} is gone (a form was posted and the next page loaded, or a live update
	 * replaced the node). ChromeDriver answers such a node as stale or, when the question races the page's change,
	 * with "Node with given id does not belong to the document": {@link Pooled} turns the second into the first, so
	 * this is {@code ExpectedConditions.stalenessOf}, and every wait that ignores stale elements rides such a race out.
	 */
	public static ExpectedCondition<Boolean> gone(WebElement element) {
		return ExpectedConditions.stalenessOf(element);
	}

	/** A browser session with a window of that height (1280 wide), clean: no cookies, no storage, one window. */
	public static WebDriver open(int windowHeight) throws IOException {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (System.getenv("CI") != null) {
			assertThat(installed).as(".ci/run installs chromium and chromium-driver").isTrue();
		}
		Assumptions.assumeTrue(installed,
				"Chromium is not installed here; .ci/run installs it (apt-get install chromium chromium-driver fonts-noto-cjk)");
		Pooled browser;
		while ((browser = IDLE.poll()) != null) {
			if (browser.lend(windowHeight)) {
				return browser;
			}
		}
		browser = Pooled.start(windowHeight);
		if (!browser.lend(windowHeight)) {
			throw new IllegalStateException("a new Chromium did not answer");
		}
		return browser;
	}

	/** Browsers handed back by {@code quit()}, cleaned, ready for the next test of this JVM. */
	private static final Queue<Pooled> IDLE = new ConcurrentLinkedQueue<>();

	/**
	 * One Chromium and chromedriver serve every browser test of a JVM in turn (a second one only while a test holds
	 * two sessions at once): a start costs some 1.3 s of CPU, 8-10 s on a busy 2-core machine, and tests opened one
	 * per test method. {@code quit()} does not end the browser: it closes extra windows, leaves the page (ending its
	 * polls and event streams), deletes every cookie and the page's storage, and puts the browser back for the next
	 * {@link #open(int)}; a browser that cannot be cleaned is ended for real. All of them end with the JVM.
	 */
	private static final class Pooled extends ChromeDriver {

		private final String home;

		private volatile boolean lent;

		private Pooled(ChromeDriverService service, ChromeOptions options) {
			super(service, options);
			this.home = getWindowHandle();
		}

		static Pooled start(int windowHeight) throws IOException {
			Path profile = Files.createTempDirectory("yiwang-chromium");
			ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--window-size=1280," + windowHeight, "--lang=zh-CN", "--user-data-dir=" + profile);
			Pooled browser = new Pooled(
					new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
			Runtime.getRuntime().addShutdownHook(new Thread(browser::end, "chromium-quit"));
			return browser;
		}

		/** Hands the browser to a test at that window height; false if it no longer answers (and is ended). */
		boolean lend(int windowHeight) {
			try {
				manage().window().setSize(new Dimension(1280, windowHeight));
				manage().timeouts().implicitlyWait(Duration.ZERO);
				manage().timeouts().pageLoadTimeout(Duration.ofMinutes(5));
				manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
				lent = true;
				return true;
			}
			catch (WebDriverException e) {
				end();
				return false;
			}
		}

		/** Not the end of the browser: cleaned and back to the pool (see the class comment). */
		@Override
		public void quit() {
			if (!lent) {
				return;
			}
			lent = false;
			try {
				try {
					switchTo().alert().dismiss();
				}
				catch (NoAlertPresentException e) {
					// the usual case
				}
				for (String handle : getWindowHandles()) {
					if (!handle.equals(home)) {
						switchTo().window(handle).close();
					}
				}
				switchTo().window(home);
				String url = getCurrentUrl();
				executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
				boolean web = url != null && url.startsWith("http");
				if (web) {
					// the tab's session storage outlives a navigation; htmx keeps its history in local storage
					executeScript("try { sessionStorage.clear(); localStorage.clear(); } catch (e) {}");
				}
				get("about:blank");
				if (web) {
					URI page = URI.create(url);
					String origin = page.getScheme() + "://" + page.getHost()
							+ (page.getPort() < 0 ? "" : ":" + page.getPort());
					executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
				}
				executeCdpCommand("Network.clearBrowserCookies", Map.of());
				IDLE.add(this);
			}
			catch (WebDriverException | IllegalArgumentException e) {
				end();
			}
		}

		/**
		 * Every command, with a node detached while ChromeDriver looked it up ("Node with given id does not belong to
		 * the document", an "unknown error" where a detached node is otherwise stale) answered as the stale element it
		 * is: a wait ignoring {@link StaleElementReferenceException} asks again (CI of a293e0d failed on the race in
		 * {@code OpeningIT}, a live refresh replacing the notice between its lookup and its visibility check).
		 */
		@Override
		protected Response execute(CommandPayload payload) {
			try {
				return super.execute(payload);
			}
			catch (StaleElementReferenceException e) {
				throw e;
			}
			catch (WebDriverException e) {
				if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
					throw new StaleElementReferenceException("The element left the page while it was asked about", e);
				}
				throw e;
			}
		}

		/** Ends Chromium and chromedriver for real. */
		void end() {
			IDLE.remove(this);
			try {
				super.quit();
			}
			catch (WebDriverException e) {
				// already gone
			}
		}
	}

	/** Saves what the browser shows to {@code target/screenshots/<name>.png}. */
	public static void screenshot(WebDriver browser, String name) throws IOException {
		Path file = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(file.getParent());
		Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}
}
