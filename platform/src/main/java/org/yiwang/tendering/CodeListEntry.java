package org.yiwang.tendering;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An entry of a code list the registration asks from ({@link IndustryDivision}, {@link FundingSource}, {@link TenderType}). */
public interface CodeListEntry {

	/** The code: the enum constant's name. */
	String name();

	String nameZh();

	String nameEn();

	default String code() {
		return name();
	}

	default String name(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? nameZh() : nameEn();
	}

	/** The entry of {@code list} with exactly this code (surrounding blanks aside); empty for any other text. */
	static <E extends Enum<E> & CodeListEntry> Optional<E> of(Class<E> list, String code) {
		return code == null ? Optional.empty()
				: Arrays.stream(list.getEnumConstants()).filter(e -> e.name().equals(code.strip())).findFirst();
	}
}
