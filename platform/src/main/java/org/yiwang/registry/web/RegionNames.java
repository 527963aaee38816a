package org.yiwang.registry.web;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yiwang.catalog.Catalog;

/** Registry pages name regions, not just their codes. */
@ControllerAdvice(basePackageClasses = RegionNames.class)
class RegionNames {

	private final Catalog catalog;

	RegionNames(Catalog catalog) {
		this.catalog = catalog;
	}

	@ModelAttribute("regionNames")
	Map<String, String> regionNames(Locale locale) {
		return catalog.regions().stream().collect(Collectors.toMap(r -> r.code().value(), r -> r.name(locale)));
	}
}
