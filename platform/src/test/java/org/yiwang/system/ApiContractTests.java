package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Role;

import jakarta.servlet.RequestDispatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's contract: the OpenAPI document declares how to authenticate and the problem every error answers with, and
 * every error status of an /api request really is application/problem+json with a detail a person can act on.
 */
@PlatformTest
class ApiContractTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiProblemResolver resolver;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void the_openapi_document_declares_the_bearer_scheme_and_the_problem_of_every_error() throws Exception {
		JsonNode document = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		JsonNode bearer = document.path("components").path("securitySchemes").path("bearerToken");
		assertThat(bearer.path("type").asString()).isEqualTo("http");
		assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
		JsonNode problem = document.path("components").path("schemas").path("Problem");
		assertThat(problem.path("properties").propertyNames()).contains("type", "title", "status", "detail", "instance",
				"errors");

		List<String> wrong = new ArrayList<>();
		int operations = 0;
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				operations++;
				String name = method.getKey().toUpperCase() + " " + path.getKey();
				JsonNode operation = method.getValue();
				if (!operation.path("security").toString().contains("bearerToken")) {
					wrong.add(name + ": no bearerToken security requirement");
				}
				for (String code : List.of("400", "401", "404", "500", "503")) {
					JsonNode schema = operation.path("responses").path(code).path("content")
						.path("application/problem+json").path("schema");
					if (!schema.path("$ref").asString("").equals("#/components/schemas/Problem")) {
						wrong.add(name + ": " + code + " is not declared as a Problem in application/problem+json");
					}
				}
				for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
					if (response.getKey().matches("[45]\\d\\d") && !response.getValue().path("content").has(
							"application/problem+json")) {
						wrong.add(name + ": " + response.getKey() + " answers something else than a problem");
					}
				}
			}
		}
		assertThat(operations).isGreaterThan(50);
		assertThat(wrong).isEmpty();

		// who needs no token says so: an empty requirement beside the bearer one; others need the token
		assertThat(document.at("/paths/~1api~1regions/get/security").toString()).contains("{}");
		assertThat(document.at("/paths/~1api~1accounts/get/security").toString()).doesNotContain("{}");
		assertThat(document.at("/paths/~1api~1accounts/get/responses/403").isMissingNode()).isFalse();
	}

	@Test
	void every_error_status_of_the_api_is_a_problem_with_a_detail() throws Exception {
		var staff = authentication(TestActor.cityStaff().authentication());
		var admin = authentication(TestActor.admin().authentication());
		var bidder = authentication(TestActor.of("bidder", Role.BIDDER, TestActor.CITY, false).authentication());
		Map<String, MockHttpServletRequestBuilder> requests = new LinkedHashMap<>();
		requests.put("400 unreadable JSON",
				post("/api/categories").with(staff).contentType(MediaType.APPLICATION_JSON).content("{\"code\":"));
		requests.put("400 invalid fields", post("/api/categories").with(staff).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"\u202Ex\"}"));
		requests.put("401 no token", get("/api/me"));
		requests.put("401 unknown token", get("/api/me").header("Authorization", "Bearer ywt_no-such-token"));
		requests.put("403 not this role", get("/api/accounts").with(bidder));
		requests.put("404 no such record", get("/api/accounts/" + UUID.randomUUID()).with(admin));
		requests.put("406 not acceptable", get("/api/regions").accept(MediaType.APPLICATION_XML));
		requests.put("409 conflict", post("/api/categories").with(staff).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"ENG_BUILDING\",\"nameZh\":\"重复\",\"nameEn\":\"Duplicate\",\"family\":\"CATALOG\"}"));
		requests.put("413 too large", post("/api/categories").with(staff).contentType(MediaType.APPLICATION_JSON)
			.content(new byte[2 * 1024 * 1024 + 1]));
		requests.put("415 unsupported type",
				post("/api/categories").with(staff).contentType(MediaType.TEXT_PLAIN).content("code=X"));
		requests.put("415 a wildcard type", post("/api/categories").with(staff).contentType("*/*").content("{}"));
		requests.put("422 incomplete dataset", post("/api/demo/national-platform/TRADE_RESULT_INFO")
			.contentType(MediaType.APPLICATION_JSON).content("{}"));
		requests.put("500 a failure in the error dispatch", get("/error")
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500).requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/me"));

		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, MockHttpServletRequestBuilder> request : requests.entrySet()) {
			MockHttpServletResponse response = mvc.perform(request.getValue()).andReturn().getResponse();
			String expected = request.getKey().substring(0, 3);
			String type = String.valueOf(response.getContentType());
			String body = response.getContentAsString(StandardCharsets.UTF_8);
			JsonNode problem = type.startsWith("application/problem+json") ? json.readTree(body) : null;
			if (response.getStatus() != Integer.parseInt(expected) || problem == null
					|| problem.path("status").asInt() != response.getStatus() || problem.path("detail").asString("").isBlank()
					|| problem.path("title").asString("").isBlank()) {
				wrong.add(request.getKey() + " -> " + response.getStatus() + " " + type + " " + body);
			}
		}
		assertThat(wrong).isEmpty();
	}

	/**
	 * Every access rule names its method, so through the filter chain an unknown API path or method is refused 403
	 * before Spring MVC looks for a handler; where MVC answers them (a rule that lets a path through), they are
	 * problems too.
	 */
	@Test
	void no_such_endpoint_and_no_such_method_are_problems_too() throws Exception {
		for (Exception e : List.of(new NoResourceFoundException(HttpMethod.GET, "/api/no-such-endpoint", "api/no-such-endpoint"),
				new HttpRequestMethodNotSupportedException("DELETE", List.of("GET")))) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/no-such-endpoint");
			MockHttpServletResponse response = new MockHttpServletResponse();
			assertThat(resolver.resolveException(request, response, null, e)).isNotNull();
			assertThat(response.getStatus()).isIn(404, 405);
			assertThat(response.getContentType()).startsWith("application/problem+json");
			assertThat(json.readTree(response.getContentAsString(StandardCharsets.UTF_8)).path("detail").asString())
				.isNotBlank();
		}
	}

	@Test
	void the_error_path_asked_for_directly_is_not_found_not_a_failure() throws Exception {
		assertThat(mvc.perform(get("/error")).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void a_bid_without_a_content_type_and_a_file_name_with_a_nul_are_refused_not_failures() throws Exception {
		var bidder = authentication(TestActor.of("bidder", Role.BIDDER, TestActor.CITY, false).authentication());
		String section = "/api/tendering/sections/" + UUID.randomUUID() + "/bids";
		MockHttpServletResponse bare = mvc.perform(post(section).with(bidder).content("not an envelope")).andReturn()
			.getResponse();
		assertThat(bare.getStatus()).as(bare.getContentAsString()).isBetween(400, 499);

		String boundary = "nulInTheName";
		byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"envelope\"; filename=\"bid\u0000.ywenv\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\nenvelope\r\n--" + boundary + "--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		MockHttpServletResponse nul = mvc.perform(post(section).with(bidder)
			.contentType("multipart/form-data; boundary=" + boundary).content(body)).andReturn().getResponse();
		assertThat(nul.getStatus()).as(nul.getContentAsString()).isEqualTo(400);
		assertThat(nul.getContentType()).startsWith("application/problem+json");
	}
}
