package org.yiwang.system;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@link ApiProblemAdvice} answers the exceptions of {@code @RestController}s; an API request can also fail before any
 * controller is chosen (no such endpoint, method or media type; a body the container cannot parse) or in an API
 * endpoint of a plain controller. Spring's defaults answered those with an empty body or the error page's JSON; this
 * answers them with the same problem details.
 */
@Component
class ApiProblemResolver implements HandlerExceptionResolver, Ordered {

	private final ApiProblemAdvice advice;

	private final ProblemResponses problems;

	ApiProblemResolver(ApiProblemAdvice advice, ProblemResponses problems) {
		this.advice = advice;
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		// after Boot's DefaultErrorAttributes (which only notes the exception), before Spring's resolvers
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception e) {
		if (!ProblemResponses.isApi(request) || response.isCommitted() || (handler instanceof HandlerMethod method
				&& AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RestController.class))) {
			return null;
		}
		try {
			ResponseEntity<Object> answer = advice.answer(e, new ServletWebRequest(request, response));
			if (answer == null || !(answer.getBody() instanceof ProblemDetail problem)) {
				return null;
			}
			answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
			problem.setStatus(answer.getStatusCode().value());
			problems.write(request, response, problem);
			return new ModelAndView();
		}
		catch (Exception unwritable) {
			return null;
		}
	}
}
