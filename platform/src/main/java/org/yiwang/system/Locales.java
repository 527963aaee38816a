package org.yiwang.system;

import java.util.Locale;

import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Chinese first: pages speak zh-CN unless the person switched to English (cookie, {@code ?lang=en}); API clients may
 * ask for English with {@code Accept-Language}.
 */
final class Locales {

	static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

	private Locales() {
	}

	static Locale of(HttpServletRequest request) {
		if (request.getAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE) instanceof LocaleResolver resolver) {
			return resolver.resolveLocale(request);
		}
		return fromHeaders(request);
	}

	static Locale fromHeaders(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header != null && !header.isBlank() && "en".equals(request.getLocale().getLanguage())) {
			return Locale.ENGLISH;
		}
		return DEFAULT;
	}
}
