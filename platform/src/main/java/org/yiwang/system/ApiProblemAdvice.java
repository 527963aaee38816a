package org.yiwang.system;

import java.util.Locale;
import java.util.Map;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.yiwang.kernel.InputRefused;
import org.springframework.web.servlet.resource.NoResourceFoundException;

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

	/**
	 * The framework's own problems (no such endpoint, method, media type; a missing parameter) get a title and a detail
	 * in the client's language that say what to send instead.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			Locale locale = LocaleContextHolder.getLocale();
			problem.setTitle(messages.getMessage("problem.title." + status.value(), null,
					HttpStatus.valueOf(status.value()).getReasonPhrase(), locale));
			problem.setDetail(detail(e, status, locale, problem.getDetail()));
		}
		return super.handleExceptionInternal(e, body, headers, status, request);
	}

	private String detail(Exception e, HttpStatusCode status, Locale locale, String fallback) {
		if (e instanceof HttpRequestMethodNotSupportedException m) {
			return messages.getMessage("problem.methodNotAllowed", new Object[] { m.getMethod(),
					m.getSupportedMethods() == null ? "-" : String.join(", ", m.getSupportedMethods()) }, locale);
		}
		if (e instanceof HttpMediaTypeNotSupportedException m) {
			return messages.getMessage("problem.unsupportedMediaType",
					new Object[] { m.getContentType() == null ? "-" : m.getContentType().toString(),
							MediaType.toString(m.getSupportedMediaTypes()) }, locale);
		}
		if (e instanceof HttpMediaTypeNotAcceptableException) {
			return messages.getMessage("problem.notAcceptable", null, locale);
		}
		if (e instanceof MissingServletRequestParameterException m) {
			return messages.getMessage("problem.missingParameter", new Object[] { m.getParameterName() }, locale);
		}
		if (e instanceof MissingServletRequestPartException m) {
			return messages.getMessage("problem.missingPart", new Object[] { m.getRequestPartName() }, locale);
		}
		if (e instanceof MissingRequestHeaderException m) {
			return messages.getMessage("problem.missingHeader", new Object[] { m.getHeaderName() }, locale);
		}
		if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
			return messages.getMessage("problem.noSuchEndpoint", null, locale);
		}
		if (e instanceof TypeMismatchException m && status.value() == 400) {
			return messages.getMessage("problem.badParameter", new Object[] { m.getPropertyName() }, locale);
		}
		return messages.getMessage("error." + status.value(), null,
				fallback != null ? fallback : messages.getMessage("error.400", null, locale), locale);
	}

	/**
	 * The answer to an API request's exception that no {@code @RestController} advice saw: one thrown before a
	 * controller was chosen (no such endpoint or method, a body the container cannot parse) or by an API endpoint of a
	 * plain controller; null when this is not a problem of the request (a fault, answered 500 by the error dispatch).
	 */
	ResponseEntity<Object> answer(Exception e, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		if (e instanceof Refusal refusal) {
			return ResponseEntity.status(refusal.status()).body(refused(refusal, locale));
		}
		if (e instanceof InputRefused refused) {
			return ResponseEntity.badRequest().body(refusedInput(null, refused, locale));
		}
		if (e instanceof ConstraintViolationException violation) {
			return ResponseEntity.badRequest().body(invalidParameter(violation, locale));
		}
		if (e instanceof MethodArgumentTypeMismatchException mismatch) {
			return ResponseEntity.badRequest().body(mismatched(mismatch, locale));
		}
		if (e instanceof OptimisticLockingFailureException) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(changedMeanwhile(locale));
		}
		if (e instanceof DataIntegrityViolationException) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(integrity(locale));
		}
		if (UnreadableRequests.unreadable(e) != null) {
			return ResponseEntity.badRequest()
				.body(problem(HttpStatus.BAD_REQUEST, UnreadableRequests.detail(messages, e, locale), locale));
		}
		try {
			return handleException(e, request);
		}
		catch (Exception notTheFrameworks) {
			return null;
		}
	}

	private ProblemDetail problem(HttpStatus status, String detail, Locale locale) {
		return problems.problem(status, detail, locale);
	}
}
