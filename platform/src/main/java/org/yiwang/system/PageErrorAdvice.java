package org.yiwang.system;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refused page request shows the error page with the reason and a way back, never a stack trace.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

	private final MessageSource messages;

	PageErrorAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(Refusal.class)
	ModelAndView refused(Refusal refusal, Locale locale) {
		return page(refusal.status(),
				messages.getMessage(refusal.messageKey(), refusal.arguments(), refusal.messageKey(), locale));
	}

	@ExceptionHandler(org.yiwang.kernel.InputRefused.class)
	ModelAndView inputRefused(org.yiwang.kernel.InputRefused refused, Locale locale) {
		return page(HttpStatus.BAD_REQUEST,
				messages.getMessage(refused.messageKey(), refused.arguments(), refused.messageKey(), locale));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView mismatched(MethodArgumentTypeMismatchException e, Locale locale) {
		org.yiwang.kernel.InputRefused refused = InputParsers.refused(e);
		if (refused != null) {
			return inputRefused(refused, locale);
		}
		return page(HttpStatus.BAD_REQUEST, messages.getMessage("problem.badParameter", new Object[] { e.getName() }, locale));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(Locale locale) {
		return page(HttpStatus.CONTENT_TOO_LARGE, messages.getMessage("problem.uploadTooLarge", null, locale));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ModelAndView changedMeanwhile(Locale locale) {
		return page(HttpStatus.CONFLICT, messages.getMessage("problem.changedMeanwhile", null, locale));
	}

	private static ModelAndView page(HttpStatus status, String message) {
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("detail", message);
		return page;
	}
}
