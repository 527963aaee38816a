package org.yiwang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Chinese first, English second: every message exists in both, and no page shows a missing key. */
@PlatformTest
class MessagesTests {

	@Autowired
	MockMvc mvc;

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
				assertThat(html).as(page + " in " + language).doesNotContain("??").doesNotContain("Exception");
			}
		}
	}
}
