package org.yiwang.catalog;

import java.util.Locale;

import org.yiwang.kernel.CategoryCode;

/** A trading category as others see it, with the version of its procedure template now in force. */
public record CategoryView(CategoryCode code, String nameZh, String nameEn, ProcedureFamily family, String supervisorZh,
		String note, boolean enabled, int templateVersion, long version) {

	public String name(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
	}
}
