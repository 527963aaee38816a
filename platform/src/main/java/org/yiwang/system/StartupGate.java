package org.yiwang.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web server accepts connections before the start-up work is done (reference data, platform keys, demo data,
 * the search index run as application runners after it): until the application is ready every request is answered
 * 503 with {@code Retry-After} — a problem detail for the API, a page that reloads itself for people — instead of
 * reaching code whose data is not there yet.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class StartupGate extends OncePerRequestFilter {

	static final int RETRY_SECONDS = 2;

	private final ProblemResponses problems;

	private final MessageSource messages;

	private volatile boolean open;

	StartupGate(ProblemResponses problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void ready() {
		open = true;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (open) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_SECONDS));
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "problem.starting");
			return;
		}
		String text = HtmlUtils.htmlEscape(messages.getMessage("problem.starting", null, Locales.of(request)));
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setContentType("text/html;charset=UTF-8");
		response.getOutputStream().write(("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" "
				+ "content=\"" + RETRY_SECONDS + "\"><title>一网 Yiwang</title></head><body><p id=\"starting\">" + text
				+ "</p></body></html>").getBytes(StandardCharsets.UTF_8));
	}
}
