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
 * The portal home as a reader who is not signed in sees it, kept for at most a second and only while the index has
 * not changed: the most visited page of the platform is then served from memory instead of being drawn again for
 * every visitor (it is the same for all of them, per language). Runs after the security filters, whose headers every
 * answer still gets; a signed-in person, any parameter (e.g. {@code ?lang=}) or any answer but 200 is never cached.
 */
class HomePageCache extends OncePerRequestFilter {

	/** Declared here rather than scanned, so that web slices without the portal do not get it. */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		HomePageCache homePageCache(Portal portal, LocaleResolver locales) {
			return new HomePageCache(portal, locales);
		}
	}

	static final long MAX_AGE_NANOS = 1_000_000_000L;

	private static final Set<String> LANGUAGES = Set.of("zh-CN", "en", "en-US");

	private record Page(byte[] body, String contentType, long indexVersion, long drawnAt) {
	}

	private final Portal portal;

	private final LocaleResolver locales;

	private final Map<String, Page> pages = new ConcurrentHashMap<>();

	HomePageCache(Portal portal, LocaleResolver locales) {
		this.portal = portal;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || request.getQueryString() != null
				|| !request.getParameterMap().isEmpty()
				|| !"/portal".equals(request.getRequestURI().substring(request.getContextPath().length()))
				|| Actors.current().isPresent();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = locales.resolveLocale(request).toLanguageTag();
		if (!LANGUAGES.contains(key)) { // only the page's languages: a made-up cookie must not fill the cache
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
			pages.put(key, new Page(drawing.getContentAsByteArray(), drawing.getContentType(), version, drawnAt));
		}
		drawing.copyBodyToResponse();
	}
}
