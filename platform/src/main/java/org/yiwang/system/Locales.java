package org.yiwang.system;

import java.util.Locale;

import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Chinese first: pages speak zh-CN unless the person switched to English (cookie, {@code ?lang=en}); API clients may
 * ask for English with {@code Accept-Language}.
 */
final class Locales {

	static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

	/** The cookie that keeps a person's choice of language. */
	static final String LANGUAGE_COOKIE = "yiwang-lang";

	private Locales() {
	}

	static Locale of(HttpServletRequest request) {
		if (request.getAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE) instanceof LocaleResolver resolver) {
			return resolver.resolveLocale(request);
		}
		return fromHeaders(request);
	}

	/**
	 * Outside Spring MVC (a filter's answer): the language the person chose (the cookie {@code ?lang=} sets, see
	 * {@code WebConfiguration}), else English when the browser or client asks for it, else Chinese.
	 */
	static Locale fromHeaders(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (LANGUAGE_COOKIE.equals(cookie.getName()) && cookie.getValue() != null) {
					return cookie.getValue().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : DEFAULT;
				}
			}
		}
		String header = request.getHeader("Accept-Language");
		if (header != null && !header.isBlank() && "en".equals(request.getLocale().getLanguage())) {
			return Locale.ENGLISH;
		}
		return DEFAULT;
	}
}
