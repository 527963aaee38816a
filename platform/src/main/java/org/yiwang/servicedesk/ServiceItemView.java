package org.yiwang.servicedesk;

import java.time.Instant;
import java.util.Locale;

/** A service item of the list (事项清单): its time limit in working days and the documents it needs. */
public record ServiceItemView(String code, String nameZh, String nameEn, int timeLimitDays, String documentsZh,
		String documentsEn, boolean automatic, String revisedBy, Instant revisedAt) {

	public String name(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
	}

	public String documents(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? documentsZh : documentsEn;
	}
}
