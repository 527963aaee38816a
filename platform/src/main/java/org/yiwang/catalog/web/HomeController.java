package org.yiwang.catalog.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CategoryView;
import org.yiwang.catalog.ProcedureFamily;

/** The public home page: the city and its districts, and every trading category in service. */
@Controller
class HomeController {

	private final Catalog catalog;

	HomeController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("city", catalog.city());
		model.addAttribute("regions", catalog.regions().stream().filter(r -> !r.isCity() && r.active()).toList());
		List<CategoryView> categories = catalog.enabledCategories();
		Map<ProcedureFamily, List<CategoryView>> byFamily = categories.stream()
			.collect(Collectors.groupingBy(CategoryView::family, LinkedHashMap::new, Collectors.toList()));
		model.addAttribute("categoryCount", categories.size());
		model.addAttribute("families", byFamily);
		return "catalog/home";
	}
}
