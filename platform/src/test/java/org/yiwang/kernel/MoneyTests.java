package org.yiwang.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTests {

	@Test
	void keeps_two_decimals_and_compares_by_value() {
		assertThat(Money.of("80000").toString()).isEqualTo("80000.00");
		assertThat(Money.of("80000.5")).isEqualTo(Money.of("80000.50"));
		assertThat(Money.of("100.01").isAtLeast(Money.of("100"))).isTrue();
		assertThat(Money.of("99.99").isAtLeast(Money.of("100"))).isFalse();
		assertThat(Money.of("1.10").plus(Money.of("2.05"))).isEqualTo(Money.of("3.15"));
		assertThat(Money.of("1.000").toString()).as("trailing zeros are not decimals").isEqualTo("1.00");
	}

	@Test
	void refuses_more_than_two_decimals_instead_of_rounding() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("100.005")).withMessageContaining("two decimals");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of(new BigDecimal("0.001")));
		assertThat(Money.isValid("100.005")).isFalse();
	}

	@Test
	void refuses_garbage_null_huge_and_negative_where_not_allowed() {
		// thousands commas only in groups of three (docs/input-rules.md): 12,000 is twelve thousand
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("12,00"));
		assertThat(Money.of("12,000")).isEqualTo(Money.of("12000"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of((String) null));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of((BigDecimal) null));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1" + "0".repeat(18)));
		assertThat(Money.of("-5").isNegative()).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> Money.nonNegative(new BigDecimal("-0.01")));
		assertThat(Money.nonNegative(BigDecimal.ZERO)).isEqualTo(Money.ZERO);
	}
}
