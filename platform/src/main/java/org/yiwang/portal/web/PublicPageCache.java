package org.yiwang.portal.web;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.servlet.LocaleResolver;
import org.yiwang.portal.Portal;
import org.yiwang.system.Actors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's public pages as a reader who is not signed in sees them (the home, {@code /portal}, and search pages,
 * {@code /notices?...}), kept for at most a second and only while the index has not changed: the most visited pages
 * of the platform are then served from memory instead of being drawn again for every visitor (they are the same for
 * all of them, per language and parameters). Runs after the security filters, whose headers every answer still gets. A
 * signed-in person, a language switch ({@code ?lang=}), overlong parameters or any answer but 200 is never cached; at
 * most {@link #MAX_PAGES} pages are kept.
 */
class PublicPageCache extends OncePerRequestFilter {

	/** Declared here rather than scanned, so that web slices without the portal do not get it. */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		PublicPageCache publicPageCache(Portal portal, LocaleResolver locales) {
			return new PublicPageCache(portal, locales);
		}
	}

	static final long MAX_AGE_NANOS = 1_000_000_000L;

	static final int MAX_PAGES = 2_000;

	/** Longer parameters (all of them, as text) are drawn every time, never kept. */
	static final int MAX_KEY_LENGTH = 600;

	private static final Set<String> LANGUAGES = Set.of("zh-CN", "en", "en-US");

	private record Page(byte[] body, String contentType, long indexVersion, long drawnAt) {
	}

	private final Portal portal;

	private final LocaleResolver locales;

	private final Map<String, Page> pages = new ConcurrentHashMap<>();

	PublicPageCache(Portal portal, LocaleResolver locales) {
		this.portal = portal;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || Actors.current().isPresent()) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return switch (path) {
			case "/portal" -> request.getQueryString() != null || !request.getParameterMap().isEmpty();
			case "/notices" -> request.getParameter("lang") != null;
			default -> true;
		};
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = key(request);
		if (key == null) {
			chain.doFilter(request, response);
			return;
		}
		long version = portal.indexVersion();
		Page page = pages.get(key);
		if (page != null && page.indexVersion() == version && System.nanoTime() - page.drawnAt() < MAX_AGE_NANOS) {
			response.setContentType(page.contentType());
			response.setContentLength(page.body().length);
			response.getOutputStream().write(page.body());
			return;
		}
		long drawnAt = System.nanoTime();
		ContentCachingResponseWrapper drawing = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, drawing);
		if (drawing.getStatus() == HttpServletResponse.SC_OK && drawing.getContentType() != null
				&& !response.containsHeader("Set-Cookie")) {
			if (pages.size() >= MAX_PAGES) {
				pages.values().removeIf(kept -> kept.indexVersion() != version || drawnAt - kept.drawnAt() >= MAX_AGE_NANOS);
			}
			if (pages.size() < MAX_PAGES) {
				pages.put(key, new Page(drawing.getContentAsByteArray(), drawing.getContentType(), version, drawnAt));
			}
		}
		drawing.copyBodyToResponse();
	}

	/**
	 * The language, path and parameters (as decoded, in the order given, each with its length so that no two
	 * different requests share a key), or null when the page is not to be kept: a made-up language cookie or overlong
	 * parameters must not fill the cache.
	 */
	private String key(HttpServletRequest request) {
		String language = locales.resolveLocale(request).toLanguageTag();
		if (!LANGUAGES.contains(language)) {
			return null;
		}
		StringBuilder key = new StringBuilder(language).append(' ').append(request.getRequestURI());
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			for (String value : parameter.getValue()) {
				key.append(' ').append(parameter.getKey().length()).append(':').append(parameter.getKey())
					.append(value.length()).append(':').append(value);
				if (key.length() > MAX_KEY_LENGTH) {
					return null;
				}
			}
		}
		return key.toString();
	}
}
