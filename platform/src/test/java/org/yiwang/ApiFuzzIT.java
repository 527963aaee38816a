package org.yiwang;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yiwang.account.AccountKind;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.NewAccount;
import org.yiwang.kernel.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad input never yields a 5xx. Against the real server on a real port (Tomcat's parsing, the whole filter chain, the
 * error dispatch), every operation of the OpenAPI document is called with malformed bodies, bad path and query
 * parameters, odd headers and content types, as anonymous and as a machine client holding each role; every page POST
 * is sent without a Content-Type (and with odd ones) as anonymous and as each demo person signed in. Seeded, so a
 * failure repeats: {@code -Dyiwang.fuzz.seed=N} replays another sequence. Each offending request is listed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiFuzzIT {

	private static final long SEED = Long.getLong("yiwang.fuzz.seed", 17L);

	/**
	 * Random inputs per operation and identity that gets in: 2 on every build (some 170 operations, 14 identities and
	 * 190 page forms); {@code -Dyiwang.fuzz.per-identity=8} for a deeper run. Every identity sends the bare request to
	 * every operation and form; of the identities refused there, only the first of each kind of refusal (status and
	 * answer, ids and numbers aside) sends a fuzzed one too: the others would repeat its way through the server.
	 */
	private static final int PER_IDENTITY = Integer.getInteger("yiwang.fuzz.per-identity", 2);

	private static final String DEMO_PASSWORD = "Demo@2026yw";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER).build();

	private final Map<String, Integer> statuses = new TreeMap<>();

	private final List<String> failures = new ArrayList<>();

	private int requests;

	private HttpResponse<String> lastAnswer;

	private record Identity(String name, String bearer, HttpClient client, String csrf) {
	}

	private record Operation(String method, String path, JsonNode operation) {
	}

	/**
	 * Tomcat's loggers for what escapes the servlet: the fuzzer's broken multipart bodies make them print two stack
	 * traces per request (some 550 requests, 150k lines of a build's console). The answer's status is what this test
	 * checks and lists; they are quiet while it runs.
	 */
	private static final List<String> TOMCAT_LOGGERS = List.of(
			"org.apache.catalina.core.ContainerBase.[Tomcat].[localhost]",
			"org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]");

	@Autowired
	LoggingSystem logging;

	@Test
	void no_bad_input_yields_a_server_error() throws Exception {
		TOMCAT_LOGGERS.forEach(logger -> logging.setLogLevel(logger, LogLevel.OFF));
		try {
			fuzz();
		}
		finally {
			TOMCAT_LOGGERS.forEach(logger -> logging.setLogLevel(logger, null));
		}
	}

	private void fuzz() throws Exception {
		Random random = new Random(SEED);
		JsonNode document = json.readTree(send(anonymous(), "GET", "/v3/api-docs", null, null, Map.of()).body());
		List<Operation> operations = operations(document);
		assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(50);

		List<Identity> apiIdentities = apiIdentities();
		for (Operation operation : operations) {
			Set<String> refusals = new TreeSet<>();
			for (Identity identity : apiIdentities) {
				// a body without a Content-Type first (a NullPointerException once); who is refused at the door
				// (401, 403) gets one more try if its refusal is one not yet seen on this operation, who gets in gets
				// the lot
				int first = fuzzApi(random, document, operation, identity, true);
				int more = first == 401 || first == 403 ? (refusals.add(refusal(first)) ? 1 : 0) : PER_IDENTITY;
				for (int i = 0; i < more; i++) {
					fuzzApi(random, document, operation, identity, false);
				}
			}
		}

		List<Identity> people = people();
		for (String endpoint : pagePosts()) {
			Set<String> refusals = new TreeSet<>();
			for (Identity identity : people) {
				fuzzPage(random, endpoint, identity, refusals);
			}
		}
		for (Identity identity : List.of(anonymous(), people.get(1))) {
			for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
				call(identity, method, "/error", null, null, Map.of(), "the error path itself");
				call(identity, method, "/api/error", null, null, Map.of(), "an unknown API path");
			}
		}

		System.out.printf("ApiFuzzIT (seed %d): %d operations, %d page POST endpoints, %d requests; by status %s%n", SEED,
				operations.size(), pagePosts().size(), requests, statuses);
		assertThat(failures).as("requests answered with a server error (seed " + SEED + ")").isEmpty();
	}

	// --- the API -------------------------------------------------------------------------------------------------

	private int fuzzApi(Random random, JsonNode document, Operation operation, Identity identity, boolean bare)
			throws Exception {
		String path = fillPath(random, operation, random.nextInt(3) == 0);
		String query = query(random, operation);
		Map<String, String> headers = new LinkedHashMap<>();
		String contentType = null;
		byte[] body = null;
		String input;
		JsonNode requestBody = operation.operation().path("requestBody").path("content");
		boolean multipart = requestBody.has("multipart/form-data");
		int kind = random.nextInt(10);
		if (bare) {
			path = fillPath(random, operation, false);
			query = "";
			body = "{}".getBytes(StandardCharsets.UTF_8);
			input = "no content type, body {}";
		}
		else if (multipart && kind < 4) {
			String boundary = "fuzz" + random.nextInt(1_000_000);
			String[] names = { "a\u0000b.pdf", "../../etc/passwd", "\u202Egpj.exe", "😀.pdf", "", "con", "a/b\\c.pdf",
					"x".repeat(300) + ".pdf" };
			String fileName = names[random.nextInt(names.length)];
			String field = fieldName(document, requestBody.path("multipart/form-data").path("schema"), random);
			contentType = "multipart/form-data; boundary=" + boundary;
			body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 fuzz\r\n--" + boundary + "--\r\n")
				.getBytes(StandardCharsets.UTF_8);
			input = "multipart file " + printable(fileName);
		}
		else if (kind < 6 && !requestBody.isMissingNode()) {
			JsonNode schema = requestBody.propertyStream().findFirst().map(e -> e.getValue().path("schema"))
				.orElse(NODES.missingNode());
			JsonNode sample = sample(document, schema, random, 0);
			String mutated = mutate(sample, random);
			contentType = "application/json";
			body = mutated.getBytes(StandardCharsets.UTF_8);
			input = "json " + printable(abbreviate(mutated));
		}
		else {
			String[][] raw = { { null, "" }, { null, "{}" }, { "text/plain", "hello" }, { "application/json", "" },
					{ "application/json", "{" }, { "application/json", "{\"a\":" }, { "application/json", "[]" },
					{ "application/json", "null" }, { "application/json", "123" }, { "application/json", "\"\u0000\"" },
					{ "application/json", "[".repeat(3000) }, { "application/json", "{\"x\":1e99999}" },
					{ "application/json;charset=ISO-8859-1", "{\"name\":\"\u00e9\"}" },
					{ "application/json;charset=no-such-charset", "{}" }, { "application/json;charset=UTF-16", "{}" },
					{ "multipart/form-data", "--x\r\n" }, { "multipart/form-data; boundary=x", "garbage" },
					{ "application/x-www-form-urlencoded", "a=%ZZ&b" }, { "application/xml", "<a/>" }, { "*/*", "{}" },
					{ "garbage", "{}" }, { "application/json", "{\"\u202E\":\"😀\"}" } };
			String[] chosen = raw[random.nextInt(raw.length)];
			contentType = chosen[0];
			body = chosen[1].getBytes(StandardCharsets.UTF_8);
			input = "content-type " + contentType + ", body " + printable(abbreviate(chosen[1]));
		}
		switch (bare ? -1 : random.nextInt(8)) {
			case 0 -> headers.put("Accept", "application/xml");
			case 1 -> headers.put("Accept", "text/html");
			case 2 -> headers.put("Accept-Language", "xx-YY;q=bad, *;q=-1");
			case 3 -> headers.put("Accept", "garbage/;;");
			case 4 -> headers.put("If-None-Match", "\"\u00ff\"");
			default -> {
			}
		}
		if (!headers.isEmpty()) {
			input += ", headers " + headers;
		}
		if (operation.method().equals("GET") || operation.method().equals("DELETE")) {
			body = random.nextBoolean() ? null : body;
		}
		return call(identity, operation.method(), path + query, contentType, body, headers, input);
	}

	private static final String[] BAD_VALUES = { "not-a-uuid", "%00", "%E2%80%AE", "9".repeat(40), "-1", "%F0%9F%98%80",
			"a%20b", "x".repeat(300), "..%2F..", "%EF%BC%91%EF%BC%92", "10000-01-01", "1e400", "true" };

	private String fillPath(Random random, Operation operation, boolean bad) {
		Matcher variables = Pattern.compile("\\{([^}]+)}").matcher(operation.path());
		StringBuilder path = new StringBuilder();
		while (variables.find()) {
			String value;
			if (bad) {
				value = BAD_VALUES[random.nextInt(BAD_VALUES.length)];
			}
			else {
				value = switch (variables.group(1)) {
					case "year" -> "2099";
					case "version" -> "1";
					case "code" -> "NO_SUCH_CODE";
					case "fingerprint" -> "0".repeat(64);
					case "dataset" -> "NO_SUCH_DATASET";
					default -> UUID.randomUUID().toString();
				};
			}
			variables.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		variables.appendTail(path);
		return path.toString();
	}

	private String query(Random random, Operation operation) {
		StringBuilder query = new StringBuilder();
		for (JsonNode parameter : operation.operation().path("parameters")) {
			if (!parameter.path("in").asString().equals("query") || random.nextInt(3) == 0) {
				continue;
			}
			query.append(query.isEmpty() ? "?" : "&").append(parameter.path("name").asString()).append('=')
				.append(BAD_VALUES[random.nextInt(BAD_VALUES.length)]);
		}
		if (random.nextInt(6) == 0) {
			query.append(query.isEmpty() ? "?" : "&").append("page=-1&size=999999999999&sort=%00");
		}
		return query.toString();
	}

	/** A body of the schema's shape, so a mutation of one field reaches past the parser into the code. */
	private JsonNode sample(JsonNode document, JsonNode schema, Random random, int depth) {
		if (schema.has("$ref")) {
			String name = schema.path("$ref").asString().replace("#/components/schemas/", "");
			return depth > 6 ? NODES.nullNode() : sample(document, document.path("components").path("schemas").path(name),
					random, depth + 1);
		}
		String type = schema.path("type").asString("object");
		switch (type) {
			case "string":
				if (schema.has("enum")) {
					return schema.path("enum").get(random.nextInt(schema.path("enum").size()));
				}
				return NODES.stringNode(switch (schema.path("format").asString("")) {
					case "uuid" -> UUID.randomUUID().toString();
					case "date" -> "2026-12-01";
					case "date-time" -> "2026-12-01T09:00:00Z";
					case "byte" -> "ZnV6eg==";
					default -> "fuzz";
				});
			case "integer":
				return NODES.numberNode(1);
			case "number":
				return NODES.numberNode(1.5);
			case "boolean":
				return NODES.booleanNode(true);
			case "array":
				ArrayNode array = NODES.arrayNode();
				array.add(sample(document, schema.path("items"), random, depth + 1));
				return array;
			default:
				ObjectNode object = NODES.objectNode();
				for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
					object.set(property.getKey(), sample(document, property.getValue(), random, depth + 1));
				}
				return object;
		}
	}

	private static final JsonNode[] REPLACEMENTS = { NODES.numberNode(new java.math.BigInteger("9".repeat(400))),
			NODES.numberNode(-1), NODES.numberNode(0), NODES.stringNode("a\u0000b"), NODES.stringNode("\u202Eevil"),
			NODES.stringNode("😀😀"), NODES.stringNode(""), NODES.stringNode("x".repeat(20_000)), NODES.nullNode(),
			NODES.booleanNode(false), NODES.arrayNode(), NODES.objectNode(), NODES.stringNode("１２３"),
			NODES.stringNode("10000-01-01"), NODES.stringNode("NaN"), NODES.numberNode(new java.math.BigDecimal("1e-400")),
			NODES.stringNode("-0.00"), NODES.stringNode("2026-02-30") };

	/** The sample with one value (or the whole body) replaced by a wrong type, a huge number or an odd string. */
	private String mutate(JsonNode sample, Random random) {
		JsonNode copy = sample.deepCopy();
		List<JsonNode> containers = new ArrayList<>();
		collect(copy, containers);
		JsonNode replacement = REPLACEMENTS[random.nextInt(REPLACEMENTS.length)];
		if (containers.isEmpty() || random.nextInt(8) == 0) {
			return replacement.toString();
		}
		JsonNode container = containers.get(random.nextInt(containers.size()));
		if (container instanceof ObjectNode object) {
			List<String> names = new ArrayList<>(object.propertyNames());
			object.set(names.get(random.nextInt(names.size())), replacement);
		}
		else if (container instanceof ArrayNode array) {
			array.set(random.nextInt(array.size()), replacement);
		}
		String text = copy.toString();
		return random.nextInt(10) == 0 ? text.substring(0, text.length() / 2) : text;
	}

	private static void collect(JsonNode node, List<JsonNode> containers) {
		if ((node.isObject() || node.isArray()) && !node.isEmpty()) {
			containers.add(node);
		}
		for (JsonNode child : node.values()) {
			collect(child, containers);
		}
	}

	private String fieldName(JsonNode document, JsonNode schema, Random random) {
		JsonNode resolved = schema.has("$ref") ? document.path("components").path("schemas")
			.path(schema.path("$ref").asString().replace("#/components/schemas/", "")) : schema;
		List<String> names = new ArrayList<>(resolved.path("properties").propertyNames());
		return names.isEmpty() ? "file" : names.get(random.nextInt(names.size()));
	}

	private List<Operation> operations(JsonNode document) {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
					operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue()));
				}
			}
		}
		return operations;
	}

	/** Anonymous, the demo machine clients, and a machine client holding each role (tokens are machines' credentials). */
	private List<Identity> apiIdentities() {
		List<Identity> identities = new ArrayList<>();
		identities.add(anonymous());
		identities.add(new Identity("bearer with an unknown token", "ywt_no-such-token", http, null));
		identities.add(new Identity("api.demo", "ywt_demo-api-client-token-not-for-production", http, null));
		identities.add(new Identity("bank.api", "ywt_demo-bank-token-not-for-production", http, null));
		String run = Long.toString(System.nanoTime() % 1_000_000, 36);
		for (Role role : Role.values()) {
			String username = "fuzz-" + run + "-" + role.name().toLowerCase().replace('_', '-');
			String token = TestActor.admin().call(() -> {
				var account = accounts.create(new NewAccount(username, "fuzz " + role, AccountKind.MACHINE,
						role == Role.API_CLIENT ? Set.of(role) : Set.of(role, Role.API_CLIENT),
						null, role.isRegionScoped(), role == Role.REGULATOR ? Set.of("ENG_BUILDING") : Set.of(), null));
				return accounts.issueToken(account.id(), "fuzz", 1).secret();
			});
			identities.add(new Identity(role.name() + " (machine)", token, http, null));
		}
		return identities;
	}

	// --- the pages -----------------------------------------------------------------------------------------------

	private Set<String> pagePosts() {
		Set<String> endpoints = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("org.yiwang")) {
				continue;
			}
			for (String pattern : entry.getKey().getPatternValues()) {
				boolean post = entry.getKey().getMethodsCondition().getMethods().stream()
					.anyMatch(m -> m.name().equals("POST"));
				if (post && !pattern.startsWith("/api/")) {
					endpoints.add(pattern);
				}
			}
		}
		return endpoints;
	}

	private void fuzzPage(Random random, String endpoint, Identity identity, Set<String> refusals) throws Exception {
		String path = fillPath(random, new Operation("POST", endpoint, NODES.objectNode()), false);
		Map<String, String> headers = identity.csrf() == null ? Map.of() : Map.of("X-CSRF-TOKEN", identity.csrf());
		int first = call(identity, "POST", path, null, null, headers, "no content type, no body");
		if (first == 403 || first == 302) {
			// refused (or sent to sign in) before the body is read: the typed body below only for a refusal not yet
			// seen on this endpoint; another identity refused the same way takes the same path through the filters
			if (!refusals.add(refusal(first))) {
				return;
			}
		}
		else {
			call(identity, "POST", path, null, "a=1&b=%ZZ".getBytes(StandardCharsets.UTF_8), headers,
					"no content type, a body");
		}
		String[] types = { "text/plain", "multipart/form-data", "multipart/form-data; boundary=x",
				"application/x-www-form-urlencoded; charset=no-such-charset", "application/json" };
		String type = types[random.nextInt(types.length)];
		call(identity, "POST", path, type, "--x\r\n{".getBytes(StandardCharsets.UTF_8), headers, "content-type " + type);
	}

	/** Anonymous and each demo person, signed in through the login form, with the session's CSRF token. */
	private List<Identity> people() throws Exception {
		List<Identity> people = new ArrayList<>();
		HttpClient visitor = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String page = visitor.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
		people.add(new Identity("anonymous (with a session)", null, visitor, hidden(page, "_csrf")));
		for (String username : List.of("admin", "staff", "staff.yuzhong", "tenderer", "agency", "bidder", "expert",
				"regulator", "issuer", "intermediary")) {
			HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER).build();
			String loginPage = client.send(HttpRequest.newBuilder(uri("/login")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			String form = "username=" + username + "&password=" + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8)
					+ "&_csrf=" + hidden(loginPage, "_csrf");
			HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(login.headers().firstValue("Location").orElse("")).as("login of " + username).doesNotContain("error");
			String workspace = client.send(HttpRequest.newBuilder(uri("/workspace")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			Matcher meta = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(workspace);
			assertThat(meta.find()).as("CSRF token on " + username + "'s workspace").isTrue();
			people.add(new Identity(username, null, client, meta.group(1)));
		}
		return people;
	}

	private static String hidden(String page, String name) {
		Matcher matcher = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]+)\"").matcher(page);
		return matcher.find() ? matcher.group(1) : "";
	}

	// --- sending -------------------------------------------------------------------------------------------------

	private Identity anonymous() {
		return new Identity("anonymous", null, http, null);
	}

	private int call(Identity identity, String method, String pathAndQuery, String contentType, byte[] body,
			Map<String, String> headers, String input) throws Exception {
		HttpResponse<String> response;
		try {
			response = send(identity, method, pathAndQuery, contentType, body, headers);
		}
		catch (java.io.IOException e) {
			// the server closing the connection on a request it cannot parse is an answer too, but record it
			statuses.merge("closed", 1, Integer::sum);
			return -1;
		}
		statuses.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
		lastAnswer = response;
		if (response.statusCode() >= 500) {
			failures.add(method + " " + pathAndQuery + " as " + identity.name() + " with " + input + " -> "
					+ response.statusCode() + " " + abbreviate(response.body()));
		}
		return response.statusCode();
	}

	private HttpResponse<String> send(Identity identity, String method, String pathAndQuery, String contentType,
			byte[] body, Map<String, String> headers) throws Exception {
		requests++;
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (identity.bearer() != null) {
			request.header("Authorization", "Bearer " + identity.bearer());
		}
		headers.forEach(request::header);
		return identity.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String pathAndQuery) {
		return URI.create("http://localhost:" + port + pathAndQuery);
	}

	/**
	 * The kind of refusal the last request met: its status, where it was sent and its body with ids, tokens (the
	 * session's CSRF token) and numbers left out. Two identities refused alike went the same way through the server
	 * (the same filter or the same check).
	 */
	private String refusal(int status) {
		String body = lastAnswer == null ? "" : lastAnswer.body();
		String location = lastAnswer == null ? "" : lastAnswer.headers().firstValue("Location").orElse("");
		return status + " " + (location + " " + body).replaceAll("[0-9a-fA-F-]{36}", "{id}")
			.replaceAll("[A-Za-z0-9_=+/-]{24,}", "{token}").replaceAll("\\d+", "{n}");
	}

	private static String abbreviate(String text) {
		return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
	}

	private static String printable(String text) {
		StringBuilder out = new StringBuilder();
		for (Iterator<Integer> it = text.codePoints().iterator(); it.hasNext();) {
			int c = it.next();
			out.append(c < 0x20 || (c >= 0x202A && c <= 0x202E) ? String.format("\\u%04x", c) : Character.toString(c));
		}
		return out.toString();
	}
}
