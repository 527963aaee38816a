package org.yiwang.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details where no controller advice reaches: filters (missing or bad tokens, denied access,
 * bodies too large or unreadable), the error dispatch and requests no controller matched.
 */
class ProblemResponses {

	private final MessageSource messages;

	private final JsonMapper json;

	ProblemResponses(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	/** Whether the request (or, in an error dispatch, the request that failed) is one of the JSON API's. */
	static boolean isApi(HttpServletRequest request) {
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = failed instanceof String original ? original : request.getRequestURI();
		return uri.startsWith(request.getContextPath() + "/api/");
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey,
			Object... arguments) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(messageKey, arguments, Locales.of(request)));
		write(request, response, problem);
	}

	/** Writes the problem with its status, a title in the client's language when it has none, and its properties. */
	void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
		HttpStatus status = HttpStatus.valueOf(problem.getStatus());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
		body.put("title", problem.getTitle() != null ? problem.getTitle()
				: messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), Locales.of(request)));
		body.put("status", status.value());
		body.put("detail", problem.getDetail());
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		body.put("instance", problem.getInstance() != null ? problem.getInstance().toString()
				: failed instanceof String original ? original : request.getRequestURI());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		response.resetBuffer();
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), body);
	}
}
