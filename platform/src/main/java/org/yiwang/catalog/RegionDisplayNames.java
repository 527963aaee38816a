package org.yiwang.catalog;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yiwang.kernel.RegionCode;
import org.yiwang.system.DisplayNames;

/** Pages show a region code as its name ({@code 500103} → 渝中区 / Yuzhong District). */
@Component
class RegionDisplayNames implements DisplayNames {

	private final Catalog catalog;

	RegionDisplayNames(Catalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public String kind() {
		return "region";
	}

	@Override
	public Optional<String> nameOf(String code, Locale locale) {
		if (code.isBlank()) {
			return Optional.empty();
		}
		try {
			return catalog.region(RegionCode.of(code)).map(r -> r.name(locale));
		}
		catch (IllegalArgumentException notACode) {
			return Optional.empty();
		}
	}
}
