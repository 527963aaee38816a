package org.yiwang.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RegionScopeTests {

	@Test
	void the_empty_scope_covers_nothing() {
		assertThat(RegionScope.none().covers(RegionCode.of("500103"))).isFalse();
		assertThat(RegionScope.none().isEmpty()).isTrue();
		assertThat(RegionScope.none().regionList()).isEmpty();
	}

	@Test
	void the_whole_city_covers_every_region() {
		assertThat(RegionScope.wholeCity().covers(RegionCode.of("500103"))).isTrue();
		assertThat(RegionScope.wholeCity().covers(RegionCode.of("X50001"))).isTrue();
	}

	@Test
	void a_district_scope_covers_only_its_districts() {
		RegionScope scope = RegionScope.of(RegionCode.of("500103"), RegionCode.of("500101"));
		assertThat(scope.covers(RegionCode.of("500103"))).isTrue();
		assertThat(scope.covers(RegionCode.of("500104"))).isFalse();
		assertThat(scope.regionList()).isEqualTo("500101,500103");
	}

	@Test
	void region_codes_are_division_codes_or_zone_codes() {
		assertThat(RegionCode.isValid("500103")).isTrue();
		assertThat(RegionCode.isValid("X44001")).isTrue();
		assertThat(RegionCode.isValid("50010")).isFalse();
		assertThat(RegionCode.isValid("500103,500104")).isFalse();
		assertThat(RegionCode.isValid("' or 1=1")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> RegionCode.of("5001O3")).withMessageContaining("six digits");
	}

	@Test
	void category_codes_are_upper_case_identifiers() {
		assertThat(CategoryCode.isValid("ENG_BUILDING")).isTrue();
		assertThat(CategoryCode.isValid("eng_building")).isFalse();
		assertThat(CategoryCode.isValid("E")).isFalse();
		assertThat(CategoryCode.isValid("A".repeat(41))).isFalse();
	}
}
