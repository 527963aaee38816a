package org.yiwang.catalog;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.system.DisplayNames;

/** Pages show a category code as its name ({@code ENG_BUILDING} → 房屋建筑和市政基础设施工程). */
@Component
class CategoryDisplayNames implements DisplayNames {

	private final Catalog catalog;

	CategoryDisplayNames(Catalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public String kind() {
		return "category";
	}

	@Override
	public Optional<String> nameOf(String code, Locale locale) {
		if (code.isBlank()) {
			return Optional.empty();
		}
		try {
			return catalog.findCategory(CategoryCode.of(code)).map(c -> c.name(locale));
		}
		catch (IllegalArgumentException notACode) {
			return Optional.empty();
		}
	}
}
