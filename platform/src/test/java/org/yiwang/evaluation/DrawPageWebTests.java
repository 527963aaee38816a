package org.yiwang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;

/** Issue 18: staff pick the section to draw experts for by its name and trade code, never by typing a UUID. */
@PlatformTest
class DrawPageWebTests {

	@Autowired
	MockMvc mvc;

	@Test
	void staff_choose_the_section_by_name_and_trade_code() throws Exception {
		String page = mvc.perform(get("/draws").with(authentication(TestActor.districtStaff(TestActor.YUZHONG).authentication())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("<select id=\"draw-section\" name=\"section\" required>", "<label for=\"draw-section\">")
			.doesNotContain("<input type=\"text\" name=\"section\"");
		assertThat(page).as("the demo tender of 渝中区 is offered by name, trade code and district")
			.containsPattern("<option value=\"[0-9a-f-]{36}\">[^<]+ · [^<]+（CQ-500103-[^，]+，渝中区）</option>");
	}
}
