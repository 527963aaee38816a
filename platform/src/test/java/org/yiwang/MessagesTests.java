package org.yiwang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiwang.kernel.Role;
import org.yiwang.portal.Publications;
import org.yiwang.tendering.NoticePublished;
import org.yiwang.tendering.NoticeType;

/** Chinese first, English second: every message exists in both, and no page shows a missing key. */
@PlatformTest
class MessagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	/** What Thymeleaf renders for a message key missing in the page's language: {@code ??key_locale??}. */
	static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[A-Za-z0-9_.\\-]+\\?\\?");

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void every_message_has_a_chinese_and_an_english_text() throws IOException {
		Properties zh = load("messages.properties");
		Properties en = load("messages_en.properties");
		assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
		assertThat(zh.stringPropertyNames()).allSatisfy(key -> assertThat(zh.getProperty(key)).isNotBlank());
	}

	@Test
	void no_page_shows_a_missing_message_in_either_language() throws Exception {
		var admin = authentication(TestActor.admin().authentication());
		for (String page : List.of("/", "/login", "/registry/register", "/workspace", "/account", "/admin/categories",
				"/admin/categories/ENG_BUILDING", "/admin/regions", "/admin/calendar", "/admin/calendar?year=2091", "/listings/review", "/admin/accounts", "/admin/audit", "/admin/pki",
				"/registry/review", "/registry/entities", "/registry/my", "/guarantees/requirements", "/guarantees/verify",
				"/portal", "/notices", "/portal/saved-searches", "/admin/portal/index", "/admin/portal/uplink")) {
			for (String language : List.of("zh_CN", "en")) {
				var response = mvc.perform(get(page).param("lang", language).with(admin)).andReturn().getResponse();
				assertThat(response.getStatus()).as(page).isEqualTo(200);
				String html = response.getContentAsString();
				assertThat(missingMessages(html)).as(page + " in " + language).isEmpty();
				assertThat(html).as(page + " in " + language).doesNotContain("Exception");
			}
		}
	}

	/**
	 * The empty password's message names what to do; it had the length's message, whose {0} Spring filled with the
	 * field's name: "密码至少 password 个字符".
	 */
	@Test
	void an_empty_password_is_asked_for_in_words_not_with_the_field_name() throws Exception {
		for (String language : List.of("zh_CN", "en")) {
			String html = mvc.perform(post("/registry/register").with(csrf()).param("lang", language)
					.param("kind", "ORGANIZATION").param("name", "重庆消息测试有限公司").param("username", "msg.pw.test")
					.param("password", "").param("repeat", ""))
				.andReturn().getResponse().getContentAsString();
			assertThat(html).as(language).doesNotContain("password 个字符").doesNotContain("least password")
				.doesNotContain("{0}");
			assertThat(html).as(language).contains(language.equals("en") ? "Choose a password: at least 10 characters"
					: "请设置密码：至少 10 个字符");
		}
	}

	private static Set<String> missingMessages(String html) {
		Set<String> found = new TreeSet<>();
		Matcher m = MISSING_MESSAGE.matcher(html);
		while (m.find()) {
			found.add(m.group());
		}
		return found;
	}

	// a literal key in a template: #{key}, #{key(args)}, #messages.msg('key', …)
	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{\\s*([A-Za-z][\\w.-]*)\\s*[(}]");

	private static final Pattern TEMPLATE_MSG = Pattern.compile("#messages\\.msg(?:OrNull)?\\(\\s*'([^']+)'\\s*[,)]");

	// a key made at render time from a literal prefix: #{'prefix.' + ${value}}, #messages.msg('prefix.' + value)
	private static final Pattern TEMPLATE_PREFIX = Pattern.compile("(?:#\\{\\s*|#messages\\.msg(?:OrNull)?\\(\\s*)'([^']+\\.)'\\s*\\+");

	// a Bean Validation message: message = "{key}"
	private static final Pattern VALIDATION_KEY = Pattern.compile("message\\s*=\\s*\"\\{([^}\"]+)\\}\"");

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\n]|\\\\.)*\"");

	// a string literal shaped like a message key: module.thing[.more]
	private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_-]+)+)\"");

	/**
	 * A statement that hands a key to the messages: a refusal (Refusal.invalid/conflict/notFound/forbidden), a
	 * MessageSource lookup, a binding error (rejectValue/reject), a key kept in a variable, field or method named for it
	 * (key, messageKey, problemKey, …), or a message, problem or error a page shows (#{${error}}). Audit actions
	 * (module.thing.verb, the same shape) are handed to none of these.
	 */
	private static final Pattern MESSAGE_STATEMENT = Pattern.compile(
			"Refusal\\.|getMessage\\(|rejectValue\\(|\\.reject\\(|[kK]ey\\b|Key\\(|[mM]essage|[pP]roblem|[eE]rror|msg\\(");

	/**
	 * Every message key the templates and the code name is in both messages.properties and messages_en.properties:
	 * the literal keys of templates, the Bean Validation messages, and the keys the code hands to refusals, lookups and
	 * binding errors. A key made at render time from a prefix ({@code #{'portal.party.' + ${role}}}) is checked by
	 * rendering the pages that use it (below); here its prefix must name keys in both languages.
	 */
	@Test
	void every_message_key_used_in_templates_or_code_exists_in_both_languages() throws IOException {
		Properties zh = load("messages.properties");
		Properties en = load("messages_en.properties");
		Set<String> modules = zh.stringPropertyNames().stream().map(k -> k.substring(0, k.indexOf('.') < 0 ? k.length()
				: k.indexOf('.'))).collect(Collectors.toSet());
		Map<String, Set<String>> used = new TreeMap<>();
		Map<String, Set<String>> prefixes = new TreeMap<>();
		Path templates = Path.of("src/main/resources/templates");
		Path code = Path.of("src/main/java");
		assertThat(templates).as("run from the platform module").isDirectory();
		for (Path file : files(templates, ".html")) {
			String text = Files.readString(file);
			collect(TEMPLATE_KEY, text, file, used);
			collect(TEMPLATE_MSG, text, file, used);
			collect(TEMPLATE_PREFIX, text, file, prefixes);
		}
		for (Path file : files(code, ".java")) {
			String text = Files.readString(file);
			collect(VALIDATION_KEY, text, file, used);
			Matcher m = KEY_LITERAL.matcher(text);
			while (m.find()) {
				String key = m.group(1);
				if (!modules.contains(key.substring(0, key.indexOf('.')))) {
					continue;
				}
				int start = Math.max(text.lastIndexOf(';', m.start()),
						Math.max(text.lastIndexOf('{', m.start()), text.lastIndexOf('}', m.start())));
				int end = text.indexOf(';', m.end());
				// the statement's code, its string literals blanked: a key's own words ("pki.key.created") say nothing
				String statement = STRING.matcher(text.substring(start + 1, end < 0 ? text.length() : end)).replaceAll("\"\"");
				if (MESSAGE_STATEMENT.matcher(statement).find()) {
					used.computeIfAbsent(key, k -> new TreeSet<>()).add(code.relativize(file).toString());
				}
			}
		}
		// the scan finds what it must: keys of templates, of validation, of refusals
		assertThat(used).containsKeys("nav.home", "account.password.size", "account.password.mix",
				"portal.opendata.sectionNotFound");
		assertThat(used.size()).as("keys found").isGreaterThan(1000);
		Map<String, Set<String>> missing = new TreeMap<>();
		used.forEach((key, where) -> {
			if (!zh.containsKey(key) || !en.containsKey(key)) {
				missing.put(key + (zh.containsKey(key) ? " (English)" : en.containsKey(key) ? " (Chinese)" : ""), where);
			}
		});
		assertThat(missing).as("message keys used but missing").isEmpty();
		Map<String, Set<String>> emptyPrefixes = new TreeMap<>(prefixes);
		emptyPrefixes.keySet().removeIf(prefix -> zh.stringPropertyNames().stream().anyMatch(k -> k.startsWith(prefix))
				&& en.stringPropertyNames().stream().anyMatch(k -> k.startsWith(prefix)));
		assertThat(emptyPrefixes).as("key prefixes with no message").isEmpty();
	}

	private static List<Path> files(Path root, String suffix) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
		}
	}

	private static void collect(Pattern pattern, String text, Path file, Map<String, Set<String>> into) {
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			into.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(file.getFileName().toString());
		}
	}

	/**
	 * Pages as people reach them: every public record type's page (a winner and an agency among the parties), then
	 * every page linked from the pages each kind of account sees, followed link by link, in both languages; none shows
	 * a missing message ({@code ??key_locale??}).
	 */
	@Test
	void no_page_reached_by_following_links_shows_a_missing_message() throws Exception {
		Publications publications = new Publications(context);
		Set<String> seeds = new LinkedHashSet<>(List.of("/", "/portal", "/notices", "/login", "/registry/register"));
		String trade = "CQ-500103-2026-MSG" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		for (NoticeType type : NoticeType.values()) {
			NoticePublished plain = publications.notice(UUID.randomUUID(), type, trade, TestActor.YUZHONG, "ENG_BUILDING",
					"渝中区消息" + type + "公告", "正文", "123456.78");
			boolean winner = type == NoticeType.AWARD_RESULT || type == NoticeType.CONTRACT;
			NoticePublished notice = new NoticePublished(plain.actor(), plain.noticeId(), type, plain.tradeCode(),
					plain.projectName(), plain.sectionName(), plain.region(), plain.category(), plain.title(), plain.body(),
					plain.estimatedPrice(), plain.amount(), plain.tendererName(), plain.tendererCreditCode(), plain.agencyName(),
					plain.bidDeadline(), plain.signedContent(), plain.signature(), plain.occurredAt(),
					winner ? "重庆中标建设有限公司" : null,
					winner ? org.yiwang.kernel.CreditCode.of(TestActor.creditCode("500103")) : null);
			publications.publish(notice);
			seeds.add("/notices/" + notice.noticeId());
		}
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> seeds.stream()
			.filter(p -> p.startsWith("/notices/")).allMatch(p -> {
				try {
					return mvc.perform(get(p)).andReturn().getResponse().getStatus() == 200;
				}
				catch (Exception e) {
					return false;
				}
			}));
		seeds.addAll(List.of("/workspace", "/account", "/admin/categories", "/admin/regions", "/admin/calendar",
				"/admin/accounts", "/admin/audit", "/admin/pki", "/registry/review", "/registry/entities", "/registry/my",
				"/guarantees/requirements", "/guarantees/verify", "/portal/saved-searches", "/admin/portal/index",
				"/admin/portal/uplink", "/listings/review", "/tenders", "/listings", "/experts"));
		List<Authentication> who = new java.util.ArrayList<>();
		who.add(null);
		who.add(TestActor.admin().authentication());
		who.add(TestActor.cityStaff().authentication());
		who.add(TestActor.regulator().authentication());
		// the people whose workspaces differ; a district's staff and the machine roles see a subset of these pages
		for (Role role : List.of(Role.TENDERER, Role.AGENCY, Role.BIDDER, Role.EXPERT, Role.GUARANTEE_ISSUER,
				Role.INTERMEDIARY)) {
			who.add(TestActor.of("messages." + role.name().toLowerCase(), role, TestActor.YUZHONG, false).authentication());
		}
		Map<String, Set<String>> missing = new TreeMap<>();
		int pages = 0;
		for (Authentication actor : who) {
			Set<String> seen = new LinkedHashSet<>();
			Deque<String> queue = new ArrayDeque<>(seeds);
			while (!queue.isEmpty() && seen.size() < 150) {
				String page = queue.poll();
				// one page of each shape: pages differing only in an id or a parameter's value show the same messages
				if (!seen.add(shape(page))) {
					continue;
				}
				for (String language : List.of("zh_CN", "en")) {
					MockHttpServletRequestBuilder request = get(page).param("lang", language);
					if (actor != null) {
						request = request.with(authentication(actor));
					}
					var response = mvc.perform(request).andReturn().getResponse();
					String type = response.getContentType();
					if (type == null || !type.startsWith("text/html")) {
						continue;
					}
					pages++;
					String html = response.getContentAsString();
					Set<String> found = missingMessages(html);
					if (!found.isEmpty()) {
						missing.computeIfAbsent(page + " (" + language + ", "
								+ (actor == null ? "anonymous" : actor.getName()) + ")", k -> new TreeSet<>()).addAll(found);
					}
					if (language.equals("zh_CN")) {
						links(html).stream().filter(link -> !seen.contains(shape(link))).forEach(queue::add);
					}
				}
			}
		}
		assertThat(pages).as("pages rendered").isGreaterThan(100);
		assertThat(missing).as("pages showing a missing message").isEmpty();
	}

	private static final Pattern ID = Pattern.compile(
			"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?<=/)[0-9]+(?=/|$)");

	/** A link's shape: its path with ids stood in for, and its parameters' names. */
	private static String shape(String link) {
		String path = link.contains("?") ? link.substring(0, link.indexOf('?')) : link;
		String shape = ID.matcher(path).replaceAll("{id}");
		if (link.startsWith("/notices/")) {
			return link; // each record type's page is its own
		}
		if (link.contains("?")) {
			shape += "?" + new TreeSet<>(Stream.of(link.substring(link.indexOf('?') + 1).split("&"))
				.map(p -> p.contains("=") ? p.substring(0, p.indexOf('=')) : p).toList());
		}
		return shape;
	}

	private static final Pattern LINK = Pattern.compile("<a\\b[^>]*\\bhref=\"(/[^\"#]*)\"");

	/** Same-site page links worth following: no files, downloads, APIs or sign-out. */
	private static Set<String> links(String html) {
		Set<String> links = new LinkedHashSet<>();
		Matcher m = LINK.matcher(html);
		while (m.find()) {
			String link = m.group(1).replace("&amp;", "&");
			String path = link.contains("?") ? link.substring(0, link.indexOf('?')) : link;
			if (path.startsWith("/api/") || path.startsWith("/webjars/") || path.startsWith("/css/")
					|| path.startsWith("/js/") || path.startsWith("/opendata/") || path.contains("logout")
					|| path.matches(".*\\.(pem|sig|tsr|zip|pdf|json|txt|csv|xlsx|cer|crt|der|p7s|png|svg|ico|js|css|xml)$")
					|| path.contains("download") || path.contains("/files/") || path.contains("/feeds/")) {
				continue;
			}
			links.add(link);
		}
		return links;
	}
}
