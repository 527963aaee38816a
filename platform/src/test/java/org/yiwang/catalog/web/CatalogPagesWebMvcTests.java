package org.yiwang.catalog.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.yiwang.TestActor;
import org.yiwang.account.SupportAccess;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CategoryView;
import org.yiwang.catalog.NewCategory;
import org.yiwang.catalog.ProcedureFamily;
import org.yiwang.catalog.RegionView;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.system.ApiTokenAuthenticator;
import org.yiwang.system.SecurityConfiguration;

/** The catalogue's pages in the web slice: full pages, htmx fragments, and the form's own checks before the module. */
@WebMvcTest(controllers = { HomeController.class, CategoryAdminController.class })
@Import({ SecurityConfiguration.class, CatalogAccessRules.class })
// The demo clock keeps its offset in the database, which the slice has none of: the plain clock here.
@TestPropertySource(properties = "yiwang.demo=false")
class CatalogPagesWebMvcTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Catalog catalog;

	@MockitoBean
	ApiTokenAuthenticator tokens;

	/** The support-session filter is a servlet filter, which the slice loads. */
	@MockitoBean
	SupportAccess support;

	final CategoryView water = new CategoryView(CategoryCode.of("ENG_WATER"), "水利工程", "Water conservancy works",
			ProcedureFamily.TENDER, "水利部门", null, true, 2, 0);

	@BeforeEach
	void a_small_catalogue() {
		given(catalog.city()).willReturn(new RegionView(RegionCode.of("500000"), "重庆市", "Chongqing", "city", true, 0));
		given(catalog.regions()).willReturn(List.of(
				new RegionView(RegionCode.of("500000"), "重庆市", "Chongqing", "city", true, 0),
				new RegionView(RegionCode.of("500103"), "渝中区", "Yuzhong District", "district", true, 0)));
		given(catalog.enabledCategories()).willReturn(List.of(water));
		given(catalog.categories()).willReturn(List.of(water));
	}

	@Test
	void home_page_renders_regions_categories_and_the_chart_data() throws Exception {
		mvc.perform(get("/")).andExpect(status().isOk())
			.andExpect(content().string(containsString("渝中区")))
			.andExpect(content().string(containsString("data-code=\"ENG_WATER\"")))
			.andExpect(content().string(containsString("id=\"family-chart\"")));
	}

	@Test
	void the_list_is_a_page_or_a_fragment() throws Exception {
		var staff = authentication(TestActor.cityStaff().authentication());
		mvc.perform(get("/admin/categories").with(staff)).andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("v2")));
		mvc.perform(get("/admin/categories").with(staff).header("HX-Request", "true"))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("id=\"category-panel\"")));
	}

	@Test
	void invalid_input_never_reaches_the_catalogue() throws Exception {
		mvc.perform(post("/admin/categories").with(authentication(TestActor.cityStaff().authentication())).with(csrf())
				.header("HX-Request", "true").param("code", "1BAD").param("nameZh", "").param("nameEn", "ok"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"field-error\"")))
			.andExpect(content().string(not(containsString("<html"))));
		verify(catalog, never()).addCategory(any(NewCategory.class));
	}

	@Test
	void the_public_may_not_open_the_admin_pages() throws Exception {
		mvc.perform(get("/admin/categories")).andExpect(status().is3xxRedirection());
	}
}
