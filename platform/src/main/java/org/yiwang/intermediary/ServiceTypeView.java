package org.yiwang.intermediary;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A service type of the maintained catalogue: the registry qualification type it requires, and the fee ceiling above
 * which a request must go to a tender.
 */
public record ServiceTypeView(String code, String nameZh, String nameEn, String qualification,
		BigDecimal tenderThreshold) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}
}
