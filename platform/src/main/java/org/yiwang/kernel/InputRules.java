package org.yiwang.kernel;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Pattern;

/**
 * The three rules every form and API applies to what people type (docs/input-rules.md), each in one place:
 * <ul>
 * <li>numbers and amounts: full-width digits and separators (０-９ ，．－ as a Chinese input method types them) are
 * read as their ASCII forms (NFKC); what is left must be ASCII digits with an optional sign, decimal point and
 * thousands commas in groups of three. Other scripts' digits, exponents and spaces inside are refused, with the
 * accepted form in the message, never read as some number;</li>
 * <li>names and titles: no invisible format character (Unicode category Cf: bidi controls, zero-width characters,
 * the byte order mark, soft hyphens), refused with its position; other text: no bidi control, which reorders what
 * readers see (U+202E turns {@code gpj.exe} into what looks like {@code exe.jpg});</li>
 * <li>dates: years from 1900 to 2999, refused with the range otherwise (year 10000 is a typing slip).</li>
 * </ul>
 */
public final class InputRules {

	public static final int FIRST_YEAR = 1900;

	public static final int LAST_YEAR = 2999;

	private static final Pattern PLAIN = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

	private static final Pattern GROUPED = Pattern.compile("[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?");

	private InputRules() {
	}

	/** A decimal number as typed: full-width forms normalised, thousands commas dropped, anything else refused. */
	public static BigDecimal number(String text) {
		if (text == null) {
			throw new InputRefused("input.number.format", "");
		}
		String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		if (GROUPED.matcher(normal).matches()) {
			normal = normal.replace(",", "");
		}
		if (!PLAIN.matcher(normal).matches()) {
			throw new InputRefused("input.number.format", text);
		}
		return new BigDecimal(normal);
	}

	/** Refuses a name or title holding any invisible format character (Cf), naming its position (from 1). */
	public static String name(String field, String text) {
		refuse(field, text, true);
		return text;
	}

	/** Refuses other text holding a bidi control, naming its position (from 1). */
	public static String text(String field, String text) {
		refuse(field, text, false);
		return text;
	}

	/** Whether a field of this name holds a name or title (of a person, an entity, a project, a section, a listing). */
	public static boolean isNameField(String field) {
		if (field == null) {
			return false;
		}
		String f = field.toLowerCase(java.util.Locale.ROOT);
		int dot = f.lastIndexOf('.');
		f = dot < 0 ? f : f.substring(dot + 1);
		return f.endsWith("name") || f.endsWith("namezh") || f.endsWith("nameen") || f.endsWith("title")
				|| f.equals("legalrepresentative") || f.equals("representative");
	}

	/** Refuses a date whose year lies outside {@value #FIRST_YEAR}..{@value #LAST_YEAR}. */
	public static void year(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new InputRefused("input.date.year", Integer.toString(year), Integer.toString(FIRST_YEAR),
					Integer.toString(LAST_YEAR));
		}
	}

	/** An ISO date as typed ({@code 2026-12-06}; full-width digits read as ASCII) within the year range. */
	public static LocalDate date(String text) {
		LocalDate date;
		try {
			date = LocalDate.parse(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
		}
		catch (java.time.format.DateTimeParseException | NullPointerException e) {
			throw new InputRefused("input.date.format", text == null ? "" : text);
		}
		year(date.getYear());
		return date;
	}

	/** An ISO local date and time as a {@code datetime-local} field sends it ({@code 2026-12-06T09:30}). */
	public static LocalDateTime dateTime(String text) {
		LocalDateTime time;
		try {
			time = LocalDateTime.parse(Normalizer.normalize(text, Normalizer.Form.NFKC).strip());
		}
		catch (java.time.format.DateTimeParseException | NullPointerException e) {
			throw new InputRefused("input.dateTime.format", text == null ? "" : text);
		}
		year(time.getYear());
		return time;
	}

	private static void refuse(String field, String text, boolean anyFormatCharacter) {
		if (text == null) {
			return;
		}
		int position = 0;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			position++;
			if (anyFormatCharacter ? Character.getType(c) == Character.FORMAT : isBidiControl(c)) {
				String name = Character.getName(c);
				throw new InputRefused(anyFormatCharacter ? "input.name.formatCharacter" : "input.text.bidiControl",
						field == null ? "" : field, Integer.toString(position), String.format("U+%04X", c),
						name == null ? "" : name);
			}
			i += Character.charCount(c);
		}
	}

	/** The explicit directional formatting characters of Unicode's bidi algorithm (UAX #9). */
	static boolean isBidiControl(int c) {
		return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
	}
}
