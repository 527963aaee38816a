package org.yiwang.system;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives every template {@code #names} ({@link Names}) in the page's locale. The contributions are looked up when a
 * page is rendered, not when the template engine is made, so modules' beans need not exist before it.
 */
@Component
class NamesDialect extends AbstractDialect implements IExpressionObjectDialect {

	private final MessageSource messages;

	private final ObjectProvider<DisplayNames> names;

	NamesDialect(MessageSource messages, ObjectProvider<DisplayNames> names) {
		super("yiwang-names");
		this.messages = messages;
		this.names = names;
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of("names");
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				List<DisplayNames> all = names.orderedStream().toList();
				return new Names(messages, all, context.getLocale());
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				// one per template run: the locale is the page's
				return true;
			}
		};
	}
}
