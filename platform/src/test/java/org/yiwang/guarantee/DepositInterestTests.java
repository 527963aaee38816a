package org.yiwang.guarantee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.yiwang.kernel.Money;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Interest on a refunded deposit: principal × annual rate × days / 360, half-up to the fen. */
class DepositInterestTests {

	private static final BigDecimal RATE = new BigDecimal("0.0035");

	@Test
	void fifty_thousand_yuan_for_thirty_six_days_at_the_demand_rate_earns_seventeen_yuan_fifty() {
		assertThat(DepositInterest.of(Money.of("50000.00"), RATE, 36)).isEqualTo(Money.of("17.50"));
		assertThat(DepositInterest.of(Money.of("80000.00"), RATE, 365)).as("a calendar year is 365/360 of the rate")
			.isEqualTo(Money.of("283.89"));
		assertThat(DepositInterest.of(Money.of("1.00"), RATE, 1)).isEqualTo(Money.ZERO);
	}

	@Test
	void days_count_from_the_arrival_day_and_never_run_backwards() {
		assertThat(DepositInterest.days(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1))).isEqualTo(28);
		assertThat(DepositInterest.days(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1))).isZero();
	}

	@Test
	void a_rate_outside_zero_to_one_is_refused() {
		assertThatThrownBy(() -> DepositInterest.of(Money.of("1"), new BigDecimal("-0.01"), 1))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> DepositInterest.of(Money.of("1"), BigDecimal.ONE, 1))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Property
	void interest_is_the_exact_product_rounded_to_the_fen_and_grows_with_the_days(
			@ForAll @LongRange(min = 1, max = 10_000_000_000L) long fen, @ForAll @IntRange(min = 0, max = 3650) int days) {
		Money principal = Money.of(BigDecimal.valueOf(fen, 2));
		Money interest = DepositInterest.of(principal, RATE, days);
		BigDecimal exact = principal.yuan().multiply(RATE).multiply(BigDecimal.valueOf(days))
			.divide(BigDecimal.valueOf(360), 10, RoundingMode.HALF_UP);
		assertThat(interest.yuan().subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
		assertThat(interest.yuan().scale()).isLessThanOrEqualTo(2);
		assertThat(DepositInterest.of(principal, RATE, days + 1).isAtLeast(interest)).isTrue();
	}
}
