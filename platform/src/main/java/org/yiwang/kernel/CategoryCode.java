package org.yiwang.kernel;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The stable code of a trading category, e.g. {@code ENG_BUILDING}; names may change, codes never do.
 */
public record CategoryCode(String value) implements java.io.Serializable {

	private static final Pattern FORM = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	public CategoryCode {
		if (value == null || !FORM.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"A category code is 2-40 upper-case letters, digits or underscores, starting with a letter; got " + value);
		}
	}

	@JsonCreator
	public static CategoryCode of(String value) {
		return new CategoryCode(value);
	}

	public static boolean isValid(String value) {
		return value != null && FORM.matcher(value).matches();
	}

	@JsonValue
	@Override
	public String toString() {
		return value;
	}
}
