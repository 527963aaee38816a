package org.yiwang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Done when (issue 18): signed in as each demo role, and as the public, every page of the role's menu and the
 * same-origin links one step further are read in zh-CN and in English, and the tour fails on a menu page that does
 * not answer 200, a link that leads to an error (4xx or 5xx), a missing message ({@code ??key??}), an enum-like code or
 * a raw id shown as text, an {@code <html lang>} that is not the page's language, and any serious or critical axe-core
 * violation. The menu pages are checked once more at a phone's width (390×844): nothing may overflow sideways.
 * <p>
 * What runs where: every page of the tour (some 370) is fetched over plain HTTP with the role's session cookie and
 * read with jsoup (status, the text a person reads, {@code <html lang>}, the links to follow): the server renders the
 * same HTML for a browser. A real Chromium opens one page of each kind of page (the first role and language that
 * reaches it; one template's markup differs little between roles and not in structure between languages) and checks
 * there what only a browser can: axe-core, the rendered charts' labels, the visible text once scripts have run, and,
 * for menu pages, the layout at a phone's width (the same page resized; loaded again at that width when it does not
 * pass resized).
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
	 * reaches it; every menu page is visited in both): the tour stays short.
	 */
	static final int LINKS_PER_PAGE = 3;

	static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");

	static final Pattern ENUM_CODE = Pattern.compile("(?<![A-Za-z0-9_\\-])[A-Z]{2,}_[A-Z_]+(?![A-Za-z0-9_\\-])");

	static final Pattern RAW_ID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/**
	 * What a person does not read as text in the HTML: what is shown to be copied verbatim (signed content, commands
	 * to verify it, keys: {@code pre}, {@code code}), where ids and codes are the point, and what is not shown. A
	 * {@code select}'s options are left out as the browser's check leaves them out (an option in a closed list is not
	 * visible to {@code checkVisibility}), so the HTTP reading is not stricter than the browser one it replaces.
	 */
	static final String NOT_READ = "pre, code, script, style, template, noscript, textarea, [hidden], dialog:not([open]),"
			+ " details:not([open]) > :not(summary), [style~=display:\\s*none], option";

	/** The same in the browser: visible text nodes only, once the page's scripts have run. */
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

	/** The identifier of axe-core's script added to every new document (Page.addScriptToEvaluateOnNewDocument). */
	static String axeOnEveryPage;

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

	/** Kinds of linked page followed (each once in the whole tour). */
	final Set<String> seenPatterns = new LinkedHashSet<>();

	/** Kinds of page opened in the browser (each once in the whole tour). */
	final Set<String> browserShapes = new LinkedHashSet<>();

	/** Pages checked at a phone's width: the layout of a page is the same for every role that has it. */
	final Set<String> phoneChecked = new LinkedHashSet<>();

	int fetched;

	int opened;

	/** Where the browser's time went (ns): loading pages and reading them, axe-core, the phone's width. */
	long loadNanos, axeNanos, phoneNanos;

	/** A page the browser opens, in the language the HTTP tour first reached it, and whether it is a menu page. */
	record BrowserPage(String lang, String path, boolean menu) {
	}

	@BeforeAll
	static void open_chromium() throws IOException {
		browser = Chromium.open(1000);
		wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		try (InputStream in = RoleTourBrowserIT.class.getResourceAsStream("/axe/axe-4.10.3.min.js")) {
			axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		// Chromium evaluates axe-core in every page it opens from now on: sent once, not 0.5 MB through chromedriver
		// for every page
		axeOnEveryPage = (String) ((ChromeDriver) browser)
			.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", axe)).get("identifier");
	}

	@AfterAll
	static void close_chromium() {
		if (browser != null) {
			// the browser is lent to the next test class: without axe-core
			if (axeOnEveryPage != null) {
				((ChromeDriver) browser).executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
						Map.of("identifier", axeOnEveryPage));
			}
			browser.quit();
		}
	}

	@Test
	void every_role_reads_names_in_its_language_on_every_page_it_reaches() throws Exception {
		long started = System.nanoTime();
		for (String account : ACCOUNTS) {
			List<BrowserPage> forBrowser = new ArrayList<>();
			for (String lang : List.of("zh_CN", "en")) {
				tour(account, lang, forBrowser);
			}
			long http = System.nanoTime();
			inBrowser(account, forBrowser);
			System.out.printf("RoleTourBrowserIT: %s done, %d pages fetched and %d opened so far, %d problems, %d s (browser %d s)%n",
					account == null ? "public" : account, fetched, opened, failures.size(),
					(System.nanoTime() - started) / 1_000_000_000L, (System.nanoTime() - http) / 1_000_000_000L);
		}
		System.out.printf("RoleTourBrowserIT: fetched %d pages (%d kinds of linked page) as the public and %d demo roles, in 2 languages, opened %d in the browser (%d at a phone's width), in %d s; browser: pages %d s, axe %d s, phone %d s%n",
				fetched, seenPatterns.size(), ACCOUNTS.size() - 1, opened, phoneChecked.size(),
				(System.nanoTime() - started) / 1_000_000_000L, loadNanos / 1_000_000_000L, axeNanos / 1_000_000_000L,
				phoneNanos / 1_000_000_000L);
		assertThat(failures).as(failures.size() + " problems in " + fetched + " pages").isEmpty();
	}

	// --- over HTTP: every page ---------------------------------------------------------------------------------

	/** One role in one language over HTTP; the kinds of page not yet opened in the browser are added to forBrowser. */
	private void tour(String account, String lang, List<BrowserPage> forBrowser) throws Exception {
		HttpClient client = signedIn(account);
		get(client, "/?lang=" + lang);
		List<String> menu = menu(client, account);
		Deque<String> linksToFollow = new ArrayDeque<>();
		for (String page : menu) {
			List<String> links = fetch(client, account, lang, page, true);
			if (browserShapes.add(shape(page))) {
				forBrowser.add(new BrowserPage(lang, page, true));
			}
			int followed = 0;
			for (String link : links) {
				if (followed < LINKS_PER_PAGE && !menu.contains(link) && seenPatterns.add(shape(link))) {
					linksToFollow.add(link);
					followed++;
				}
			}
		}
		while (!linksToFollow.isEmpty()) {
			String link = linksToFollow.poll();
			fetch(client, account, lang, link, false);
			if (browserShapes.add(shape(link))) {
				forBrowser.add(new BrowserPage(lang, link, false));
			}
		}
	}

	/** The pages of the account's menu, or for the public the home page, the portal and the sign-in page. */
	private List<String> menu(HttpClient client, String account) throws Exception {
		List<String> pages = new ArrayList<>();
		if (account == null) {
			// the public pages; signed-in people reach the same ones, checked once here
			pages.addAll(List.of("/", "/portal", "/notices", "/listings", "/login", "/register"));
			return pages;
		}
		Document workspace = Jsoup.parse(get(client, "/workspace").body(), url("/workspace"));
		pages.add("/workspace");
		pages.add("/account");
		for (Element item : workspace.select("#workspace-menu a[data-menu]")) {
			String href = item.attr("data-menu");
			if (!pages.contains(href)) {
				pages.add(href);
			}
		}
		assertThat(pages).as("the menu of " + account).hasSizeGreaterThan(2);
		return pages;
	}

	/** Fetches a page, checks it, and returns the same-origin page links a person sees on it. */
	private List<String> fetch(HttpClient client, String account, String lang, String path, boolean menu)
			throws Exception {
		HttpResponse<String> response = get(client, path);
		fetched++;
		String where = (account == null ? "public" : account) + " " + lang + " " + path;
		int status = response.statusCode();
		if (menu ? status != 200 : status >= 400) {
			failures.add(where + ": HTTP " + status + (menu ? " (a menu page)" : " (a link on a menu page)"));
			return List.of();
		}
		if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
			return List.of();
		}
		Document page = Jsoup.parse(response.body(), response.uri().toString());
		String htmlLang = page.selectFirst("html").attr("lang");
		if (!htmlLang.startsWith(lang.equals("en") ? "en" : "zh")) {
			failures.add(where + ": <html lang=\"" + htmlLang + "\">");
		}
		page.select(NOT_READ).remove();
		String text = page.body() == null ? "" : page.body().text();
		checkText(where, text);
		List<String> links = new ArrayList<>();
		for (Element a : page.select("main a[href]")) {
			String href = samePage(a.attr("abs:href"));
			if (href != null && !NOT_A_PAGE.matcher(href).find() && !links.contains(href)) {
				links.add(href);
			}
		}
		return links;
	}

	/** A link's path and query when it stays on this server, else null. */
	private String samePage(String absolute) {
		URI uri;
		try {
			uri = URI.create(encoded(absolute));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
		if (!"localhost".equals(uri.getHost()) || uri.getPort() != port || uri.getRawPath() == null) {
			return null;
		}
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

	/** The link as a browser sends it: characters outside ASCII (Chinese in a query) and spaces percent-encoded. */
	private static String encoded(String link) {
		StringBuilder out = new StringBuilder();
		for (byte b : link.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			out.append(c > 0x20 && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '\\' ? Character.toString(c)
					: String.format("%%%02X", c));
		}
		return out.toString();
	}

	private void checkText(String where, String text) {
		find(where, "missing message", MISSING_MESSAGE, text);
		find(where, "code shown", ENUM_CODE, text);
		find(where, "raw id shown", RAW_ID, text);
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

	/** A client with the account's session (signed in through the login form), or the public's. */
	private HttpClient signedIn(String account) throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
		if (account == null) {
			return client;
		}
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(get(client, "/login").body());
		assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
		String form = "username=" + URLEncoder.encode(account, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(url("/login")))
			.header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.uri().getPath()).as("where " + account + " lands after signing in").isEqualTo("/workspace");
		return client;
	}

	private HttpResponse<String> get(HttpClient client, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	// --- in the browser: one page of each kind ---------------------------------------------------------------

	/**
	 * What {@link #open} reads from a page, in one call to the browser (each call is a round trip to chromedriver):
	 * the navigation's status, the visible text, the charts' label problems and {@code <html lang>}.
	 */
	static final String PAGE_FACTS = "const n = performance.getEntriesByType('navigation')[0];"
			+ " const status = n && n.responseStatus ? n.responseStatus : 0;"
			+ " const text = (() => {" + VISIBLE_TEXT + "})();"
			+ " const charts = (() => {" + CHART_LABELS + "})();"
			+ " return { status: status, text: text, charts: charts, lang: document.documentElement.lang };";

	/**
	 * Before resizing: a promise of the window's next resize event, its listener added after the charts' own (so it runs
	 * after they were redrawn), or of nothing after 3 s.
	 */
	static final String AWAIT_RESIZE = "window.yiwangResized = new Promise(done => {"
			+ " window.addEventListener('resize', () => done(true), { once: true }); setTimeout(() => done(false), 3000); });";

	/** Once resized (and a frame later): how far the page sticks out and its charts' labels. */
	static final String AFTER_RESIZE = "const done = arguments[arguments.length - 1];"
			+ " window.yiwangResized.then(resized => requestAnimationFrame(() => done({ resized: resized,"
			+ " overflow: document.documentElement.scrollWidth - window.innerWidth,"
			+ " charts: (() => {" + CHART_LABELS + "})() })));";

	private void inBrowser(String account, List<BrowserPage> pages) {
		if (pages.isEmpty()) {
			return;
		}
		signIn(account);
		String lang = null;
		for (BrowserPage page : pages) {
			if (!page.lang().equals(lang)) {
				lang = page.lang();
				browser.get(url("/?lang=" + lang));
			}
			open(account, page);
		}
	}

	/** Opens a page: the HTTP checks once more after its scripts ran, axe, charts; a menu page also at a phone's width. */
	@SuppressWarnings("unchecked")
	private void open(String account, BrowserPage page) {
		long start = System.nanoTime();
		browser.get(url(page.path()));
		opened++;
		String who = account == null ? "public" : account;
		String where = who + " " + page.lang() + " " + page.path() + " (browser)";
		Map<String, Object> facts = (Map<String, Object>) js(PAGE_FACTS);
		long status = ((Number) facts.get("status")).longValue();
		if (status >= 400) {
			failures.add(where + ": HTTP " + status);
			return;
		}
		checkText(where, (String) facts.get("text"));
		for (Object overlap : (List<?>) facts.get("charts")) {
			failures.add(where + ": chart " + overlap);
		}
		String htmlLang = (String) facts.get("lang");
		if (htmlLang == null || !htmlLang.startsWith(page.lang().equals("en") ? "en" : "zh")) {
			failures.add(where + ": <html lang=\"" + htmlLang + "\">");
		}
		long loaded = System.nanoTime();
		loadNanos += loaded - start;
		axe(where);
		long axed = System.nanoTime();
		axeNanos += axed - loaded;
		if (page.menu() && phoneChecked.add(page.path())) {
			atPhoneWidth(who + " phone " + page.path());
			phoneNanos += System.nanoTime() - axed;
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

	/**
	 * The open page resized to a phone's screen: nothing wider than the screen, charts' labels still apart. A page that
	 * does not pass once resized is loaded again at the phone's width, as a phone opens it, and judged as loaded: some
	 * pages size things once, at load (a chart of their own without a resize handler), which a phone never sees.
	 */
	@SuppressWarnings("unchecked")
	private void atPhoneWidth(String where) {
		ChromeDriver chrome = (ChromeDriver) browser;
		js(AWAIT_RESIZE);
		chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
		try {
			Map<String, Object> facts = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(AFTER_RESIZE);
			long overflow = ((Number) facts.get("overflow")).longValue();
			List<?> charts = (List<?>) facts.get("charts");
			if (Boolean.TRUE.equals(facts.get("resized")) && overflow <= 1 && charts.isEmpty()) {
				return;
			}
			browser.navigate().refresh();
			overflow = ((Number) js("return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
			if (overflow > 1) {
				failures.add(where + ": " + overflow + " px wider than the screen (" + widest() + ")");
			}
			for (Object overlap : (List<?>) js(CHART_LABELS)) {
				failures.add(where + ": chart " + overlap);
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
