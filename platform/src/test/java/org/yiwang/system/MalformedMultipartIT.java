package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Over a real port (Tomcat's multipart parser, the whole filter chain, the error dispatch): a multipart body cut short
 * after its first boundary is answered 400 with the reason, in the person's language, on a page form and on the API,
 * whoever sends it. It was a 403 in Tomcat's own English page for a signed-in person without the role (the error
 * page's dispatch failed on the body again, a MalformedStreamException out of the servlet), a 415 or a 400 elsewhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MalformedMultipartIT {

	private static final String CUT_SHORT = "--x\r\n{";

	private static final String ZH = "请求体无法读取";

	private static final String EN = "The request body cannot be read";

	@LocalServerPort
	int port;

	private HttpResponse<String> post(HttpClient client, String path, String body, String... headers) throws Exception {
		return send(client, path, "multipart/form-data; boundary=x", body, headers);
	}

	private HttpResponse<String> send(HttpClient client, String path, String type, String body, String... headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The demo tenderer signed in through the login form; returns the CSRF token scripted POSTs send in a header. */
	private String signIn(HttpClient client) throws Exception {
		String login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).isTrue();
		client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=tenderer&password="
					+ URLEncoder.encode("Demo@2026yw", StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		String workspace = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/workspace")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher meta = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(workspace);
		assertThat(meta.find()).as("signed in as the demo tenderer").isTrue();
		return meta.group(1);
	}

	@Test
	void a_cut_short_multipart_form_is_answered_400_with_the_reason_in_the_persons_language() throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String csrf = signIn(client);
		// a form the tenderer may not post (only center staff approve a notice): the door used to answer first
		String forbidden = "/tenders/sections/" + UUID.randomUUID() + "/approve";
		HttpResponse<String> zh = post(client, forbidden, CUT_SHORT, "X-CSRF-TOKEN", csrf);
		assertThat(zh.statusCode()).as(zh.body()).isEqualTo(400);
		assertThat(zh.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(zh.body()).contains("lang=\"zh-CN\"").contains(ZH).doesNotContain("Apache Tomcat");

		client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/?lang=en")).build(),
				HttpResponse.BodyHandlers.discarding());
		HttpResponse<String> en = post(client, forbidden, CUT_SHORT, "X-CSRF-TOKEN", csrf);
		assertThat(en.statusCode()).as(en.body()).isEqualTo(400);
		assertThat(en.body()).contains(EN);

		// the public, no session, no token: the same answer, not a CSRF refusal
		HttpResponse<String> anonymous = post(HttpClient.newHttpClient(), "/registry/register", CUT_SHORT);
		assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(400);
		assertThat(anonymous.body()).contains(ZH);
	}

	/**
	 * The same door with a plain form whose body has a broken %-escape and the CSRF token in a header (so nothing read
	 * the body before the door): the 403 went to the error page, whose dispatch read the parameters (InputRulesInterceptor),
	 * failed on them, and Tomcat's own page went out. The body is now read at the door and refused as unreadable.
	 */
	@Test
	void refusesAFormWithABrokenPercentEscapeWithA400InThePersonsLanguage() throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String csrf = signIn(client);
		String forbidden = "/tenders/sections/" + UUID.randomUUID() + "/approve";
		String form = "application/x-www-form-urlencoded";
		HttpResponse<String> zh = send(client, forbidden, form, "note=%zz&x=%", "X-CSRF-TOKEN", csrf);
		assertThat(zh.statusCode()).as(zh.body()).isEqualTo(400);
		assertThat(zh.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(zh.body()).contains("lang=\"zh-CN\"").contains(ZH).doesNotContain("Apache Tomcat");

		client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/?lang=en")).build(),
				HttpResponse.BodyHandlers.discarding());
		HttpResponse<String> en = send(client, forbidden, form, "note=%zz", "X-CSRF-TOKEN", csrf);
		assertThat(en.statusCode()).as(en.body()).isEqualTo(400);
		assertThat(en.body()).contains(EN).doesNotContain("Apache Tomcat");

		// a well-formed form on the same door is still the door's 403, on the platform's own page
		HttpResponse<String> wellFormed = send(client, forbidden, form, "note=hello%20world", "X-CSRF-TOKEN", csrf);
		assertThat(wellFormed.statusCode()).as(wellFormed.body()).isEqualTo(403);
		assertThat(wellFormed.body()).doesNotContain("Apache Tomcat").doesNotContain(EN);

		// to the API with a bearer token: a problem detail, in the client's language
		HttpResponse<String> api = send(HttpClient.newHttpClient(), "/api/registry/registrations", form, "note=%zz",
				"Accept-Language", "en", "Authorization", "Bearer ywt_demo-api-client-token-not-for-production");
		assertThat(api.statusCode()).as(api.body()).isIn(400, 415);
		assertThat(api.body()).doesNotContain("Apache Tomcat");
	}

	@Test
	void a_cut_short_multipart_body_to_the_api_is_a_400_problem() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		for (String token : new String[] { null, "ywt_demo-api-client-token-not-for-production" }) {
			HttpResponse<String> response = token == null
					? post(client, "/api/registry/registrations", CUT_SHORT, "Accept-Language", "en")
					: post(client, "/api/registry/registrations", CUT_SHORT, "Accept-Language", "en", "Authorization",
							"Bearer " + token);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			assertThat(response.body()).contains(EN);
		}
	}

	@Test
	void a_well_formed_multipart_form_still_reaches_its_check() throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String csrf = signIn(client);
		String body = "--x\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--x--\r\n";
		HttpResponse<String> response = post(client, "/tenders/sections/" + UUID.randomUUID() + "/approve", body,
				"X-CSRF-TOKEN", csrf);
		// parsed, so the door answers: the tenderer may not approve, shown on the platform's own error page
		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		assertThat(response.body()).contains("lang=\"zh-CN\"").doesNotContain(ZH);
	}
}
