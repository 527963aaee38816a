package org.yiwang.catalog.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CategoryView;
import org.yiwang.catalog.ProcedureFamily;

import tools.jackson.databind.json.JsonMapper;

/** The public home page: the city and its districts, and every trading category in service. */
@Controller
class HomeController {

	private final Catalog catalog;

	private final MessageSource messages;

	private final JsonMapper json;

	HomeController(Catalog catalog, MessageSource messages, JsonMapper json) {
		this.catalog = catalog;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/")
	String home(Model model, Locale locale) {
		model.addAttribute("city", catalog.city());
		model.addAttribute("regions", catalog.regions().stream().filter(r -> !r.isCity() && r.active()).toList());
		List<CategoryView> categories = catalog.enabledCategories();
		Map<ProcedureFamily, List<CategoryView>> byFamily = categories.stream()
			.collect(Collectors.groupingBy(CategoryView::family, LinkedHashMap::new, Collectors.toList()));
		model.addAttribute("categoryCount", categories.size());
		model.addAttribute("families", byFamily);
		// The chart compares the families' sizes; ECharts reads this from the page (no inline script under the CSP).
		model.addAttribute("familyChart", json.writeValueAsString(Map.of(
				"labels", byFamily.keySet().stream().map(f -> messages.getMessage("family." + f, null, locale)).toList(),
				"values", byFamily.values().stream().map(List::size).toList(),
				"title", messages.getMessage("home.chart.families", null, locale))));
		return "catalog/home";
	}
}
