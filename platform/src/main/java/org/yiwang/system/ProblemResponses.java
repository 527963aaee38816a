package org.yiwang.system;

import java.io.IOException;
import java.net.URI;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details from filters, where no controller advice reaches: missing or bad tokens, denied access.
 */
class ProblemResponses {

	private final MessageSource messages;

	private final JsonMapper json;

	ProblemResponses(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(messageKey, null, Locales.of(request)));
		problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(),
				Locales.of(request)));
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}
}
