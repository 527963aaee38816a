package org.yiwang.analytics.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.yiwang.analytics.Figure;
import org.yiwang.system.DisplayNames;

/** The names people read for a chart's points and title: districts and categories by name, never by code. */
@Component
class ChartLabels {

	private final MessageSource messages;

	private final Map<String, DisplayNames> names;

	ChartLabels(MessageSource messages, List<DisplayNames> names) {
		this.messages = messages;
		this.names = names.stream().collect(Collectors.toMap(DisplayNames::kind, Function.identity(), (a, b) -> a));
	}

	String label(Figure figure, Figure.Point point, Locale locale) {
		return switch (figure.dimension()) {
			case "category" -> named("category", point.key(), locale);
			case "region" -> named("region", point.key(), locale);
			case "procedure" -> procedure(point.key(), locale);
			case "bidders" -> messages.getMessage("analytics.bidders.label", new Object[] { point.key() }, locale);
			default -> point.key();
		};
	}

	String title(Figure figure, Locale locale) {
		return messages.getMessage("analytics.chart." + figure.key(), null, locale);
	}

	String unit(Figure figure, Locale locale) {
		return messages.getMessage("analytics.unit." + figure.unit(), null, locale);
	}

	String procedure(String code, Locale locale) {
		if (code == null || code.isEmpty()) {
			return messages.getMessage("analytics.none", null, locale);
		}
		return messages.getMessage("analytics.procedure." + code, null, code, locale);
	}

	String named(String kind, String code, Locale locale) {
		if (code == null || code.isEmpty()) {
			return messages.getMessage("analytics.none", null, locale);
		}
		DisplayNames byKind = names.get(kind);
		return byKind == null ? code : byKind.nameOf(code, locale).orElse(code);
	}

	String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
