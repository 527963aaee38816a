package org.yiwang.system;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a form or JSON body larger than {@code yiwang.http.max-body} (default 2 MB: room for a 1 MB file sent as
 * base64 JSON) before anything reads it: 413 with a problem detail for the API, the error page for forms. File
 * uploads are multipart and bounded by {@code spring.servlet.multipart.*}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RequestSizeLimit extends OncePerRequestFilter {

	private final long maxBody;

	private final ProblemResponses problems;

	RequestSizeLimit(@Value("${yiwang.http.max-body:2097152}") long maxBody, ProblemResponses problems) {
		this.maxBody = maxBody;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
		if (!multipart && request.getContentLengthLong() > maxBody) {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "problem.tooLarge");
			}
			else {
				response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			}
			return;
		}
		chain.doFilter(request, response);
	}
}
