package org.yiwang.system;

import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Pages bind to plain form beans and hand the module a command; this puts the command's constraint violations and
 * the module's refusals next to the form's fields, in the person's language.
 */
public final class Forms {

	private Forms() {
	}

	/** Validates the command; each violation becomes an error on the form field of the same name. */
	public static <T> boolean valid(Validator validator, T command, BindingResult form) {
		for (ConstraintViolation<T> violation : validator.validate(command)) {
			String field = violation.getPropertyPath().toString().replaceAll("\\[.*\\]|<.*>", "");
			reject(form, field, violation.getMessage());
		}
		return !form.hasErrors();
	}

	/** Shows a refusal next to its field, or above the form when it names none. */
	public static void reject(BindingResult form, Refusal refusal) {
		String field = refusal.field();
		if (field != null && form.getTarget() != null
				&& org.springframework.beans.BeanUtils.getPropertyDescriptor(form.getTarget().getClass(), field) != null) {
			form.rejectValue(field, refusal.messageKey(), refusal.arguments(), refusal.messageKey());
		}
		else {
			form.reject(refusal.messageKey(), refusal.arguments(), refusal.messageKey());
		}
	}

	private static void reject(BindingResult form, String field, String message) {
		if (!field.isEmpty() && form.getTarget() != null
				&& org.springframework.beans.BeanUtils.getPropertyDescriptor(form.getTarget().getClass(), field) != null) {
			form.rejectValue(field, "invalid", message);
		}
		else {
			form.reject("invalid", message);
		}
	}

	/**
	 * Runs a page action that ends in a redirect: on success the next page says {@code savedKey}; a refusal it can
	 * explain (bad input, a conflict) is shown there instead. Not found and forbidden go to the error page.
	 */
	public static void attempt(RedirectAttributes redirect, String savedKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("saved", savedKey);
		}
		catch (Refusal refusal) {
			explain(redirect, refusal);
		}
	}

	/** Puts a refusal on the next page; not found and forbidden go to the error page instead. */
	public static void explain(RedirectAttributes redirect, Refusal refusal) {
		if (refusal.status().value() == 404 || refusal.status().value() == 403) {
			throw refusal;
		}
		redirect.addFlashAttribute("refused", refusal.messageKey());
		redirect.addFlashAttribute("refusedArguments", refusal.arguments());
		if (refusal.field() != null) {
			// the next page marks the field the refusal names (class invalid, aria-invalid)
			redirect.addFlashAttribute("refusedField", refusal.field());
		}
	}

	/** htmx asks for the fragment; a plain request gets the whole page. */
	public static boolean isFragmentRequest(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"));
	}
}
