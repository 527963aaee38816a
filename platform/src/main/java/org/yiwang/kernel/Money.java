package org.yiwang.kernel;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount of money in yuan (CNY), at most two decimals. An amount with more decimals is refused, never rounded:
 * a guarantee for 100.005 yuan is a mistake to report, not a number to fix silently.
 */
public record Money(BigDecimal yuan) implements Comparable<Money>, java.io.Serializable {

	/** {@code numeric(20,2)}: 18 digits before the point. */
	private static final int MAX_INTEGER_DIGITS = 18;

	public static final Money ZERO = new Money(BigDecimal.ZERO);

	public Money {
		if (yuan == null) {
			throw new IllegalArgumentException("An amount is required");
		}
		if (yuan.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("An amount in yuan has at most two decimals; got " + yuan.toPlainString());
		}
		yuan = yuan.setScale(2);
		if (yuan.precision() - yuan.scale() > MAX_INTEGER_DIGITS) {
			throw new IllegalArgumentException("An amount has at most 18 digits before the point; got " + yuan.toPlainString());
		}
	}

	@JsonCreator
	public static Money of(BigDecimal yuan) {
		return new Money(yuan);
	}

	/** An amount as typed, by the number rule of {@link InputRules} (full-width digits read as ASCII). */
	public static Money of(String yuan) {
		return new Money(InputRules.number(yuan));
	}

	/** An amount that must not be negative (a price, a security, a payment). */
	public static Money nonNegative(BigDecimal yuan) {
		Money money = new Money(yuan);
		if (money.isNegative()) {
			throw new IllegalArgumentException("The amount may not be negative; got " + yuan.toPlainString());
		}
		return money;
	}

	/** Whether the text is an amount of yuan with at most two decimals (sign allowed). */
	public static boolean isValid(String yuan) {
		try {
			of(yuan);
			return true;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	public boolean isNegative() {
		return yuan.signum() < 0;
	}

	public boolean isAtLeast(Money other) {
		return compareTo(other) >= 0;
	}

	public Money plus(Money other) {
		return new Money(yuan.add(other.yuan));
	}

	public Money minus(Money other) {
		return new Money(yuan.subtract(other.yuan));
	}

	@Override
	public int compareTo(Money other) {
		return yuan.compareTo(other.yuan);
	}

	@JsonValue
	public BigDecimal value() {
		return yuan;
	}

	/** Plain digits with two decimals, e.g. {@code 80000.00}: the form signed and shown. */
	@Override
	public String toString() {
		return yuan.toPlainString();
	}
}
