package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;

/**
 * The input rules (docs/input-rules.md) on every form and API that writes, found from the handler mappings rather
 * than listed by hand, so a new one is covered the day it appears: a name with a bidi override in a form field or
 * query parameter; every JSON body's names, amounts and dates; every page parameter typed as a number, amount or
 * date. Each is refused with 400 and the rule's own reason (the character's position, the accepted number form,
 * the year range), before any controller reads it. Signed in with every role, so access rules let each through.
 */
@PlatformTest
class InputRulesWebTests {

	static final String RLO_NAME = "重庆\u202E建设公司";

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	record Endpoint(HttpMethod method, String path, HandlerMethod handler, RequestMappingInfo info) {

		@Override
		public String toString() {
			return method + " " + path;
		}
	}

	@Test
	void every_writing_form_and_api_refuses_a_bidi_control_in_a_name_with_its_position() throws Exception {
		List<String> wrong = new ArrayList<>();
		int checked = 0;
		for (Endpoint endpoint : writing()) {
			MockHttpServletRequestBuilder request = build(endpoint).queryParam("name", RLO_NAME);
			MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
			if (response.getStatus() == 403 || response.getStatus() == 401) {
				continue; // no role at all may use it this way (e.g. a path only a token reaches)
			}
			checked++;
			String body = response.getContentAsString(StandardCharsets.UTF_8);
			if (response.getStatus() != 400 || !body.contains("U+202E") || !body.contains("第 3 个字符")) {
				wrong.add(endpoint + " -> " + response.getStatus() + " " + abbreviate(body));
			}
		}
		System.out.println("InputRulesWebTests: " + checked + " writing endpoints checked for names");
		assertThat(checked).isGreaterThan(100);
		assertThat(wrong).isEmpty();
	}

	@Test
	void every_json_body_follows_the_rules_for_names_amounts_and_dates() throws Exception {
		List<String> wrong = new ArrayList<>();
		Set<String> checked = new TreeSet<>();
		for (Endpoint endpoint : writing()) {
			Class<?> body = bodyType(endpoint.handler());
			if (body == null || !body.isRecord()) {
				continue;
			}
			for (RecordComponent component : body.getRecordComponents()) {
				String bad = badValue(component.getName(), component.getType());
				if (bad == null) {
					continue;
				}
				String json = "{\"" + component.getName() + "\":" + bad + "}";
				MockHttpServletResponse response = mvc
					.perform(build(endpoint).contentType(MediaType.APPLICATION_JSON).content(json))
					.andReturn().getResponse();
				if (response.getStatus() == 403 || response.getStatus() == 401) {
					continue;
				}
				checked.add(endpoint + " " + component.getName());
				String text = response.getContentAsString(StandardCharsets.UTF_8);
				if (response.getStatus() != 400 || !text.contains(marker(component.getType()))
						|| !text.contains("\"field\":\"" + component.getName() + "\"")) {
					wrong.add(endpoint + " " + json + " -> " + response.getStatus() + " " + abbreviate(text));
				}
			}
		}
		System.out.println("InputRulesWebTests: " + checked.size() + " JSON fields checked: " + checked);
		assertThat(checked).anyMatch(c -> c.endsWith(" amount")).anyMatch(c -> c.endsWith(" name"))
			.anyMatch(c -> c.endsWith(" signedOn")).anyMatch(c -> c.endsWith(" paidAt")).hasSizeGreaterThan(15);
		assertThat(wrong).isEmpty();
	}

	@Test
	void every_page_parameter_typed_as_a_number_amount_or_date_follows_the_rules() throws Exception {
		List<String> wrong = new ArrayList<>();
		Set<String> checked = new TreeSet<>();
		for (Endpoint endpoint : writing()) {
			if (endpoint.handler().getBeanType().isAnnotationPresent(RestController.class)) {
				continue;
			}
			for (Parameter parameter : endpoint.handler().getMethod().getParameters()) {
				List<String[]> fields = new ArrayList<>();
				RequestParam param = parameter.getAnnotation(RequestParam.class);
				if (param != null && typed(parameter.getType())) {
					fields.add(new String[] { param.value().isEmpty() ? param.name() : param.value(),
							formValue(parameter.getType()), marker(parameter.getType()) });
				}
				else if (param == null && !BeanUtils.isSimpleProperty(parameter.getType())
						&& parameter.getType().getPackageName().startsWith("org.yiwang")) {
					for (var property : BeanUtils.getPropertyDescriptors(parameter.getType())) {
						if (property.getWriteMethod() != null && typed(property.getPropertyType())) {
							fields.add(new String[] { property.getName(), formValue(property.getPropertyType()),
									marker(property.getPropertyType()) });
						}
					}
				}
				for (String[] field : fields) {
					String name = field[0].isEmpty() ? parameter.getName() : field[0];
					MockHttpServletResponse response = mvc.perform(build(endpoint).param(name, field[1]))
						.andReturn().getResponse();
					if (response.getStatus() == 403 || response.getStatus() == 401) {
						continue;
					}
					checked.add(endpoint + " " + name);
					String text = response.getContentAsString(StandardCharsets.UTF_8);
					if (!text.contains(field[2])) {
						wrong.add(endpoint + " " + name + "=" + field[1] + " -> " + response.getStatus() + " "
								+ abbreviate(text));
					}
				}
			}
		}
		System.out.println("InputRulesWebTests: " + checked.size() + " typed page fields checked: " + checked);
		assertThat(checked).hasSizeGreaterThan(5);
		assertThat(wrong).isEmpty();
	}

