package org.yiwang.guarantee;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.yiwang.kernel.Money;

/**
 * Interest on a cash deposit at the deposit rate: {@code principal × annualRate × days / 360}, rounded half-up to the
 * fen. Chinese banks quote the daily rate as annual rate / 360 (the People's Bank convention), so the year has 360 days;
 * days count from the day the money arrived to the day the refund is instructed.
 */
final class DepositInterest {

	private static final BigDecimal YEAR_DAYS = BigDecimal.valueOf(360);

	private DepositInterest() {
	}

	static long days(LocalDate from, LocalDate until) {
		return Math.max(0, ChronoUnit.DAYS.between(from, until));
	}

	static Money of(Money principal, BigDecimal annualRate, long days) {
		if (annualRate.signum() < 0 || annualRate.compareTo(BigDecimal.ONE) >= 0) {
			throw new IllegalArgumentException("An annual rate is a fraction in [0, 1): " + annualRate);
		}
		return Money.of(principal.yuan().multiply(annualRate).multiply(BigDecimal.valueOf(days))
			.divide(YEAR_DAYS, 2, RoundingMode.HALF_UP));
	}
}
