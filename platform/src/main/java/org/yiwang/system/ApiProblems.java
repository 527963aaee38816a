package org.yiwang.system;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The RFC 9457 problems JSON APIs answer with: a title for the status and a detail a person can act on, in the
 * client's language, and for an invalid field an {@code errors} list naming it. {@link ApiProblemAdvice} answers every
 * API's exceptions with them; a hot endpoint whose refusals are its common answer (a bid overtaken in a contested
 * auction) may answer a {@link Refusal} itself and skip the exception resolvers' walk.
 */
@Component
public class ApiProblems {

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	/** The problem a refusal answers with. */
	public ProblemDetail refused(Refusal refusal, Locale locale) {
		ProblemDetail problem = problem(refusal.status(),
				messages.getMessage(refusal.messageKey(), refusal.arguments(), refusal.messageKey(), locale), locale);
		if (refusal.field() != null) {
			problem.setProperty("errors", List.of(Map.of("field", refusal.field(), "message", problem.getDetail())));
		}
		return problem;
	}

	ProblemDetail problem(HttpStatus status, String detail, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
		return problem;
	}
}
