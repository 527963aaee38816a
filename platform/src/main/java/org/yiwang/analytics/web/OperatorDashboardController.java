package org.yiwang.analytics.web;

import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.analytics.Analytics;
import org.yiwang.analytics.Audience;

/** The operator's dashboard, drill-down, downloads and staff performance: staff of the center, over their regions. */
@Controller
class OperatorDashboardController {

	private static final String BASE = "/analytics";

	private final DashboardPages pages;

	private final ChartExport export;

	private final Analytics analytics;

	OperatorDashboardController(DashboardPages pages, ChartExport export, Analytics analytics) {
		this.pages = pages;
		this.export = export;
		this.analytics = analytics;
	}

	@GetMapping(BASE)
	String dashboard(@RequestParam(required = false) String month, @RequestParam(required = false) String category,
			@RequestParam(required = false) String region, Model model, Locale locale) {
		return pages.dashboard(Audience.OPERATOR, BASE, month, category, region, model, locale);
	}

	@GetMapping(BASE + "/facts")
	String facts(@RequestParam(required = false) String month, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String category, @RequestParam(required = false) String region,
			@RequestParam(required = false) String procedure, @RequestParam(required = false) Integer bidders, Model model,
			Locale locale) {
		return pages.facts(Audience.OPERATOR, BASE, month, stage, category, region, procedure, bidders, model, locale);
	}

	@GetMapping(BASE + "/export/data.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String chart, @RequestParam(required = false) String month,
			@RequestParam(required = false) String category, @RequestParam(required = false) String region, Locale locale) {
		return export.csv(analytics.dashboard(Audience.OPERATOR, month, category, region), chart, locale);
	}

	@GetMapping(BASE + "/export/data.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String chart, @RequestParam(required = false) String month,
			@RequestParam(required = false) String category, @RequestParam(required = false) String region, Locale locale) {
		return export.xlsx(analytics.dashboard(Audience.OPERATOR, month, category, region), chart, locale);
	}

	@GetMapping(BASE + "/staff")
	String staff(@RequestParam(required = false) String month, Model model) {
		String shown = month == null || month.isBlank() ? analytics.thisMonth().toString() : month;
		model.addAttribute("month", shown);
		model.addAttribute("staff", analytics.staff(shown, false));
		model.addAttribute("experts", analytics.staff(shown, true));
		return "analytics/staff";
	}
}
