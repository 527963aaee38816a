package org.yiwang.kernel;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The code of the city or one of its districts: a six-digit administrative division code (GB/T 2260), or for a
 * functional zone without one (两江新区) {@code X} and five digits, as the reference data gives it.
 */
public record RegionCode(String value) implements java.io.Serializable {

	private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}|X\\d{5}");

	public RegionCode {
		if (value == null || !SIX_DIGITS.matcher(value).matches()) {
			throw new IllegalArgumentException("A region code is six digits (e.g. 500103) or X and five digits (e.g. X50001); got " + value);
		}
	}

	@JsonCreator
	public static RegionCode of(String value) {
		return new RegionCode(value);
	}

	public static boolean isValid(String value) {
		return value != null && SIX_DIGITS.matcher(value).matches();
	}

	@JsonValue
	@Override
	public String toString() {
		return value;
	}
}
