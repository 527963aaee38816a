package org.yiwang.system;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.yiwang.kernel.InputRefused;

import jakarta.validation.ConstraintViolationException;

/**
 * Every JSON API error is an RFC 9457 problem with a detail a person can act on, in the client's language, and
 * for invalid fields a list of {@code errors} naming each field.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	private final ApiProblems problems;

	ApiProblemAdvice(MessageSource messages) {
		this.messages = messages;
		// its own (stateless) instance: web slice tests load the advice without the component scan that finds ApiProblems
		this.problems = new ApiProblems(messages);
		setMessageSource(messages);
	}

	@ExceptionHandler(Refusal.class)
	ProblemDetail refused(Refusal refusal, Locale locale) {
		return problems.refused(refusal, locale);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail invalidParameter(ConstraintViolationException e, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, messages.getMessage("problem.invalid", null, locale), locale);
		problem.setProperty("errors", e.getConstraintViolations().stream()
			.map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
			.toList());
		return problem;
	}

	@ExceptionHandler(InputRefused.class)
	ProblemDetail inputRefused(InputRefused refused, Locale locale) {
		return refusedInput(null, refused, locale);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatched(MethodArgumentTypeMismatchException e, Locale locale) {
		InputRefused refused = InputParsers.refused(e);
		if (refused != null) {
			return refusedInput(e.getName(), refused, locale);
		}
		return problem(HttpStatus.BAD_REQUEST, messages.getMessage("problem.badParameter", new Object[] { e.getName() }, locale),
				locale);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail changedMeanwhile(Locale locale) {
		return problem(HttpStatus.CONFLICT, messages.getMessage("problem.changedMeanwhile", null, locale), locale);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrity(Locale locale) {
		return problem(HttpStatus.CONFLICT, messages.getMessage("problem.integrity", null, locale), locale);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, messages.getMessage("problem.invalid", null, locale), locale);
		problem.setProperty("errors", e.getBindingResult().getAllErrors().stream().map(error -> Map.of(
				"field", error instanceof FieldError field ? field.getField() : error.getObjectName(),
				"message", messages.getMessage(error, locale))).toList());
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, messages.getMessage("problem.invalid", null, locale), locale);
		problem.setProperty("errors", e.getParameterValidationResults().stream()
			.flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
					"field", String.valueOf(result.getMethodParameter().getParameterName()),
					"message", messages.getMessage(error, locale))))
			.toList());
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(problem(HttpStatus.CONTENT_TOO_LARGE, messages.getMessage("problem.uploadTooLarge", null, locale), locale));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		InputRefused refused = InputParsers.refused(e);
		if (refused != null) {
			return ResponseEntity.badRequest().body(refusedInput(fieldOf(e), refused, locale));
		}
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, messages.getMessage("problem.unreadable", null, locale), locale));
	}

	/** An input rule's reason as the detail, and as the field's message where the field is known. */
	private ProblemDetail refusedInput(String field, InputRefused refused, Locale locale) {
		String message = messages.getMessage(refused.messageKey(), refused.arguments(), refused.messageKey(), locale);
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message, locale);
		if (field != null && !field.isEmpty()) {
			problem.setProperty("errors", java.util.List.of(Map.of("field", field, "message", message)));
		}
		return problem;
	}

	/** The JSON path of the property that failed to read, e.g. {@code amount} or {@code items[0].name}. */
	private static String fieldOf(HttpMessageNotReadableException e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof tools.jackson.core.JacksonException databind && !databind.getPath().isEmpty()) {
				StringBuilder path = new StringBuilder();
				for (tools.jackson.core.JacksonException.Reference reference : databind.getPath()) {
					if (reference.getPropertyName() != null) {
						path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
					}
					else if (reference.getIndex() >= 0) {
						path.append('[').append(reference.getIndex()).append(']');
					}
				}
				return path.toString();
			}
		}
		return null;
	}

	private ProblemDetail problem(HttpStatus status, String detail, Locale locale) {
		return problems.problem(status, detail, locale);
	}
}
