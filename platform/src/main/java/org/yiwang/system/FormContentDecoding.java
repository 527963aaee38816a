package org.yiwang.system;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Spring's filter that reads a form body of PUT, PATCH and DELETE requests (the container reads only POST's), in place
 * of Boot's: a body with a broken %-escape made it throw IllegalArgumentException, a 500. Now that is a body that
 * cannot be read, which {@link UnreadableRequests} answers 400. Failures after the body was read are not touched.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class FormContentDecoding extends OrderedFormContentFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean[] read = { false };
		try {
			super.doFilterInternal(request, response, (in, out) -> {
				read[0] = true;
				chain.doFilter(in, out);
			});
		}
		catch (IllegalArgumentException e) {
			if (read[0]) {
				throw e;
			}
			throw new HttpMessageNotReadableException("The form body cannot be decoded", e,
					new ServletServerHttpRequest(request));
		}
	}
}
