package org.yiwang.system;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.yiwang.kernel.InputRules;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The {@link InputRules} for every JSON body the API reads, wherever the value sits: strings (names and titles by
 * their property's name, other text), amounts given as strings, and dates and instants. A broken rule fails the
 * reading; {@code ApiProblemAdvice} finds the rule's reason under it and answers with it. Only request bodies: the
 * application's own mapper (audit payloads, published records, the event registry) reads what is stored as it was
 * stored, so {@link WebConfiguration} gives this module to the HTTP message converter alone.
 */
class InputRulesModule extends SimpleModule {

	InputRulesModule() {
		super("yiwang-input-rules");
		setDeserializerModifier(new ValueDeserializerModifier() {

			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
					ValueDeserializer<?> deserializer) {
				Class<?> type = description.getBeanClass();
				if (type == String.class || type == BigDecimal.class || type == LocalDate.class
						|| type == LocalDateTime.class || type == Instant.class || type == OffsetDateTime.class
						|| type == ZonedDateTime.class) {
					return new Checked(deserializer);
				}
				return deserializer;
			}
		});
	}

	/** Reads with the usual deserializer, then applies the rule of the value's kind. */
	static final class Checked extends DelegatingDeserializer {

		Checked(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new Checked(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			if (handledType() == BigDecimal.class && parser.currentToken() == JsonToken.VALUE_STRING) {
				String text = parser.getString();
				return text.isBlank() ? _delegatee.deserialize(parser, context) : InputRules.number(text);
			}
			Object value = _delegatee.deserialize(parser, context);
			check(parser.currentName(), value);
			return value;
		}

		@Override
		public Class<?> handledType() {
			return _delegatee.handledType();
		}

		private static void check(String field, Object value) {
			if (value instanceof String text) {
				if (InputRules.isNameField(field)) {
					InputRules.name(field, text);
				}
				else {
					InputRules.text(field, text);
				}
			}
			else if (value instanceof LocalDate date) {
				InputRules.year(date.getYear());
			}
			else if (value instanceof LocalDateTime time) {
				InputRules.year(time.getYear());
			}
			else if (value instanceof Instant instant) {
				InputRules.year(instant.atOffset(ZoneOffset.UTC).getYear());
			}
			else if (value instanceof OffsetDateTime time) {
				InputRules.year(time.getYear());
			}
			else if (value instanceof ZonedDateTime time) {
				InputRules.year(time.getYear());
			}
		}
	}
}
