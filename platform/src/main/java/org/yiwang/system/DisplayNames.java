package org.yiwang.system;

import java.util.Locale;
import java.util.Optional;

/**
 * Names a person reads for the codes one module owns (a region code, a category code, an account's id), contributed by
 * that module as a bean so that pages of every module show {@code 渝中区}, never {@code 500103}, while {@code system}
 * knows no module. Templates reach them as {@code #names.of('region', code)} ({@link Names}).
 */
public interface DisplayNames {

	/** What kind of code this names: {@code region}, {@code category}, {@code account}. */
	String kind();

	/** The name of the code in that language, or empty when the code is unknown. */
	Optional<String> nameOf(String code, Locale locale);
}
