package org.yiwang.system;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

/**
 * The {@code #names} object of every page (see {@link NamesDialect}): one way to show a code as a name in the page's
 * language. An enum constant reads its message {@code enum.<Type>.<CONSTANT>}; a region, category or account code asks
 * the module that owns it ({@link DisplayNames}). An unknown code shows as it is, so the role tour finds it.
 */
public final class Names {

	private final MessageSource messages;

	private final Map<String, DisplayNames> byKind;

	private final Locale locale;

	private final Map<String, String> known = new HashMap<>();

	Names(MessageSource messages, List<DisplayNames> names, Locale locale) {
		this.messages = messages;
		this.byKind = names.stream().collect(Collectors.toMap(DisplayNames::kind, Function.identity(), (a, b) -> a));
		this.locale = locale;
	}

	/** An enum constant's name: the message {@code enum.<Type>.<CONSTANT>}, or the constant when it has none. */
	public String of(Enum<?> value) {
		if (value == null) {
			return "";
		}
		return messages.getMessage(key(value), null, value.name(), locale);
	}

	/** The names of several enum constants, joined by the language's list separator. */
	public String all(Iterable<? extends Enum<?>> values) {
		StringBuilder joined = new StringBuilder();
		if (values != null) {
			for (Enum<?> value : values) {
				joined.append(joined.isEmpty() ? "" : separator()).append(of(value));
			}
		}
		return joined.toString();
	}

	/**
	 * A code's name by the module owning its kind ({@code region}, {@code category}, {@code account}); for a kind no
	 * module names, an enum constant kept as text: {@code #names.of('EvaluationMethod', 'WEIGHTED_SCORING')} reads
	 * {@code enum.EvaluationMethod.WEIGHTED_SCORING}.
	 */
	public String of(String kind, Object code) {
		if (code == null) {
			return "";
		}
		String text = code instanceof Enum<?> e ? e.name() : String.valueOf(code);
		// one page names the same district in every row: ask the owning module once per page
		return known.computeIfAbsent(kind + " " + text, k -> {
			DisplayNames names = byKind.get(kind);
			if (names == null) {
				// no module names this kind: an enum's constant kept as text, named by enum.<kind>.<CONSTANT>
				return messages.getMessage("enum." + kind + "." + text, null, text, locale);
			}
			return names.nameOf(text, locale).orElse(text);
		});
	}

	public String region(Object code) {
		return of("region", code);
	}

	/** Several regions' names, joined by the language's list separator. */
	public String regions(Iterable<?> codes) {
		StringBuilder joined = new StringBuilder();
		if (codes != null) {
			for (Object code : codes) {
				joined.append(joined.isEmpty() ? "" : separator()).append(region(code));
			}
		}
		return joined.toString();
	}

	/** Several categories' names, joined by the language's list separator. */
	public String categories(Iterable<?> codes) {
		StringBuilder joined = new StringBuilder();
		if (codes != null) {
			for (Object code : codes) {
				joined.append(joined.isEmpty() ? "" : separator()).append(category(code));
			}
		}
		return joined.toString();
	}

	private String separator() {
		return "zh".equals(locale.getLanguage()) ? "、" : ", ";
	}

	public String category(Object code) {
		return of("category", code);
	}

	public String account(Object id) {
		return of("account", id);
	}

	static String key(Enum<?> value) {
		return "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
	}
}