	// ---- the endpoints -------------------------------------------------------------------------------------------

	private List<Endpoint> writing() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("org.yiwang")) {
				continue;
			}
			for (String pattern : entry.getKey().getPatternValues()) {
				for (var method : entry.getKey().getMethodsCondition().getMethods()) {
					if (method.name().equals("GET") || method.name().equals("HEAD") || method.name().equals("OPTIONS")) {
						continue;
					}
					endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern, entry.getValue(), entry.getKey()));
				}
			}
		}
		endpoints.sort(java.util.Comparator.comparing(Endpoint::toString));
		return endpoints;
	}

	private static MockHttpServletRequestBuilder build(Endpoint endpoint) {
		String path = endpoint.path().replace("{year}", "2099").replace("{date}", "2099-12-31")
			.replace("categories/{code}", "categories/ENG_BUILDING")
			.replace("{fingerprint}", "0".repeat(64))
			.replaceAll("\\{[^}]*\\}", "00000000-0000-0000-0000-000000000000");
		MockHttpServletRequestBuilder request = request(endpoint.method(), path).with(csrf())
			.with(authentication(EVERYONE.authentication()))
			.header("Idempotency-Key", java.util.UUID.randomUUID().toString());
		Set<MediaType> consumes = endpoint.info().getConsumesCondition().getConsumableMediaTypes();
		if (!consumes.isEmpty()) {
			request.contentType(consumes.iterator().next());
		}
		else if (bodyType(endpoint.handler()) != null) {
			request.contentType(MediaType.APPLICATION_JSON).content("{}");
		}
		return request;
	}

	/** Signed in with every role, city-wide: access rules let each request through to the input rules. */
	static final TestActor EVERYONE = new TestActor(new Actor("input.rules", "PLATFORM_ADMIN", TestActor.CITY),
			"input.rules", EnumSet.allOf(Role.class), RegionScope.wholeCity(), Set.of());

	private static Class<?> bodyType(HandlerMethod handler) {
		for (Parameter parameter : handler.getMethod().getParameters()) {
			if (parameter.isAnnotationPresent(RequestBody.class)) {
				return parameter.getType();
			}
		}
		return null;
	}

	// ---- the bad values and what the refusal must say ------------------------------------------------------------

	/** The names and titles among the JSON fields (the rule's own list is InputRules.isNameField). */
	static final java.util.regex.Pattern NAME_FIELDS = java.util.regex.Pattern.compile("(?i).*(name|title)");

	/** A JSON value breaking the rule of the field's kind, or null for a field no rule covers. */
	private static String badValue(String field, Class<?> type) {
		if (type == String.class) {
			return NAME_FIELDS.matcher(field).matches() ? "\"" + RLO_NAME + "\"" : null;
		}
		if (type == BigDecimal.class || type == Money.class) {
			return "\"١٢٣\"";
		}
		if (type == LocalDate.class) {
			return "\"+10000-01-01\"";
		}
		if (type == LocalDateTime.class) {
			return "\"+10000-01-01T00:00:00\"";
		}
		if (type == Instant.class || type == OffsetDateTime.class) {
			return "\"+10000-01-01T00:00:00Z\"";
		}
		return null;
	}

	private static boolean typed(Class<?> type) {
		return type != String.class && marker(type) != null;
	}

	private static String formValue(Class<?> type) {
		if (type == BigDecimal.class || type == Money.class) {
			return "١٢٣";
		}
		return type == LocalDate.class ? "+10000-01-01" : "+10000-01-01T09:30";
	}

	/** A phrase of the rule's message (the pages and the API speak Chinese unless asked otherwise). */
	private static String marker(Class<?> type) {
		if (type == String.class) {
			return "U+202E";
		}
		if (type == BigDecimal.class || type == Money.class) {
			return "1,234,567.89";
		}
		if (type == LocalDate.class || type == LocalDateTime.class || type == Instant.class || type == OffsetDateTime.class) {
			return "1900 至 2999";
		}
		return null;
	}

	/** The errors a page shows, or the start of what came back. */
	private static String abbreviate(String text) {
		java.util.regex.Matcher errors = java.util.regex.Pattern.compile("class=\"(field-error|problem|error)[^>]*>([^<]*)<")
			.matcher(text);
		List<String> shown = new ArrayList<>();
		while (errors.find()) {
			shown.add(errors.group(2).strip());
		}
		return !shown.isEmpty() ? shown.toString() : text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}
}
