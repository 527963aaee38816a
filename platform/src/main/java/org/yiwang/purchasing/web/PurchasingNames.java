package org.yiwang.purchasing.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yiwang.catalog.Catalog;

/** The purchasing pages show categories and regions by name, in the reader's language, never by code. */
@ControllerAdvice(assignableTypes = { CataloguePagesController.class, RoundPagesController.class,
		OrderPagesController.class })
class PurchasingNames {

	private final Catalog catalog;

	PurchasingNames(Catalog catalog) {
		this.catalog = catalog;
	}

	@ModelAttribute("categoryNames")
	Map<String, String> categoryNames(Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		catalog.categories().forEach(c -> names.put(c.code().value(), c.name(locale)));
		return names;
	}

	@ModelAttribute("regionNames")
	Map<String, String> regionNames(Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		catalog.regions().forEach(r -> names.put(r.code().value(), r.name(locale)));
		return names;
	}
}
