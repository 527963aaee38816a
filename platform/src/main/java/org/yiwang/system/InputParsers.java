package org.yiwang.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;

import org.springframework.beans.PropertyAccessException;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.Parser;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.yiwang.kernel.InputRefused;
import org.yiwang.kernel.InputRules;
import org.yiwang.kernel.Money;

/**
 * The {@link InputRules} for numbers, amounts and dates that pages and APIs bind from form fields and query parameters
 * (the parsers replace Spring's own, which read {@code １２３} and {@code ١٢٣} as 123 and year 10000 as a date), and a
 * form field that breaks one gets the rule's own message next to it.
 */
@ControllerAdvice
class InputParsers {

	static void register(FormatterRegistry registry) {
		registry.addParser(new Numbers());
		registry.addParser(new Amounts());
		registry.addParser(new Dates());
		registry.addParser(new DateTimes());
	}

	/**
	 * Numbers through the rule in every binder, and a binding failure turned into the rule's message on the field.
	 * The editors are needed besides the parsers: when a conversion fails, the binder falls back to its default
	 * editors, whose {@code new BigDecimal(text)} reads {@code ١٢٣} as 123.
	 */
	@InitBinder
	void explainRefusals(WebDataBinder binder) {
		binder.registerCustomEditor(BigDecimal.class, new java.beans.PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				setValue(text == null || text.isBlank() ? null : InputRules.number(text));
			}
		});
		binder.registerCustomEditor(Money.class, new java.beans.PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				setValue(text == null || text.isBlank() ? null : Money.of(InputRules.number(text)));
			}
		});
		binder.setBindingErrorProcessor(new DefaultBindingErrorProcessor() {

			@Override
			public void processPropertyAccessException(PropertyAccessException e, BindingResult result) {
				InputRefused refused = InputParsers.refused(e);
				if (refused == null) {
					super.processPropertyAccessException(e, result);
					return;
				}
				result.rejectValue(e.getPropertyName(), refused.messageKey(), refused.arguments(), refused.messageKey());
			}
		});
	}

	/** The rule that refused, somewhere under the failure, or null. */
	static InputRefused refused(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof InputRefused refused) {
				return refused;
			}
		}
		return null;
	}

	static final class Numbers implements Parser<BigDecimal> {

		@Override
		public BigDecimal parse(String text, Locale locale) {
			return InputRules.number(text);
		}
	}

	static final class Amounts implements Parser<Money> {

		@Override
		public Money parse(String text, Locale locale) {
			return Money.of(InputRules.number(text));
		}
	}

	static final class Dates implements Parser<LocalDate> {

		@Override
		public LocalDate parse(String text, Locale locale) {
			return InputRules.date(text);
		}
	}

	static final class DateTimes implements Parser<LocalDateTime> {

		@Override
		public LocalDateTime parse(String text, Locale locale) {
			return InputRules.dateTime(text);
		}
	}
}
