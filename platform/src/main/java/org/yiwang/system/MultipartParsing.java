package org.yiwang.system;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A multipart POST is parsed before anything decides on it, so a body the container cannot parse (cut short after its
 * first boundary, no boundary at all) is answered 400 with its reason by {@link UnreadableRequests}, whoever sends it.
 * Before, it failed wherever a parameter was first read: a request refused at the door (a signed-in person without the
 * role, the CSRF token in its header) went to the error page, whose dispatch read the parameters again
 * (InputRulesInterceptor), failed again (a MalformedStreamException out of the servlet) and Tomcat's own English page
 * went out instead. Parsing now costs nothing extra: the CSRF check or the controller parsed the same body anyway. The
 * modules' streamed upload URLs ({@link StreamedUploadUrls}) are left alone: they read their bodies as a stream and
 * refuse a malformed one themselves.
 * <p>
 * A plain form POST ({@code application/x-www-form-urlencoded}) is read here too: one with a broken %-escape and its
 * CSRF token in a header reached the same door unread, and the error page's dispatch failed on it the same way
 * (Tomcat's English 403 page; issue 25). Reading it costs nothing extra either: the container keeps what it parsed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 25)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class MultipartParsing extends OncePerRequestFilter {

	private final List<StreamedUploadUrls> uploads;

	MultipartParsing(List<StreamedUploadUrls> uploads) {
		this.uploads = uploads;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!"POST".equals(request.getMethod()) || type == null) {
			return true;
		}
		String lower = type.toLowerCase(Locale.ROOT);
		if (lower.startsWith("application/x-www-form-urlencoded")) {
			return false;
		}
		return !lower.startsWith("multipart/form-data") || uploads.stream().anyMatch(upload -> upload.matches(path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.getParameterMap(); // parses the parts or the form, or throws what UnreadableRequests answers 400
		chain.doFilter(request, response);
	}
}
