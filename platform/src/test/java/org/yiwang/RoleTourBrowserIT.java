package org.yiwang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Done when (issue 18): signed in as each demo role, and as the public, a real Chromium visits every page of the
 * role's menu and the same-origin links one step further, in zh-CN and in English, and fails on a 5xx, a missing
 * message ({@code ??key??}), an enum-like code or a raw id shown as text, and any serious or critical axe-core
 * violation. The menu pages are checked once more at a phone's width (390×844): nothing may overflow sideways.
 * <p>
 * The same configuration as {@code GuaranteeBrowserIT} (demo entities and guarantee, its clock): one cached context
 * and embedded database for both, not two.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "yiwang.demo.entities=true", "yiwang.demo.guarantee=true", "yiwang.demo.guarantee-poll=400ms" })
@ActiveProfiles("test")
@Import(AdjustableClock.Config.class)
class RoleTourBrowserIT {

	/**
	 * The demo accounts the tour signs in as, one per role (docs/accounts.md; center staff as a district's, whose menu
	 * the city's staff share); null is the public.
	 */
	static final List<String> ACCOUNTS = java.util.Arrays.asList(null, "admin", "staff.yuzhong",
			"demo.tenderer", "demo.agency", "demo.bidder", "expert", "regulator", "issuer", "intermediary");

	static final String PASSWORD = "Demo@2026yw";

	/**
	 * Links followed from each menu page, each kind of linked page once in the whole tour (in the first language that
	 * reaches it; every menu page is visited in both): the tour stays a few minutes long.
	 */
	static final int LINKS_PER_PAGE = 3;

	static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");

	static final Pattern ENUM_CODE = Pattern.compile("(?<![A-Za-z0-9_\\-])[A-Z]{2,}_[A-Z_]+(?![A-Za-z0-9_\\-])");

	static final Pattern RAW_ID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/**
	 * The text a person reads: visible text nodes, except what is shown to be copied verbatim (signed content, commands
	 * to verify it, keys: {@code pre}, {@code code}), where ids and codes are the point.
	 */
	static final String VISIBLE_TEXT = """
			const parts = [];
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			while (walker.nextNode()) {
			  const node = walker.currentNode, parent = node.parentElement;
			  if (!parent || parent.closest('pre, code, script, style, template, noscript, textarea')) continue;
			  if (!parent.checkVisibility()) continue;
			  parts.push(node.textContent);
			}
			return parts.join(' ');""";

	/**
	 * Every ECharts bar chart's category labels fit their slot or are turned, and the grid makes room for them: read
	 * from the chart's own options, the labels measured in the browser.
	 */
	static final String CHART_LABELS = """
			if (typeof echarts === 'undefined') return [];
			const context = document.createElement('canvas').getContext('2d');
			context.font = '12px sans-serif';
			return Array.from(document.querySelectorAll('[data-chart]')).map(element => {
			  const chart = echarts.getInstanceByDom(element);
			  if (!chart) return null;
			  const option = chart.getOption();
			  if (!option.xAxis || !option.xAxis[0] || option.xAxis[0].type !== 'category') return null;
			  const labels = option.xAxis[0].data || [];
			  const widest = Math.max(0, ...labels.map(l => context.measureText(String(l.value ?? l)).width));
			  const slot = element.clientWidth / Math.max(1, labels.length);
			  const rotate = (option.xAxis[0].axisLabel || {}).rotate || 0;
			  if (rotate === 0 && widest > slot) return element.id + ': labels ' + Math.round(widest) + ' px wide in ' + Math.round(slot) + ' px slots overlap';
			  if (!option.grid || !option.grid[0] || !option.grid[0].containLabel) return element.id + ': the grid does not make room for its labels';
			  return null;
			}).filter(x => x);""";

	/** Links that are not pages a person reads: files, feeds, the API, signing out, switching language. */
	static final Pattern NOT_A_PAGE = Pattern.compile(
			"/(logout|login|api|v3|swagger-ui|actuator|webjars|css|js|opendata)(/|$)|\\.(pdf|json|xml|csv|xlsx|ywenv|pem|sig|zip|txt|png|tsr|cer)$"
					+ "|/(download|file|files|blob|signature|certificate|ocds|feed|export|events|stream|live-events|receipt)(/|$)|[?&]lang=");

