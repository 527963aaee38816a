package org.yiwang;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.account.AccountKind;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.AccountView;
import org.yiwang.account.NewAccount;
import org.yiwang.kernel.Role;

/** A district's staff cannot reach another district's records through any page or API. */
@PlatformTest
class RegionIsolationWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountManagement accounts;

	AccountView wanzhou;

	final org.springframework.test.web.servlet.request.RequestPostProcessor yuzhongStaff = authentication(
			TestActor.districtStaff(TestActor.YUZHONG).authentication());

	@BeforeEach
	void an_account_in_wanzhou() {
		wanzhou = TestActor.admin().call(() -> accounts.create(new NewAccount("wz." + UUID.randomUUID().toString().substring(0, 8),
				"万州工作人员", AccountKind.PERSON, Set.of(Role.CENTER_STAFF), TestActor.WANZHOU, false, Set.of(),
				"Wanzhou-pass-2026")));
	}

	@Test
	void the_account_list_of_yuzhong_shows_no_wanzhou_account() throws Exception {
		mvc.perform(get("/admin/accounts").with(yuzhongStaff)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(wanzhou.username()))))
			.andExpect(content().string(containsString("staff.yuzhong")));
		mvc.perform(get("/admin/accounts").with(authentication(TestActor.cityStaff().authentication())))
			.andExpect(content().string(containsString(wanzhou.username())));
	}

	@Test
	void every_page_and_api_on_a_wanzhou_account_answers_not_found_to_yuzhong() throws Exception {
		String id = wanzhou.id().toString();
		mvc.perform(get("/admin/accounts/" + id).with(yuzhongStaff)).andExpect(status().isNotFound());
		mvc.perform(post("/admin/accounts/" + id + "/enabled").with(yuzhongStaff).with(csrf()).param("enabled", "false"))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/accounts/" + id + "/unlock").with(yuzhongStaff).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/admin/accounts/" + id + "/password").with(yuzhongStaff).with(csrf())
				.param("password", "Takeover-2026x").param("repeat", "Takeover-2026x")).andExpect(status().isNotFound());
		mvc.perform(post("/admin/accounts/" + id + "/tokens").with(yuzhongStaff).with(csrf()).param("name", "steal"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/accounts/" + id).with(yuzhongStaff)).andExpect(status().isNotFound());
		mvc.perform(get("/api/accounts").with(yuzhongStaff)).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.username=='" + wanzhou.username() + "')]").isEmpty());
		mvc.perform(post("/api/accounts").with(yuzhongStaff).contentType(MediaType.APPLICATION_JSON).content("""
				{"username":"wz.planted","displayName":"x","kind":"PERSON","roles":["CENTER_STAFF"],
				 "region":"500101","password":"Planted-pass-2026"}""")).andExpect(status().isForbidden());
		mvc.perform(get("/admin/accounts/" + id).with(authentication(TestActor.admin().authentication())))
			.andExpect(status().isOk()).andExpect(content().string(containsString("启用")));
	}

	@Test
	void the_audit_log_of_yuzhong_shows_nothing_of_wanzhou() throws Exception {
		mvc.perform(get("/admin/audit").with(yuzhongStaff).param("q", wanzhou.id().toString()))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString("account.created"))));
		mvc.perform(get("/admin/audit").with(authentication(TestActor.admin().authentication())).param("q", wanzhou.id().toString()))
			.andExpect(content().string(containsString("account.created")));
	}
}
