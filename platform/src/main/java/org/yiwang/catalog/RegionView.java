package org.yiwang.catalog;

import java.util.Locale;

import org.yiwang.kernel.RegionCode;

/** A region as others see it: the city or one of its districts, counties or functional zones. */
public record RegionView(RegionCode code, String nameZh, String nameEn, String level, boolean active, long version) {

	public boolean isCity() {
		return "city".equals(level);
	}

	public String name(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
	}
}