	static WebDriver browser;

	static WebDriverWait wait;

	static String axe;

	@LocalServerPort
	int port;

	final List<String> failures = new ArrayList<>() {

		@Override
		public boolean add(String failure) {
			// said at once, so a long tour shows its findings as it goes
			System.out.println("RoleTourBrowserIT problem: " + failure);
			return super.add(failure);
		}
	};

	final Set<String> seenPatterns = new LinkedHashSet<>();

	final Set<String> axeChecked = new LinkedHashSet<>();

	/** Pages checked at a phone's width: the layout of a page is the same for every role that has it. */
	final Set<String> phoneChecked = new LinkedHashSet<>();

	int visited;

	@BeforeAll
	static void open_chromium() throws IOException {
		browser = Chromium.open(1000);
		wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		try (InputStream in = RoleTourBrowserIT.class.getResourceAsStream("/axe/axe-4.10.3.min.js")) {
			axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@AfterAll
	static void close_chromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void every_role_reads_names_in_its_language_on_every_page_it_reaches() throws Exception {
		long started = System.nanoTime();
		for (String account : ACCOUNTS) {
			for (String lang : List.of("zh_CN", "en")) {
				tour(account, lang);
				System.out.printf("RoleTourBrowserIT: %s %s done, %d pages so far, %d problems, %d s%n",
						account == null ? "public" : account, lang, visited, failures.size(),
						(System.nanoTime() - started) / 1_000_000_000L);
			}
		}
		for (String account : ACCOUNTS) {
			atPhoneWidth(account);
		}
		System.out.printf("RoleTourBrowserIT: visited %d pages (%d kinds of linked page) as the public and %d demo roles, in 2 languages, in %d s%n",
				visited, seenPatterns.size(), ACCOUNTS.size() - 1, (System.nanoTime() - started) / 1_000_000_000L);
		assertThat(failures).as(failures.size() + " problems in " + visited + " pages").isEmpty();
	}

	private void tour(String account, String lang) {
		signIn(account);
		browser.get(url("/?lang=" + lang));
		List<String> menu = menu(account);
		Deque<String> linksToFollow = new ArrayDeque<>();
		for (String page : menu) {
			List<String> links = visit(account, lang, page);
			int followed = 0;
			for (String link : links) {
				if (followed < LINKS_PER_PAGE && !menu.contains(link) && seenPatterns.add(shape(link))) {
					linksToFollow.add(link);
					followed++;
				}
			}
		}
		while (!linksToFollow.isEmpty()) {
			visit(account, lang, linksToFollow.poll());
		}
	}

	/** The pages of the account's menu, or for the public the home page, the portal and the sign-in page. */
	private List<String> menu(String account) {
		List<String> pages = new ArrayList<>();
		if (account == null) {
			// the public pages; signed-in people reach the same ones, checked once here
			pages.addAll(List.of("/", "/portal", "/notices", "/listings", "/login", "/register"));
			return pages;
		}
		browser.get(url("/workspace"));
		pages.add("/workspace");
		pages.add("/account");
		for (WebElement item : browser.findElements(By.cssSelector("#workspace-menu a[data-menu]"))) {
			String href = item.getAttribute("data-menu");
			if (!pages.contains(href)) {
				pages.add(href);
			}
		}
		return pages;
	}

	/**
	 * What {@link #visit} reads from a page, in one call to the browser (each call is a round trip to chromedriver):
	 * the navigation's status, the visible text, the charts' label problems, {@code <html lang>} and the links.
	 */
	static final String PAGE_FACTS = "const n = performance.getEntriesByType('navigation')[0];"
			+ " const status = n && n.responseStatus ? n.responseStatus : 0;"
			+ " const text = (() => {" + VISIBLE_TEXT + "})();"
			+ " const charts = (() => {" + CHART_LABELS + "})();"
			+ " const links = Array.from(document.querySelectorAll('main a[href]'))"
			+ ".filter(a => a.origin === location.origin && a.offsetParent !== null).map(a => a.pathname + a.search);"
			+ " return { status: status, text: text, charts: charts, lang: document.documentElement.lang, links: links };";

	/** Loads a page, checks it, and returns the same-origin page links it shows. */
	@SuppressWarnings("unchecked")
	private List<String> visit(String account, String lang, String path) {
		browser.get(url(path));
		visited++;
		String where = (account == null ? "public" : account) + " " + lang + " " + path;
		Map<String, Object> facts = (Map<String, Object>) js(PAGE_FACTS);
		long status = ((Number) facts.get("status")).longValue();
		if (status >= 500) {
			failures.add(where + ": HTTP " + status);
			return List.of();
		}
		String text = (String) facts.get("text");
		find(where, "missing message", MISSING_MESSAGE, text);
		find(where, "code shown", ENUM_CODE, text);
		find(where, "raw id shown", RAW_ID, text);
		for (Object overlap : (List<?>) facts.get("charts")) {
			failures.add(where + ": chart " + overlap);
		}
		String htmlLang = (String) facts.get("lang");
		if (htmlLang == null || htmlLang.isBlank()) {
			failures.add(where + ": <html> has no lang");
		}
		// axe once per kind of page: one template's markup differs little between roles and not at all in structure
		// between languages (the <html lang> is checked above on every page); axe is most of a page's time in the tour
		if (axeChecked.add(shape(path))) {
			axe(where);
		}
		List<String> links = new ArrayList<>();
		for (String href : (List<String>) facts.get("links")) {
			if (!NOT_A_PAGE.matcher(href).find() && !links.contains(href)) {
				links.add(href);
			}
		}
		return links;
	}

	private void find(String where, String what, Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		Set<String> found = new LinkedHashSet<>();
		while (matcher.find() && found.size() < 5) {
			found.add(matcher.group());
		}
		if (!found.isEmpty()) {
			failures.add(where + ": " + what + " " + found);
		}
	}

	/** Runs axe-core on the page and records its serious and critical violations. */
	@SuppressWarnings("unchecked")
	private void axe(String where) {
		if ((Boolean) js("return typeof window.axe === 'undefined';")) {
			js(axe);
		}
		Object result = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ "axe.run(document, { resultTypes: ['violations'] })"
				+ ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
				+ ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))"
				+ ".catch(e => done(['axe failed: ' + e]));");
		for (String violation : (List<String>) result) {
			failures.add(where + ": axe " + violation);
		}
	}

	/** The menu pages at a phone's width: nothing wider than the screen. */
	private void atPhoneWidth(String account) {
		signIn(account);
		ChromeDriver chrome = (ChromeDriver) browser;
		chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
		try {
			for (String page : menu(account)) {
				if (!phoneChecked.add(page)) {
					continue;
				}
				browser.get(url(page));
				visited++;
				Long overflow = (Long) js("return document.documentElement.scrollWidth - window.innerWidth;");
				if (overflow > 1) {
					failures.add((account == null ? "public" : account) + " phone " + page + ": " + overflow
							+ " px wider than the screen (" + widest() + ")");
				}
				for (Object overlap : (List<?>) js(CHART_LABELS)) {
					failures.add((account == null ? "public" : account) + " phone " + page + ": chart " + overlap);
				}
			}
		}
		finally {
			chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", new HashMap<>());
		}
	}

	/** The element sticking out furthest, to say what to fix. */
	private String widest() {
		return (String) js("let worst = null, right = window.innerWidth;"
				+ "for (const e of document.body.querySelectorAll('*')) { const r = e.getBoundingClientRect();"
				+ " if (r.right > right + 1) { right = r.right; worst = e; } }"
				+ "return worst ? worst.tagName.toLowerCase() + (worst.id ? '#' + worst.id : '')"
				+ " + (worst.className && typeof worst.className === 'string' ? '.' + worst.className.split(' ').join('.') : '') : 'none';");
	}

	private void signIn(String account) {
		browser.manage().deleteAllCookies();
		if (account == null) {
			return;
		}
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(account);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.urlContains("/workspace"));
	}

	/** A link's shape: ids and numbers replaced, so one kind of page is followed once per language. */
	static String shape(String link) {
		String path = URI.create(link).getPath();
		return RAW_ID.matcher(path).replaceAll("{id}").replaceAll("/\\d+(?=/|$)", "/{n}")
			.replaceAll("/[A-Z]{2}-[A-Za-z0-9-]+", "/{code}").replaceAll("/[A-Z][A-Z0-9_]+(?=/|$)", "/{code}");
	}

	private Object js(String script) {
		return ((JavascriptExecutor) browser).executeScript(script);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
