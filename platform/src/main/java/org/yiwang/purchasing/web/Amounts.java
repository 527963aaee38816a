package org.yiwang.purchasing.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

import org.yiwang.kernel.InputRefused;
import org.yiwang.kernel.InputRules;
import org.yiwang.system.Refusal;

/** Typed numbers and times of the purchasing forms, refused next to their field when they are not numbers. */
final class Amounts {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private Amounts() {
	}

	static BigDecimal decimal(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return InputRules.number(text);
		}
		catch (InputRefused e) {
			throw Refusal.input(field, e);
		}
	}

	static Long whole(String field, String text) {
		BigDecimal number = decimal(field, text);
		if (number == null) {
			return null;
		}
		try {
			return number.longValueExact();
		}
		catch (ArithmeticException e) {
			throw Refusal.invalid(field, "purchasing.quantity.whole", text.strip());
		}
	}

	/** A {@code datetime-local} value, read as Beijing time. */
	static Instant beijing(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return InputRules.dateTime(text).atZone(CHINA).toInstant();
		}
		catch (InputRefused e) {
			throw Refusal.input(field, e);
		}
	}

	static long version(String text) {
		try {
			return Long.parseLong(text == null ? "" : text.strip());
		}
		catch (NumberFormatException e) {
			throw Refusal.invalid(null, "purchasing.version.form");
		}
	}
}
