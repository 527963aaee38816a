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

/**
 * Issue 18: staff pick the section to draw experts for by its name and trade code, never by typing a UUID; the expert
 * list and the custodians page show specialties, districts and people by name.
 */
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

	@Test
	void the_expert_list_and_the_custodians_page_show_names_never_specialty_codes_usernames_or_region_codes()
			throws Exception {
		String experts = page("/experts", TestActor.districtStaff(TestActor.YUZHONG), "zh-CN");
		assertThat(experts).contains("房屋建筑工程", "工程造价", "示范评标专家", "渝中区")
			.doesNotContain(">A0101<", ">A0105<", ">expert2</td>", ">500103</td>");
		assertThat(page("/experts", TestActor.districtStaff(TestActor.YUZHONG), "en")).contains("Building works")
			.doesNotContain(">A0101<");
		String custodians = page("/admin/pki/custodians", TestActor.admin(), "zh-CN");
		assertThat(custodians).contains("渝中区分中心工作人员").doesNotContain(">staff.yuzhong</td>");
	}

	private String page(String path, TestActor actor, String language) throws Exception {
		var request = get(path).with(authentication(actor.authentication()));
		return mvc.perform(language.equals("en") ? request.param("lang", "en") : request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}
}
