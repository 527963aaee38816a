package org.yiwang.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.yiwang.system.Refusal;

/** The registration page and API with good and bad input, and the review queue page. */
@PlatformTest
class RegistryPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	EntityRegistry registry;

	private static MockHttpServletRequestBuilder registration(String creditCode, String username, String repeat) {
		return post("/registry/register").with(csrf()).param("kind", "ORGANIZATION").param("enterpriseNature", "150").param("name", "重庆页面测试有限公司")
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
				{"kind":"ORGANIZATION","enterpriseNature":"150","name":"重庆接口测试有限公司","creditCode":"%s","contactName":"赵六",
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

	@Test
	void a_member_states_the_contact_details_and_bad_ones_are_refused_with_their_field_and_reason() throws Exception {
		String username = EntityRegistryTests.username();
		mvc.perform(post("/api/registry/registrations").contentType(MediaType.APPLICATION_JSON).content("""
				{"kind":"ORGANIZATION","enterpriseNature":"150","name":"重庆联系方式测试有限公司","creditCode":"%s","contactName":"赵六",
				 "contactPhone":"13700000000","email":"not-an-address","registeredRegion":"500103","roles":["TENDERER"],
				 "username":"%s","password":"Api-pass-2026x"}""".formatted(EntityRegistryTests.creditCode("500103"),
				username)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"))
			.andExpect(jsonPath("$.errors[0].message").value("电子邮箱格式不正确，应如 name@example.cn。"));
		mvc.perform(post("/api/registry/registrations").contentType(MediaType.APPLICATION_JSON).content("""
				{"kind":"ORGANIZATION","enterpriseNature":"150","name":"重庆联系方式测试有限公司","creditCode":"%s","contactName":"赵六",
				 "contactPhone":"13700000000","registeredRegion":"500103","roles":["TENDERER"],
				 "username":"%s","password":"Api-pass-2026x"}""".formatted(EntityRegistryTests.creditCode("500103"),
				username)))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.email").doesNotExist());
		var member = authentication(TestActor.of(username, org.yiwang.kernel.Role.TENDERER, TestActor.YUZHONG, false)
			.authentication());
		String contact = """
				{"contactName":"%s","contactPhone":"%s","address":"%s","email":"%s"}""";
		Object[][] bad = { { "", "023-60000001", "重庆市渝中区民生路 1 号", "a@b.cn", "contactName", "请填写联系人" },
				{ "王五", "电话", "重庆市渝中区民生路 1 号", "a@b.cn", "contactPhone", "联系电话须为" },
				{ "王五", "023-60000001", "", "a@b.cn", "address", "请填写地址。" },
				{ "王五", "023-60000001", "地".repeat(201), "a@b.cn", "address", "地址最多 200 个字。" },
				{ "王五", "023-60000001", "重庆市渝中区民生路 1 号", "", "email", "请填写电子邮箱。" },
				{ "王五", "023-60000001", "重庆市渝中区民生路 1 号", "wang at example.cn", "email", "电子邮箱格式不正确" },
				{ "王五", "023-60000001", "重庆市渝中区民生路 1 号", "a".repeat(64) + "@" + "b".repeat(40) + ".cn", "email",
						"电子邮箱最多 100 个字符。" } };
		for (Object[] b : bad) {
			mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/registry/me/contact")
				.with(member).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content(contact.formatted(b[0], b[1], b[2], b[3])))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(b[4]))
				.andExpect(jsonPath("$.errors[0].message").value(containsString((String) b[5])));
		}
		mvc.perform(post("/registry/my/contact").with(member).with(csrf()).param("contactName", "王五")
			.param("contactPhone", "023-60000001").param("address", "重庆市渝中区民生路 1 号").param("email", "wang@"))
			.andExpect(redirectedUrl("/registry/my")).andExpect(flash().attribute("refused", "registry.email.form"));
		mvc.perform(post("/registry/my/contact").with(member).with(csrf()).param("contactName", "王五")
			.param("contactPhone", "023-60000001").param("address", "重庆市渝中区民生路 1 号")
			.param("email", "wang@example.cn"))
			.andExpect(redirectedUrl("/registry/my")).andExpect(flash().attribute("saved", "registry.saved.contact"));
		mvc.perform(get("/api/registry/me").with(member)).andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value("wang@example.cn"))
			.andExpect(jsonPath("$.address").value("重庆市渝中区民生路 1 号"))
			.andExpect(jsonPath("$.contactName").value("王五"));
		mvc.perform(get("/registry/my").with(member)).andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"wang@example.cn\"")));
	}

	@Test
	void an_organisation_states_its_enterprise_nature_from_the_code_list_and_bad_ones_are_refused() throws Exception {
		String body = """
				{"kind":"ORGANIZATION",%s"name":"重庆企业性质测试有限公司","creditCode":"%s","contactName":"赵六",
				 "contactPhone":"13700000000","registeredRegion":"500103","roles":["TENDERER"],
				 "username":"%s","password":"Api-pass-2026x"}""";
		mvc.perform(post("/api/registry/registrations").contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted("", EntityRegistryTests.creditCode("500103"), EntityRegistryTests.username())))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("enterpriseNature"))
			.andExpect(jsonPath("$.errors[0].message").value("法人或其他组织须选择企业性质。"));
		mvc.perform(post("/api/registry/registrations").contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted("\"enterpriseNature\":\"999\",", EntityRegistryTests.creditCode("500103"),
						EntityRegistryTests.username())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("企业性质“999”不在代码表中")));
		mvc.perform(post("/registry/register").with(csrf()).param("kind", "ORGANIZATION").param("name", "重庆页面测试有限公司")
			.param("creditCode", EntityRegistryTests.creditCode("500103")).param("contactName", "李四")
			.param("contactPhone", "023-88889999").param("registeredRegion", TestActor.YUZHONG).param("roles", "BIDDER")
			.param("username", EntityRegistryTests.username()).param("password", "Page-pass-2026")
			.param("repeat", "Page-pass-2026"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("法人或其他组织须选择企业性质。")));
		String username = EntityRegistryTests.username();
		mvc.perform(post("/api/registry/registrations").contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted("\"enterpriseNature\":\"310\",", EntityRegistryTests.creditCode("500103"),
						username)))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.enterpriseNature").value("SINO_FOREIGN_EQUITY_JOINT_VENTURE"));
		var member = authentication(TestActor.of(username, org.yiwang.kernel.Role.TENDERER, TestActor.YUZHONG, false)
			.authentication());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/registry/me/enterprise-nature")
			.with(member).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"enterpriseNature\":\"国企\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("enterpriseNature"));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/registry/me/enterprise-nature")
			.with(member).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("法人或其他组织须选择企业性质。"));
		mvc.perform(post("/registry/my/nature").with(member).with(csrf()).param("enterpriseNature", "160"))
			.andExpect(redirectedUrl("/registry/my")).andExpect(flash().attribute("saved", "registry.saved.nature"));
		mvc.perform(get("/api/registry/me").with(member)).andExpect(status().isOk())
			.andExpect(jsonPath("$.enterpriseNature").value("COMPANY_LIMITED_BY_SHARES"));
		mvc.perform(get("/registry/my").with(member)).andExpect(status().isOk())
			.andExpect(content().string(containsString("160 股份有限（公司）")));
	}

	@Test
	void a_member_states_its_own_phone_for_the_bids_it_submits_and_bad_numbers_are_refused() throws Exception {
		String username = EntityRegistryTests.username();
		String code = EntityRegistryTests.creditCode("500103");
		mvc.perform(post("/api/registry/registrations").contentType(MediaType.APPLICATION_JSON).content("""
				{"kind":"ORGANIZATION","enterpriseNature":"150","name":"重庆操作人电话测试有限公司","creditCode":"%s",
				 "contactName":"赵六","contactPhone":"13700000000","registeredRegion":"500103","roles":["BIDDER"],
				 "username":"%s","password":"Api-pass-2026x"}""".formatted(code, username)))
			.andExpect(status().isCreated());
		var member = authentication(TestActor.of(username, org.yiwang.kernel.Role.BIDDER, TestActor.YUZHONG, false)
			.authentication());
		var phone = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/registry/me/phone");
		mvc.perform(phone.with(member).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("memberPhone"))
			.andExpect(jsonPath("$.errors[0].message").value("请填写您本人的联系电话。"));
		for (String bad : new String[] { "138", "1380013800x", "1".repeat(21), "138\n0013800" }) {
			mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/registry/me/phone")
				.with(member).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"phone\":\"" + bad.replace("\n", "\\n") + "\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("memberPhone"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("7 至 20 位")));
		}
		mvc.perform(post("/registry/my/phone").with(member).with(csrf()).param("memberPhone", "abc").param("lang", "en"))
			.andExpect(redirectedUrl("/registry/my")).andExpect(flash().attribute("refused", "registry.memberPhone.form"));
		mvc.perform(get("/registry/my").with(member)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("member-phone-current"))));
		mvc.perform(post("/registry/my/phone").with(member).with(csrf()).param("memberPhone", " 13800138000 "))
			.andExpect(redirectedUrl("/registry/my")).andExpect(flash().attribute("saved", "registry.saved.memberPhone"));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/registry/me/phone")
			.with(member).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\"023-63000000\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.phone").value("023-63000000"));
		mvc.perform(get("/registry/my").with(member)).andExpect(status().isOk())
			.andExpect(content().string(containsString("已登记：023-63000000")));
		mvc.perform(get("/registry/my").param("lang", "en").with(member)).andExpect(status().isOk())
			.andExpect(content().string(containsString("On record: 023-63000000")))
			.andExpect(content().string(not(containsString("??"))));
		// the platform reads it (no one signed in); a signed-in account, even staff or the member itself, does not
		EntityView entity = registry.findByCreditCode(org.yiwang.kernel.CreditCode.of(code)).orElseThrow();
		assertThat(registry.memberPhone(entity.id(), username)).contains("023-63000000");
		for (TestActor actor : new TestActor[] { TestActor.cityStaff(), TestActor.admin(), TestActor.regulator(),
				TestActor.of(username, org.yiwang.kernel.Role.BIDDER, TestActor.YUZHONG, false) }) {
			assertThatThrownBy(() -> actor.call(() -> registry.memberPhone(entity.id(), username)))
				.isInstanceOfSatisfying(Refusal.class,
						r -> assertThat(r.messageKey()).isEqualTo("registry.memberPhone.platformOnly"));
		}
	}
}
