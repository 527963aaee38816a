package org.yiwang.kernel;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A unified transaction identifier (统一交易标识码) naming one section, lot or listing across every system that
 * handles it. Rule accepted here: 10 to 40 characters, upper-case letters A-Z, digits 0-9 and '-', starting and
 * ending with a letter or digit, e.g. {@code CQ-500103-2026-00017-01}. No lower case and no spaces, so a code
 * compares byte for byte wherever it travels (a signed guarantee letter names it).
 */
public record TradeCode(String value) implements java.io.Serializable {

	private static final Pattern FORM = Pattern.compile("[A-Z0-9][A-Z0-9-]{8,38}[A-Z0-9]");

	public TradeCode {
		if (!isValid(value)) {
			throw new IllegalArgumentException(
					"A trade code is 10-40 upper-case letters, digits or '-', starting and ending with a letter or digit; got "
							+ value);
		}
	}

	@JsonCreator
	public static TradeCode of(String value) {
		return new TradeCode(value);
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
