package org.yiwang.evaluation.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.system.Refusal;

/** Page actions of the pool and the draw end in a redirect; a refusal is told on the next page with all its details. */
final class ExpertPages {

	private ExpertPages() {
	}

	static void attempt(RedirectAttributes redirect, MessageSource messages, Locale locale, String savedKey,
			Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("saved", savedKey);
		}
		catch (Refusal refusal) {
			if (refusal.status().value() == 404 || refusal.status().value() == 403) {
				throw refusal;
			}
			redirect.addFlashAttribute("problem", messages.getMessage(refusal.messageKey(), refusal.arguments(),
					refusal.messageKey(), locale));
		}
	}

	static java.util.UUID uuid(String value, String notFoundKey) {
		try {
			return java.util.UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.notFound(notFoundKey);
		}
	}
}
