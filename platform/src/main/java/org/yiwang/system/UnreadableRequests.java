package org.yiwang.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A body the container cannot parse (multipart without a boundary or cut short, a form with a broken %-escape, a file
 * name with a NUL) fails wherever its parameters are first read: in Spring Security's CSRF check, the form filter,
 * handler mapping. That exception used to reach the container as a 500, and the error page's own dispatch read the
 * parameters again and failed again. Here it becomes the 400 it is (413 past the upload limits): a problem detail for
 * the API, the error page for people, written at once because the request's parameters cannot be read any more.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UnreadableRequests extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(UnreadableRequests.class);

	private final ProblemResponses problems;

	private final MessageSource messages;

	private final ThymeleafViewResolver views;

	UnreadableRequests(ProblemResponses problems, MessageSource messages, ThymeleafViewResolver views) {
		this.problems = problems;
		this.messages = messages;
		this.views = views;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (wildcard(request.getContentType())) {
			// "*/*" names no type to read the body as; Spring's converters threw IllegalArgumentException on it (a 500)
			answer(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, messages.getMessage("problem.unsupportedMediaType",
					new Object[] { request.getContentType(), "application/json" }, Locales.of(request)));
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException e) {
			Throwable cause = unreadable(e);
			if (cause == null || response.isCommitted()) {
				throw e;
			}
			log.debug("Unreadable request body on {} {}: {}", request.getMethod(), request.getRequestURI(), cause.toString());
			HttpStatus status = tooLarge(e) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
			Locale locale = Locales.of(request);
			String detail = tooLarge(e) ? messages.getMessage("problem.uploadTooLarge", null, locale)
					: detail(messages, e, locale);
			answer(request, response, status, detail);
		}
	}

	private void answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		if (ProblemResponses.isApi(request)) {
			problems.write(request, response, ProblemDetail.forStatusAndDetail(status, detail));
		}
		else {
			page(request, response, status, detail, Locales.of(request));
		}
	}

	private static boolean wildcard(String contentType) {
		try {
			return contentType != null && MediaType.parseMediaType(contentType).isWildcardType();
		}
		catch (InvalidMediaTypeException e) {
			return false; // answered 415 further on, by the framework
		}
	}

	/** The cause that makes the request unreadable, or null when the failure is something else. */
	static Throwable unreadable(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof InvalidParameterException || cause instanceof MultipartException
					|| cause instanceof FileUploadException || cause instanceof InvalidFileNameException
					|| cause instanceof HttpMessageNotReadableException) {
				return cause;
			}
		}
		return null;
	}

	private static boolean tooLarge(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SizeException || cause instanceof MaxUploadSizeExceededException) {
				return true;
			}
		}
		return false;
	}

	/** What to tell the client: a file name it may not use, or a body that is not what its Content-Type says. */
	static String detail(MessageSource messages, Throwable e, Locale locale) {
		for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof InvalidFileNameException) {
				return messages.getMessage("problem.fileName", null, locale);
			}
		}
		return messages.getMessage("problem.malformedBody", null, locale);
	}

	private void page(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
			Locale locale) throws IOException {
		response.resetBuffer();
		response.setStatus(status.value());
		// the parameters cannot be read (each attempt throws again): the page is drawn without them
		HttpServletRequest withoutParameters = new HttpServletRequestWrapper(request) {
			@Override
			public String getParameter(String name) {
				return null;
			}

			@Override
			public Map<String, String[]> getParameterMap() {
				return Map.of();
			}

			@Override
			public java.util.Enumeration<String> getParameterNames() {
				return java.util.Collections.emptyEnumeration();
			}

			@Override
			public String[] getParameterValues(String name) {
				return null;
			}
		};
		try {
			View view = views.resolveViewName("error", locale);
			if (view != null) {
				view.render(Map.of("status", status.value(), "detail", detail), withoutParameters, response);
				return;
			}
		}
		catch (Exception e) {
			log.debug("Error page not drawn for an unreadable request", e);
			response.resetBuffer();
		}
		response.setContentType("text/html;charset=UTF-8");
		response.getOutputStream().write(("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>一网 Yiwang</title>"
				+ "</head><body><p id=\"error-detail\">" + HtmlUtils.htmlEscape(detail) + "</p><p><a href=\"/\">"
				+ HtmlUtils.htmlEscape(messages.getMessage("error.back", null, locale)) + "</a></p></body></html>")
			.getBytes(StandardCharsets.UTF_8));
	}
}
