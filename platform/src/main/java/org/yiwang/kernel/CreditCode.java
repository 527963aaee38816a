package org.yiwang.kernel;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the last a check character over the
 * first 17. Characters 3-8 are the administrative division of the registering authority.
 */
public record CreditCode(String value) implements java.io.Serializable {

	static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public CreditCode {
		Optional<String> problem = problem(value);
		if (problem.isPresent()) {
			throw new IllegalArgumentException(problem.get() + ": " + value);
		}
	}

	@JsonCreator
	public static CreditCode of(String value) {
		return new CreditCode(value);
	}

	/**
	 * What is wrong with a candidate code, as a short English reason naming the position; empty when valid.
	 * Callers map the reason to the person's language by its first word: {@code length}, {@code character},
	 * {@code division}, {@code check}.
	 */
	public static Optional<String> problem(String value) {
		if (value == null || value.length() != 18) {
			return Optional.of("length: a credit code has 18 characters");
		}
		for (int i = 0; i < 18; i++) {
			if (CHARSET.indexOf(value.charAt(i)) < 0) {
				return Optional.of("character: position " + (i + 1) + " may only be a digit or one of ABCDEFGHJKLMNPQRTUWXY");
			}
		}
		for (int i = 2; i < 8; i++) {
			if (!Character.isDigit(value.charAt(i))) {
				return Optional.of("division: characters 3-8 are the six-digit division code");
			}
		}
		if (value.charAt(17) != checkCharacter(value)) {
			return Optional.of("check: the check character should be " + checkCharacter(value));
		}
		return Optional.empty();
	}

	/** The check character the first 17 characters call for. */
	public static char checkCharacter(String value) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHARSET.indexOf(value.charAt(i)) * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return CHARSET.charAt(check == 31 ? 0 : check);
	}

	/** The six-digit division code of the registering authority. */
	public String division() {
		return value.substring(2, 8);
	}

	@JsonValue
	@Override
	public String toString() {
		return value;
	}
}
