package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

/** Until the application is ready, pages and API calls get 503 with Retry-After and a message in the user's language. */
class StartupGateTests {

	private final StartupGate gate;

	StartupGateTests() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		gate = new StartupGate(new ProblemResponses(messages, JsonMapper.builder().build()), messages);
	}

	@Test
	void before_the_application_is_ready_a_page_says_it_is_starting_and_reloads() throws Exception {
		MockHttpServletResponse response = call("/", Locale.SIMPLIFIED_CHINESE);
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("2");
		assertThat(response.getContentAsString()).contains("平台正在启动").contains("http-equiv=\"refresh\"");
		assertThat(call("/tenders", Locale.ENGLISH).getContentAsString()).contains("The platform is starting");
	}

	@Test
	void before_the_application_is_ready_the_api_gets_a_problem_detail() throws Exception {
		MockHttpServletResponse response = call("/api/tendering/sections", Locale.SIMPLIFIED_CHINESE);
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("平台正在启动").contains("\"status\":503");
	}

	@Test
	void once_ready_every_request_goes_through() throws Exception {
		gate.ready();
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		gate.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isSameAs(request);
	}

	private MockHttpServletResponse call(String path, Locale locale) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.addHeader("Accept-Language", locale.toLanguageTag());
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		gate.doFilter(request, response, chain);
		assertThat(chain.getRequest()).as("not passed on").isNull();
		return response;
	}
}
