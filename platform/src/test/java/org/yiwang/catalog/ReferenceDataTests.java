package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class ReferenceDataTests {

	@Test
	void chongqing_has_its_municipal_center_and_forty_districts_counties_and_zones() {
		var regions = ReferenceData.regions("chongqing");
		assertThat(regions).hasSize(41);
		assertThat(regions).filteredOn(r -> r.level().equals("city")).singleElement()
			.satisfies(city -> assertThat(city.code()).isEqualTo("500000"));
		assertThat(regions).extracting(ReferenceRegion::code).contains("500103", "X50001").doesNotHaveDuplicates();
	}

	@Test
	void shenzhen_is_selectable() {
		var regions = ReferenceData.regions("shenzhen");
		assertThat(regions).hasSize(12);
		assertThat(regions).extracting(ReferenceRegion::nameEn).contains("Bao'an District");
	}

	@Test
	void an_unknown_city_is_refused_with_the_choices() {
		assertThatIllegalStateException().isThrownBy(() -> ReferenceData.regions("atlantis"))
			.withMessageContaining("chongqing, shenzhen");
	}

	@Test
	void the_catalogue_has_thirty_five_categories_with_family_and_supervisor() {
		var categories = ReferenceData.categories();
		assertThat(categories).hasSize(35);
		assertThat(categories).extracting(NewCategory::code).doesNotHaveDuplicates().contains("ENG_BUILDING", "LAND_TICKET");
		assertThat(categories).filteredOn(c -> c.code().equals("CENTRAL_SOE_ASSET")).singleElement()
			.satisfies(c -> assertThat(c.note()).isEqualTo("'full licence' business"));
		assertThat(categories).allSatisfy(c -> assertThat(c.family()).isNotNull());
	}
}
