package org.yiwang.servicedesk;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Role;

/**
 * The desk's pages through MockMvc: a Wanzhou request is not found by Yuzhong's staff on any page or action; bad page
 * input comes back naming the field; the public figures need no sign-in; the pages speak both languages.
 */
@PlatformTest
class ServiceDeskWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ServiceDesk desk;

	@Autowired
	Satisfaction satisfaction;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	final RequestPostProcessor yuzhong = authentication(TestActor.districtStaff(TestActor.YUZHONG).authentication());

	@Test
	void a_wanzhou_request_is_not_found_by_yuzhong_staff_on_any_page_or_action() throws Exception {
		TestActor user = TestActor.of("wz." + run, Role.BIDDER, TestActor.CITY, true);
		ServiceRequestView request = user.call(() -> desk.file(new NewServiceRequest(TestActor.WANZHOU, "ARCHIVE_COPY",
				"万州档案 " + run, null, null)));
		ServiceRequestView done = TestActor.districtStaff(TestActor.WANZHOU)
			.call(() -> desk.finish(request.id(), "已办结", request.version()));
		user.call(() -> satisfaction.rate(done.id(), new NewRating("VERY_DISSATISFIED", Set.of("SLOW"), null)));
		String page = "/service/requests/" + request.id();
		mvc.perform(get(page).with(yuzhong)).andExpect(status().isNotFound());
		for (String action : new String[] { "/claim", "/assignee", "/finish", "/reply", "/revisit" }) {
			mvc.perform(post(page + action).with(yuzhong).with(csrf()).param("version", "0").param("assignee", "staff.yuzhong")
				.param("outcome", "x").param("reply", "x").param("revisit", "RESOLVED").param("revisitNote", "x"))
				.andExpect(status().isNotFound());
		}
		mvc.perform(multipart(page + "/documents").file(new MockMultipartFile("document", "a.pdf", "application/pdf",
				new byte[] { 1, 2 })).with(yuzhong).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/service").with(yuzhong)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(request.number()))));
		mvc.perform(get("/service/performance").with(yuzhong)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("万州区分中心"))));
		// the owner and Wanzhou's staff see it, with the rectification the bad rating opened
		mvc.perform(get(page).with(authentication(user.authentication()))).andExpect(status().isOk())
			.andExpect(content().string(containsString("差评整改")));
		mvc.perform(get(page).with(authentication(TestActor.districtStaff(TestActor.WANZHOU).authentication())))
			.andExpect(status().isOk()).andExpect(content().string(containsString("reply-form")));
		// another user is told it does not exist
		mvc.perform(get(page).with(authentication(TestActor.of("else." + run, Role.BIDDER, TestActor.CITY, true)
			.authentication()))).andExpect(status().isNotFound());
	}

	@Test
	void bad_page_input_comes_back_naming_the_field_and_keeps_what_was_typed() throws Exception {
		RequestPostProcessor user = authentication(TestActor.of("pg." + run, Role.TENDERER, TestActor.CITY, true)
			.authentication());
		mvc.perform(post("/service/requests").with(user).with(csrf()).param("region", TestActor.YUZHONG)
			.param("item", "ARCHIVE_COPY").param("subject", "").param("detail", "保留的说明 " + run))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("refusedField", "subject"));
		mvc.perform(post("/service/requests").with(user).with(csrf()).param("region", "").param("item", "ARCHIVE_COPY")
			.param("subject", "x")).andExpect(flash().attribute("refusedField", "region"));
		mvc.perform(post("/service/items/ARCHIVE_COPY").with(authentication(TestActor.cityStaff().authentication()))
			.with(csrf()).param("timeLimitDays", "九十").param("documentsZh", "x").param("documentsEn", "x"))
			.andExpect(flash().attribute("refusedField", "timeLimitDays"));
		mvc.perform(post("/service/items/ARCHIVE_COPY").with(yuzhong).with(csrf()).param("timeLimitDays", "3")
			.param("documentsZh", "x").param("documentsEn", "x")).andExpect(status().isForbidden());
		mvc.perform(get("/service").with(user)).andExpect(status().isOk())
			.andExpect(content().string(containsString("在线申请")));
	}

	@Test
	void a_user_files_uploads_and_rates_through_the_pages() throws Exception {
		TestActor actor = TestActor.of("flow." + run, Role.AGENCY, TestActor.CITY, true);
		RequestPostProcessor user = authentication(actor.authentication());
		String location = mvc.perform(post("/service/requests").with(user).with(csrf()).param("region", TestActor.YUZHONG)
			.param("item", "VENUE_BOOKING").param("subject", "会议室预约 " + run))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		mvc.perform(multipart("/service/requests/" + id + "/documents").file(new MockMultipartFile("document",
				"申请表.pdf", "application/pdf", ("表 " + run).getBytes())).with(user).with(csrf()))
			.andExpect(flash().attribute("saved", "servicedesk.saved.document"));
		mvc.perform(multipart("/service/requests/" + id + "/documents").with(user).with(csrf()))
			.andExpect(flash().attribute("refusedField", "document"));
		mvc.perform(get("/service/requests/" + id).with(user)).andExpect(content().string(containsString("申请表.pdf")))
			.andExpect(content().string(containsString("场地预约")));
		ServiceRequestView request = desk.byIdAsPlatform(id).orElseThrow();
		mvc.perform(post("/service/requests/" + id + "/finish").with(yuzhong).with(csrf()).param("outcome", "已安排 3 号会议室")
			.param("version", String.valueOf(request.version()))).andExpect(flash().attribute("saved", "servicedesk.saved.finished"));
		mvc.perform(post("/service/requests/" + id + "/rating").with(user).with(csrf()).param("level", "DISSATISFIED"))
			.andExpect(flash().attribute("refusedField", "reasons"));
		mvc.perform(post("/service/requests/" + id + "/rating").with(user).with(csrf()).param("level", "SATISFIED")
			.param("reasons", "FAST", "COURTEOUS")).andExpect(flash().attribute("saved", "servicedesk.saved.rated"));
		mvc.perform(get("/service/requests/" + id).with(user)).andExpect(content().string(containsString("满意")))
			.andExpect(content().string(containsString("办事效率高")));
	}

	@Test
	void the_public_figures_and_the_item_list_need_no_sign_in_in_both_languages() throws Exception {
		mvc.perform(get("/open/service")).andExpect(status().isOk()).andExpect(content().string(containsString("满意率")))
			.andExpect(content().string(containsString("data-chart")));
		mvc.perform(get("/open/service").param("lang", "en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Satisfaction")));
		mvc.perform(get("/service/items")).andExpect(status().isOk())
			.andExpect(content().string(containsString("市场主体注册审核")))
			.andExpect(content().string(not(containsString("ENTITY_REGISTRATION<"))));
		mvc.perform(get("/service/performance").with(authentication(TestActor.cityStaff().authentication())))
			.andExpect(status().isOk());
	}
}
