package org.yiwang.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TradeCodeTests {

	@Test
	void accepts_upper_case_letters_digits_and_dashes_of_10_to_40_characters() {
		assertThat(TradeCode.of("CQ-500103-2026-00017-01").value()).isEqualTo("CQ-500103-2026-00017-01");
		assertThat(TradeCode.isValid("A123456789")).isTrue();
		assertThat(TradeCode.isValid("A".repeat(40))).isTrue();
	}

	@Test
	void refuses_lower_case_spaces_other_signs_wrong_length_and_dashes_at_the_ends() {
		for (String bad : new String[] { "cq-500103-2026", "CQ 500103 2026", "CQ_500103_2026", "A12345678", "A".repeat(41),
				"-CQ5001032026", "CQ5001032026-", "标段CQ5001032026", "" }) {
			assertThat(TradeCode.isValid(bad)).as(bad).isFalse();
			assertThatIllegalArgumentException().isThrownBy(() -> TradeCode.of(bad));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> TradeCode.of(null));
	}
}
