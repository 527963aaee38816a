package org.yiwang.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The search page's links keep what the reader typed, change one parameter, and start a new filter on page 1. */
class SearchPageLinksTests {

	@Test
	void a_facet_link_replaces_its_parameter_keeps_the_others_as_typed_and_drops_the_page() {
		var links = new SearchPage.Links("/notices", "q=%E9%81%93%E8%B7%AF&region=500103&page=3&min=1%2C000&sort=NEWEST");
		assertThat(links.with("region", "500000")).isEqualTo("/notices?q=%E9%81%93%E8%B7%AF&min=1%2C000&sort=NEWEST&region=500000");
		assertThat(links.without("region")).isEqualTo("/notices?q=%E9%81%93%E8%B7%AF&min=1%2C000&sort=NEWEST");
		assertThat(links.with("page", "4")).isEqualTo("/notices?q=%E9%81%93%E8%B7%AF&region=500103&min=1%2C000&sort=NEWEST&page=4");
		assertThat(links.record("abc")).isEqualTo("/notices/abc");
	}

	@Test
	void values_are_encoded_and_odd_query_strings_give_plain_links() {
		assertThat(new SearchPage.Links("/ctx/notices", null).with("category", "A&B =中"))
			.isEqualTo("/ctx/notices?category=A%26B%20%3D%E4%B8%AD");
		assertThat(new SearchPage.Links("/notices", "&&page&q=").without("type")).isEqualTo("/notices?q=");
		assertThat(new SearchPage.Links("/notices", "").with("type", "TENDER")).isEqualTo("/notices?type=TENDER");
	}
}
