package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.kernel.CategoryCode;

/**
 * The staff template editor sets the auction kind and its settings, on the real database: bad settings come back
 * next to their field in Chinese (or English) and add no version; good ones add a version the listings take.
 */
@PlatformTest
class TemplateEditorTests {

	@Autowired
	Catalog catalog;

	@Autowired
	MockMvc mvc;

	private CategoryCode listingCategory() {
		String code = "TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		TestActor.cityStaff().call(() -> catalog.addCategory(
				new NewCategory(code, "测试挂牌品类", "Test listing category", ProcedureFamily.LISTING, "国资监管部门", null)));
		return CategoryCode.of(code);
	}

	private MockHttpServletRequestBuilder revise(CategoryCode code, int basedOn, String kind, String step, String floor,
			String window, String language) {
		return post("/admin/categories/" + code.value() + "/template").with(csrf())
			.with(authentication(TestActor.cityStaff().authentication())).param("lang", language)
			.param("procedure", "LISTING").param("listingPeriodDays", "10").param("countdownMinutes", "5")
			.param("minBids", "1").param("auction", "true").param("reason", "竞价方式调整")
			.param("basedOn", String.valueOf(basedOn)).param("auctionKind", kind).param("dutchStepSeconds", step)
			.param("dutchFloorPercent", floor).param("sealedWindowMinutes", window);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	@Test
	void the_editor_shows_the_kind_and_its_settings() throws Exception {
		String page = send(get("/admin/categories/CONFISCATED_GOODS").param("lang", "zh_CN")
			.with(authentication(TestActor.cityStaff().authentication()))).getContentAsString();
		assertThat(page).contains("name=\"auctionKind\"").contains("value=\"DUTCH\" selected")
			.contains("id=\"dutchStepSeconds\"").contains("降价拍卖：每隔多少秒降价一次");
	}

	@Test
	void bad_dutch_and_sealed_settings_are_refused_next_to_their_field_and_add_no_version() throws Exception {
		CategoryCode code = listingCategory();
		MockHttpServletResponse noStep = send(revise(code, 1, "DUTCH", "", "50", "", "zh_CN"));
		assertThat(noStep.getStatus()).isEqualTo(200);
		assertThat(noStep.getContentAsString()).contains("降价拍卖须填写降价间隔，至少 1 秒");
		MockHttpServletResponse zeroStep = send(revise(code, 1, "DUTCH", "0", "50", "", "en"));
		assertThat(zeroStep.getContentAsString()).contains("A Dutch auction needs its step interval: at least 1");
		assertThat(send(revise(code, 1, "DUTCH", "60", "0", "", "zh_CN")).getContentAsString())
			.contains("降价拍卖须填写底价比例，在 1% 至 100% 之间");
		assertThat(send(revise(code, 1, "DUTCH", "60", "101", "", "zh_CN")).getContentAsString())
			.contains("降价拍卖须填写底价比例");
		assertThat(send(revise(code, 1, "SEALED", "", "", "", "zh_CN")).getContentAsString())
			.contains("一次报价须填写报价时长");
		assertThat(send(revise(code, 1, "SEALED", "", "", "-3", "zh_CN")).getContentAsString())
			.contains("一次报价须填写报价时长");
		MockHttpServletResponse notAKind = send(revise(code, 1, "VICKREY", "", "", "", "zh_CN"));
		assertThat(notAKind.getStatus()).isEqualTo(200);
		assertThat(notAKind.getContentAsString()).contains("格式不正确");
		assertThat(catalog.currentTemplate(code).version()).isEqualTo(1);
	}

	@Test
	void good_settings_add_a_version_with_the_kind_and_an_english_auction_drops_the_others() throws Exception {
		CategoryCode code = listingCategory();
		assertThat(send(revise(code, 1, "DUTCH", "1", "100", "30", "zh_CN")).getRedirectedUrl())
			.isEqualTo("/admin/categories/" + code.value());
		ProcedureTemplate dutch = catalog.currentTemplate(code);
		assertThat(dutch).extracting(ProcedureTemplate::version, ProcedureTemplate::auctionKind,
				ProcedureTemplate::dutchStepSeconds, ProcedureTemplate::dutchFloorPercent,
				ProcedureTemplate::sealedWindowMinutes)
			.containsExactly(2, AuctionKind.DUTCH, 1, 100, null);
		send(revise(code, 2, "SEALED", "1", "100", "45", "zh_CN"));
		assertThat(catalog.currentTemplate(code)).extracting(ProcedureTemplate::auctionKind,
				ProcedureTemplate::dutchStepSeconds, ProcedureTemplate::sealedWindowMinutes)
			.containsExactly(AuctionKind.SEALED, null, 45);
		send(revise(code, 3, "ENGLISH", "0", "", "-1", "zh_CN"));
		assertThat(catalog.currentTemplate(code)).extracting(ProcedureTemplate::version, ProcedureTemplate::auctionKind,
				ProcedureTemplate::dutchStepSeconds, ProcedureTemplate::dutchFloorPercent,
				ProcedureTemplate::sealedWindowMinutes)
			.containsExactly(4, AuctionKind.ENGLISH, null, null, null);
		assertThat(catalog.template(code, 2).auctionKind()).as("versions stay as they were").isEqualTo(AuctionKind.DUTCH);
	}
}
