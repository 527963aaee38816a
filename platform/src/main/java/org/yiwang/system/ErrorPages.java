package org.yiwang.system;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the container's error dispatch shows, in place of Boot's: for an API request a problem detail (Boot answered
 * its own JSON), for a page the error page in the person's language. Asked for directly, {@code /error} is a page
 * that does not exist (404); Boot answered that with a 500, as if something had failed.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ErrorPages implements ErrorController {

	private final ProblemResponses problems;

	private final MessageSource messages;

	ErrorPages(ProblemResponses problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
	}

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = status(request);
		if (ProblemResponses.isApi(request)) {
			String key = status == HttpStatus.CONTENT_TOO_LARGE ? "problem.tooLarge" : "error." + status.value();
			problems.write(request, response, org.springframework.http.ProblemDetail.forStatusAndDetail(status,
					messages.getMessage(key, null, messages.getMessage("error.500", null, Locales.of(request)),
							Locales.of(request))));
			return null;
		}
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		return page;
	}

	private static HttpStatus status(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) {
			HttpStatus status = HttpStatus.resolve(code);
			return status != null && status.isError() ? status : HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return HttpStatus.NOT_FOUND;
	}
}
