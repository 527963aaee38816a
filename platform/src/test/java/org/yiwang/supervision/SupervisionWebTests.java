package org.yiwang.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.Role;
import org.yiwang.registry.EntityRole;
import org.yiwang.tendering.SectionView;

/**
 * The supervision pages as a browser gets them: the workspace in both languages, a complaint filed through the form
 * (bad input flashed back naming the field), evidence downloaded by those who may, and nothing of Yuzhong's
 * complaint for a Wanzhou regulator.
 */
@PlatformTest
class SupervisionWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@TempDir
	Path dir;

	SupervisionFixture f;

	SectionView section;

	RequestPostProcessor bidder;

	RequestPostProcessor regulator;

	@BeforeEach
	void a_published_section() {
		Assumptions.assumeTrue(SupervisionFixture.opensslInstalled(), "openssl is not installed here");
		f = new SupervisionFixture(dir, context);
		f.approved("b1", EntityRole.BIDDER);
		section = f.published();
		bidder = authentication(f.member("b1", Role.BIDDER).authentication());
		regulator = authentication(f.regulator("reg", TestActor.YUZHONG, false).authentication());
	}

	private String file(String knownOn, boolean withEvidence) throws Exception {
		var request = multipart("/complaints").with(bidder).with(csrf()).param("section", section.id().toString())
			.param("ground", "OTHER").param("matter", "评标委员会成员与中标候选人存在利害关系，未回避。")
			.param("request", "责令重新评标").param("knownOn", knownOn);
		if (withEvidence) {
			request.file(new MockMultipartFile("evidence", "关系证明.pdf", "application/pdf",
					"证明材料".getBytes(StandardCharsets.UTF_8)));
		}
		return mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
	}

	@Test
	void a_complaint_filed_through_the_form_reaches_the_regulators_workspace() throws Exception {
		String today = f.bean(Complaints.class).today().toString();
		String page = file(today, true);
		assertThat(page).startsWith("/supervision/complaints/");
		mvc.perform(get(page).with(bidder)).andExpect(status().isOk())
			.andExpect(content().string(containsString("关系证明.pdf")))
			.andExpect(content().string(containsString("待受理")))
			.andExpect(content().string(not(containsString("id=\"accept\""))));
		String evidence = mvc.perform(get(page).with(regulator)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"accept\"")))
			.andReturn().getResponse().getContentAsString()
			.replaceAll("(?s).*href=\"(/supervision/evidence/[0-9a-f-]+)\".*", "$1");
		mvc.perform(get(evidence).with(regulator)).andExpect(status().isOk())
			.andExpect(content().bytes("证明材料".getBytes(StandardCharsets.UTF_8)))
			.andExpect(header().exists("X-Content-SM3"));
		mvc.perform(get("/supervision").with(regulator)).andExpect(status().isOk())
			.andExpect(content().string(containsString("住房城乡建设部门")))
			.andExpect(content().string(containsString(section.tradeCode().value())))
			.andExpect(content().string(containsString("data-chart")));
		mvc.perform(get("/supervision").with(regulator).param("lang", "en")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Supervision workspace")))
			.andExpect(content().string(containsString("Housing and urban-rural construction")));
		mvc.perform(get("/supervision/sections/" + section.id()).with(regulator)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"act-form\"")));

		// Wanzhou's regulator and a water-works regulator see nothing of it
		for (var other : new RequestPostProcessor[] {
				authentication(f.regulator("wz", TestActor.WANZHOU, false).authentication()),
				authentication(f.regulator("water", TestActor.YUZHONG, false, "ENG_WATER").authentication()) }) {
			mvc.perform(get(page).with(other)).andExpect(status().isNotFound());
			mvc.perform(get(evidence).with(other)).andExpect(status().isNotFound());
			mvc.perform(post(page + "/acceptance").with(other).with(csrf()).param("version", "0"))
				.andExpect(status().isNotFound());
			mvc.perform(get("/supervision/sections/" + section.id()).with(other)).andExpect(status().isNotFound());
		}
		// another bidder neither
		f.approved("b2", EntityRole.BIDDER);
		mvc.perform(get(page).with(authentication(f.member("b2", Role.BIDDER).authentication())))
			.andExpect(status().isNotFound());
	}

	@Test
	void bad_complaint_input_comes_back_with_a_message_naming_the_field() throws Exception {
		mvc.perform(multipart("/complaints").with(bidder).with(csrf()).param("section", section.id().toString())
				.param("ground", "OTHER").param("matter", "评标委员会成员与中标候选人存在利害关系，未回避。")
				.param("request", "责令重新评标").param("knownOn", f.bean(Complaints.class).today().toString()))
			.andExpect(status().is3xxRedirection()).andExpect(flash().attribute("refused", "supervision.evidence.required"));
		mvc.perform(multipart("/complaints").with(bidder).with(csrf()).param("section", section.id().toString())
				.param("ground", "NOT_A_GROUND").param("knownOn", "yesterday"))
			.andExpect(flash().attribute("refused", "supervision.field.ground.invalid"));
		mvc.perform(multipart("/complaints").with(bidder).with(csrf()).param("section", section.id().toString())
				.param("ground", "OTHER").param("knownOn", "2026-13-45"))
			.andExpect(flash().attribute("refused", "supervision.field.date"));
		mvc.perform(multipart("/complaints").with(bidder).with(csrf()).param("section", section.id().toString())
				.param("ground", "OTHER").param("matter", "评标委员会成员与中标候选人存在利害关系，未回避。")
				.param("request", "责令重新评标").param("knownOn", "2020-01-01")
				.file(new MockMultipartFile("evidence", "a.pdf", "application/pdf", new byte[] { 1 })))
			.andExpect(flash().attribute("refused", "supervision.complaint.late"));
		mvc.perform(get("/complaints").with(bidder).flashAttr("refused", "supervision.complaint.late")
				.flashAttr("refusedArguments", new Object[] { "2020-01-11" })).andExpect(status().isOk())
			.andExpect(content().string(containsString("已超过投诉期限（最后一日为 2020-01-11）：请核对“知道或者应当知道之日”")));
		mvc.perform(post("/supervision/acts").with(regulator).with(csrf()).param("kind", "SUSPEND_SECTION")
				.param("target", section.id().toString()).param("reason", "").param("back", "/supervision/sections/" + section.id()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", "/supervision/sections/" + section.id()))
			.andExpect(flash().attribute("refused", "supervision.act.reason"));
		// a re-evaluation order says which kind it is (a new committee or the original one), by a known name
		mvc.perform(post("/supervision/acts").with(regulator).with(csrf()).param("kind", "ORDER_RE_EVALUATION")
				.param("target", section.id().toString()).param("reason", "评标委员会组建违法"))
			.andExpect(flash().attribute("refused", "supervision.act.reevaluationKind"));
		mvc.perform(post("/supervision/acts").with(regulator).with(csrf()).param("kind", "ORDER_RE_EVALUATION")
				.param("target", section.id().toString()).param("reason", "评标委员会组建违法")
				.param("reevaluation", "BY_LOTTERY"))
			.andExpect(flash().attribute("refusedField", "reevaluation"));
		mvc.perform(post("/supervision/acts").with(regulator).with(csrf()).param("kind", "SUSPEND_SECTION")
				.param("target", "no-such").param("reason", "理由充分").param("back", "https://evil.example"))
			.andExpect(header().string("Location", "/supervision"))
			.andExpect(flash().attribute("refused", "supervision.act.target"));
	}

	@Test
	void a_prepared_act_shows_its_text_to_sign_and_downloads_it() throws Exception {
		String act = mvc.perform(post("/supervision/acts").with(regulator).with(csrf()).param("kind", "ORDER_RE_TENDER")
				.param("target", section.id().toString()).param("reason", "招标人擅自缩小招标范围")
				.param("back", "/supervision/sections/" + section.id()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(act).startsWith("/supervision/acts/");
		mvc.perform(get(act).with(regulator)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"act-content\"")))
			.andExpect(content().string(containsString("id=\"sign-form\"")))
			.andExpect(content().string(containsString("责令重新招标")));
		mvc.perform(get(act + "/text").with(regulator)).andExpect(status().isOk())
			.andExpect(content().string(containsString("招标人擅自缩小招标范围")));
		mvc.perform(get("/supervision/sections/" + section.id()).with(regulator)).andExpect(status().isOk())
			.andExpect(content().string(containsString(act)));
		mvc.perform(get("/supervision").with(regulator)).andExpect(status().isOk())
			.andExpect(content().string(containsString(act)));
		// a regulator of another region finds no such act
		mvc.perform(get(act).with(authentication(f.regulator("wz2", TestActor.WANZHOU, false).authentication())))
			.andExpect(status().isNotFound());
	}

	@Test
	void the_public_reads_published_decisions_and_staff_cannot_open_the_workspace() throws Exception {
		mvc.perform(get("/decisions")).andExpect(status().isOk())
			.andExpect(content().string(containsString("监管决定公示")));
		mvc.perform(get("/supervision").with(authentication(TestActor.cityStaff().authentication())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/supervision/acts").with(authentication(TestActor.cityStaff().authentication())).with(csrf())
				.param("kind", "SUSPEND_SECTION").param("target", section.id().toString()).param("reason", "理由"))
			.andExpect(status().isForbidden());
	}
}
