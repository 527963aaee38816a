package org.yiwang.catalog.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.catalog.CalendarYear;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CategoryName;
import org.yiwang.catalog.CategoryView;
import org.yiwang.catalog.NewCategory;
import org.yiwang.catalog.ProcedureTemplate;
import org.yiwang.catalog.RegionView;
import org.yiwang.catalog.TemplateRevision;
import org.yiwang.catalog.WorkingCalendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The catalogue as JSON: public to read, city-wide staff to change. */
@RestController
@RequestMapping("/api")
@Tag(name = "catalog", description = "Regions, trading categories, procedure templates and the working calendar")
class CatalogApi {

	private final Catalog catalog;

	private final WorkingCalendar calendar;

	CatalogApi(Catalog catalog, WorkingCalendar calendar) {
		this.catalog = catalog;
		this.calendar = calendar;
	}

	@GetMapping("/calendar/{year}")
	@Operation(summary = "One year of the working calendar: its holidays and make-up workdays, whether the year has a "
			+ "holiday schedule at all (without one only weekends are skipped), and its number of working days")
	CalendarYear calendar(@PathVariable int year) {
		return calendar.year(year);
	}

	@GetMapping("/regions")
	@Operation(summary = "The city and its districts")
	List<RegionView> regions() {
		return catalog.regions();
	}

	@GetMapping("/categories")
	@Operation(summary = "Every trading category, enabled or not")
	List<CategoryView> categories() {
		return catalog.categories();
	}

	@GetMapping("/categories/{code}")
	CategoryView category(@PathVariable String code) {
		return catalog.category(CategoryAdminController.parse(code));
	}

	@GetMapping("/categories/{code}/templates")
	@Operation(summary = "Every version of a category's procedure template, newest first")
	List<ProcedureTemplate> templates(@PathVariable String code) {
		return catalog.templateHistory(CategoryAdminController.parse(code));
	}

	@GetMapping("/categories/{code}/templates/{version}")
	ProcedureTemplate template(@PathVariable String code, @PathVariable int version) {
		return catalog.template(CategoryAdminController.parse(code), version);
	}

	@PostMapping("/categories")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a category (city-wide staff)")
	CategoryView add(@Valid @RequestBody NewCategory category) {
		return catalog.addCategory(category);
	}

	@PutMapping("/categories/{code}/name")
	CategoryView rename(@PathVariable String code, @Valid @RequestBody CategoryName name) {
		return catalog.renameCategory(CategoryAdminController.parse(code), name);
	}

	record Enabled(boolean enabled) {
	}

	@PutMapping("/categories/{code}/enabled")
	CategoryView setEnabled(@PathVariable String code, @RequestBody Enabled enabled) {
		return catalog.setCategoryEnabled(CategoryAdminController.parse(code), enabled.enabled());
	}

	@PostMapping("/categories/{code}/templates")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Revise a category's procedure template (city-wide staff); adds a version")
	ProcedureTemplate revise(@PathVariable String code, @Valid @RequestBody TemplateRevision revision) {
		return catalog.reviseTemplate(CategoryAdminController.parse(code), revision);
	}
}
