package org.yiwang.registry;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;

/** The registration page and API with good and bad input, and the review queue page. */
@PlatformTest
class RegistryPagesTests {

	@Autowired
	MockMvc mvc;

	private static MockHttpServletRequestBuilder registration(String creditCode, String username, String repeat) {
		return post("/registry/register").with(csrf()).param("kind", "ORGANIZATION").param("name", "重庆页面测试有限公司")
			.param("creditCode", creditCode).param("contactName", "李四").param("contactPhone", "023-88889999")
			.param("registeredRegion", TestActor.YUZHONG).param("roles", "BIDDER").param("username", username)
			.param("password", "Page-pass-2026").param("repeat", repeat);
	}

	@Test
	void the_registration_page_is_public_and_chinese() throws Exception {
		mvc.perform(get("/registry/register")).andExpect(status().isOk())
			.andExpect(content().string(containsString("市场主体注册")))
			.andExpect(content().string(containsString("统一社会信用代码")));
	}

	@Test
	void a_wrong_check_character_and_a_mistyped_password_are_explained_next_to_their_fields() throws Exception {
		String code = EntityRegistryTests.creditCode("500103");
		char wrong = code.charAt(17) == '0' ? '1' : '0';
		mvc.perform(registration(code.substring(0, 17) + wrong, EntityRegistryTests.username(), "Page-pass-2026"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("校验位不正确（按前 17 位应为 " + code.charAt(17) + "）")))
			.andExpect(content().string(containsString("value=\"重庆页面测试有限公司\"")))
			.andExpect(content().string(not(containsString("Page-pass-2026"))));
		mvc.perform(registration(code, EntityRegistryTests.username(), "Other-pass-2026"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("两次输入的新密码不一致")));
		mvc.perform(post("/registry/register").with(csrf()).param("kind", "ORGANIZATION"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写名称")))
			.andExpect(content().string(containsString("请至少选择一个主体角色")))
			.andExpect(content().string(containsString("请选择注册区域")));
	}

	@Test
	void a_good_registration_leads_to_sign_in_and_appears_in_the_district_queue() throws Exception {
		String username = EntityRegistryTests.username();
		mvc.perform(registration(EntityRegistryTests.creditCode("500103"), username, "Page-pass-2026"))
			.andExpect(redirectedUrl("/login?username=" + username))
			.andExpect(flash().attribute("registered", "重庆页面测试有限公司"));
		mvc.perform(get("/registry/review").with(authentication(TestActor.districtStaff(TestActor.YUZHONG).authentication())))
			.andExpect(status().isOk()).andExpect(content().string(containsString("重庆页面测试有限公司")));
	}

	@Test
	void the_api_registers_and_refuses_with_problem_details() throws Exception {
		String code = EntityRegistryTests.creditCode("500112");
		String body = """
				{"kind":"ORGANIZATION","name":"重庆接口测试有限公司","creditCode":"%s","contactName":"赵六",
				 "contactPhone":"13700000000","registeredRegion":"500112","roles":["TENDERER"],
				 "username":"%s","password":"Api-pass-2026x"}""";
		mvc.perform(post("/api/registry/registrations").contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(code, EntityRegistryTests.username())))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING"));
		mvc.perform(post("/api/registry/registrations").contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(code, EntityRegistryTests.username())))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("已注册")));
		mvc.perform(post("/api/registry/registrations").contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted("91500112XXXXXXXXXX", EntityRegistryTests.username())))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("creditCode"));
		mvc.perform(post("/api/registry/registrations").contentType(MediaType.APPLICATION_JSON).content("[1,2"))
			.andExpect(status().isBadRequest());
	}
}
