package org.yiwang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Pages as a browser gets them, whole or as htmx fragments, and what bad input gets back. */
@PlatformTest
class WebPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.yiwang.account.AccountManagement accounts;

	private static String uniqueCode() {
		return "WEB_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	@Test
	void the_home_page_lists_the_city_its_forty_districts_and_every_category_in_chinese() throws Exception {
		String page = mvc.perform(get("/")).andExpect(status().isOk())
			.andExpect(content().string(containsString("重庆市公共资源交易平台")))
			.andReturn().getResponse().getContentAsString();
		assertThat(page.split("class=\"region\"", -1)).hasSize(42);
		assertThat(page).contains("渝中区", "两江新区", "房屋建筑和市政基础设施工程", "碳排放权交易");
	}

	@Test
	void the_english_switch_speaks_english_and_remembers_it() throws Exception {
		var cookie = mvc.perform(get("/").param("lang", "en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Chongqing Municipality Public Resource Trading Platform")))
			.andReturn().getResponse().getCookie("yiwang-lang");
		assertThat(cookie).isNotNull();
		mvc.perform(get("/").cookie(cookie)).andExpect(content().string(containsString("Trading categories")));
	}

	@Test
	void the_category_list_is_a_full_page_or_an_htmx_fragment_from_the_same_url() throws Exception {
		var staff = authentication(TestActor.cityStaff().authentication());
		mvc.perform(get("/admin/categories").with(staff)).andExpect(status().isOk())
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("id=\"category-table\"")));
		mvc.perform(get("/admin/categories").with(staff).header("HX-Request", "true")).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("id=\"category-panel\"")));
	}

	@Test
	void adding_a_category_through_htmx_returns_the_panel_with_it_and_the_home_page_shows_it() throws Exception {
		String code = uniqueCode();
		mvc.perform(post("/admin/categories").with(authentication(TestActor.cityStaff().authentication())).with(csrf())
				.header("HX-Request", "true").param("code", code).param("nameZh", "医疗器械阳光采购")
				.param("nameEn", "Medical devices").param("family", "CATALOG").param("supervisorZh", "医疗保障部门"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"added-notice\"")))
			.andExpect(content().string(containsString("data-code=\"" + code + "\"")));
		mvc.perform(get("/")).andExpect(content().string(containsString("data-code=\"" + code + "\"")));
	}

	@Test
	void bad_category_input_is_shown_next_to_each_field_and_nothing_is_added() throws Exception {
		mvc.perform(post("/admin/categories").with(authentication(TestActor.cityStaff().authentication())).with(csrf())
				.param("code", "lower case!").param("nameZh", "").param("nameEn", "x".repeat(121)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("代码须为 2–40 位大写字母")))
			.andExpect(content().string(containsString("请填写中文名称")))
			.andExpect(content().string(containsString("英文名称最多 120 个字符")))
			.andExpect(content().string(containsString("请选择交易类别")))
			.andExpect(content().string(containsString("value=\"" + "x".repeat(121) + "\"")));
		mvc.perform(post("/admin/categories").with(authentication(TestActor.cityStaff().authentication())).with(csrf())
				.param("code", "ENG_BUILDING").param("nameZh", "重复").param("nameEn", "Duplicate").param("family", "TENDER"))
			.andExpect(content().string(containsString("代码 ENG_BUILDING 已被使用")));
	}

	@Test
	void a_template_below_the_legal_minimum_or_not_a_number_is_refused_on_the_page() throws Exception {
		var staff = authentication(TestActor.cityStaff().authentication());
		mvc.perform(post("/admin/categories/ENG_WATER/template").with(staff).with(csrf())
				.param("procedure", "OPEN_TENDER").param("bidPeriodDays", "10").param("documentAvailabilityDays", "5")
				.param("amendmentNoticeDays", "15").param("objectionDeadlineDays", "10").param("objectionAnswerDays", "3")
				.param("decryptionWindowMinutes", "30").param("minBids", "3").param("evaluationMethod", "WEIGHTED_SCORING")
				.param("securityMaxPercent", "2").param("reason", "试图缩短").param("basedOn", "1"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("依法不得少于 20")));
		mvc.perform(post("/admin/categories/ENG_WATER/template").with(staff).with(csrf())
				.param("procedure", "OPEN_TENDER").param("bidPeriodDays", "twenty").param("minBids", "3")
				.param("reason", "x").param("basedOn", "1"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("请输入整数")));
	}

	@Test
	void district_staff_see_the_catalogue_read_only_and_are_refused_a_change_with_a_reason() throws Exception {
		var district = authentication(TestActor.districtStaff(TestActor.YUZHONG).authentication());
		mvc.perform(get("/admin/categories").with(district)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"add-category\""))));
		mvc.perform(post("/admin/categories").with(district).with(csrf()).param("code", uniqueCode())
				.param("nameZh", "区县").param("nameEn", "District").param("family", "TENDER"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("只有市级工作人员或平台管理员可以修改")));
	}

	@Test
	void an_unknown_record_gets_a_helpful_page_never_a_stack_trace() throws Exception {
		mvc.perform(get("/admin/categories/NO_SUCH").with(authentication(TestActor.cityStaff().authentication())))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("找不到交易品类 NO_SUCH")))
			.andExpect(content().string(not(containsString("Exception"))));
		mvc.perform(get("/admin/categories/" + "%3Cscript%3E").with(authentication(TestActor.cityStaff().authentication())))
			.andExpect(status().is4xxClientError()).andExpect(content().string(not(containsString("<script>"))));
	}

	@Test
	void a_wrong_password_is_explained_on_the_login_page_and_the_name_is_kept() throws Exception {
		mvc.perform(post("/login").with(csrf()).param("username", "staff").param("password", "wrong"))
			.andExpect(redirectedUrl("/login?error=bad&username=staff"));
		mvc.perform(get("/login").param("error", "bad").param("username", "staff"))
			.andExpect(content().string(containsString("用户名或密码不正确")))
			.andExpect(content().string(containsString("value=\"staff\"")));
	}

	@Test
	void five_wrong_passwords_back_off_the_name_and_the_login_page_says_so() throws Exception {
		String username = "lock." + UUID.randomUUID().toString().substring(0, 8);
		TestActor.admin().run(() -> accounts.create(new org.yiwang.account.NewAccount(username, "锁定测试",
				org.yiwang.account.AccountKind.PERSON, java.util.Set.of(org.yiwang.kernel.Role.BIDDER), null, false,
				java.util.Set.of(), "Right-pass-2026")));
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "wrong-" + i))
				.andExpect(redirectedUrl("/login?error=bad&username=" + username));
		}
		mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "Right-pass-2026"))
			.andExpect(redirectedUrl("/login?error=locked&username=" + username));
		mvc.perform(get("/login").param("error", "locked")).andExpect(content().string(containsString("登录尝试过于频繁")));
	}

	@Test
	void a_form_without_its_csrf_token_is_refused() throws Exception {
		mvc.perform(post("/admin/categories").with(authentication(TestActor.cityStaff().authentication()))
				.param("code", uniqueCode())).andExpect(status().isForbidden());
	}

	@Test
	void api_bad_input_gets_problem_details_naming_each_field() throws Exception {
		var staff = authentication(TestActor.cityStaff().authentication());
		mvc.perform(post("/api/categories").with(staff).contentType(MediaType.APPLICATION_JSON).content("{\"code\": "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("不是有效的 JSON")));
		mvc.perform(post("/api/categories").with(staff).contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"bad code\",\"nameZh\":\"\",\"nameEn\":\"" + "y".repeat(500) + "\",\"family\":\"TENDER\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field=='code')].message").value(org.hamcrest.Matchers.hasItem(containsString("代码须为"))))
			.andExpect(jsonPath("$.errors[?(@.field=='nameZh')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field=='nameEn')]").exists());
		mvc.perform(post("/api/categories").with(staff).contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"X_Y\",\"nameZh\":\"a\",\"nameEn\":\"b\",\"family\":\"NOT_A_FAMILY\"}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.status").value(400));
		mvc.perform(post("/api/categories").with(staff).contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en").content("{}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("not valid")));
	}

	@Test
	void an_oversized_body_is_refused_before_it_is_read() throws Exception {
		String huge = "{\"code\":\"" + "X".repeat(2_200_000) + "\"}";
		mvc.perform(post("/api/categories").with(authentication(TestActor.cityStaff().authentication()))
				.contentType(MediaType.APPLICATION_JSON).content(huge))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.detail").value(containsString("请求内容过大")));
		mvc.perform(post("/admin/categories").with(authentication(TestActor.cityStaff().authentication())).with(csrf())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED).content("code=" + "A".repeat(2_200_000)))
			.andExpect(status().isPayloadTooLarge());
	}

	@Test
	void api_refusals_say_what_to_do() throws Exception {
		mvc.perform(get("/api/categories/NOPE")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("找不到交易品类 NOPE。"));
		mvc.perform(get("/api/categories/ENG_BUILDING/templates/abc")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("version")));
		mvc.perform(get("/api/audit/entries").param("limit", "100000")
				.with(authentication(TestActor.admin().authentication())))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/accounts")).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("Bearer")));
		mvc.perform(get("/api/me").header("Authorization", "Bearer ywt_forged")).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("无效")));
	}

	@Test
	void the_demo_token_reaches_the_api_as_its_machine_client() throws Exception {
		mvc.perform(get("/api/me").header("Authorization", "Bearer ywt_demo-api-client-token-not-for-production"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.username").value("api.demo"))
			.andExpect(jsonPath("$.roles[0]").value("API_CLIENT"));
	}

	@Test
	void operations_endpoints_health_metrics_and_openapi() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").with(authentication(TestActor.admin().authentication())))
			.andExpect(status().isOk()).andExpect(content().string(containsString("jvm_memory_used_bytes")));
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/categories']").exists());
	}
}
