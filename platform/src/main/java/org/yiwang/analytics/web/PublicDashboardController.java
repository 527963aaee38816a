package org.yiwang.analytics.web;

import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.analytics.Analytics;
import org.yiwang.analytics.Audience;

/** The public dashboard (no sign-in): the whole city's aggregates, drill-down to published records only. */
@Controller
class PublicDashboardController {

	private static final String BASE = "/open/analytics";

	private final DashboardPages pages;

	private final ChartExport export;

	private final Analytics analytics;

	PublicDashboardController(DashboardPages pages, ChartExport export, Analytics analytics) {
		this.pages = pages;
		this.export = export;
		this.analytics = analytics;
	}

	@GetMapping(BASE)
	String dashboard(@RequestParam(required = false) String month, @RequestParam(required = false) String category,
			@RequestParam(required = false) String region, Model model, Locale locale) {
		return pages.dashboard(Audience.PUBLIC, BASE, month, category, region, model, locale);
	}

	@GetMapping(BASE + "/facts")
	String facts(@RequestParam(required = false) String month, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String category, @RequestParam(required = false) String region,
			@RequestParam(required = false) String procedure, @RequestParam(required = false) Integer bidders, Model model,
			Locale locale) {
		return pages.facts(Audience.PUBLIC, BASE, month, stage, category, region, procedure, bidders, model, locale);
	}

	@GetMapping(BASE + "/export/data.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String chart, @RequestParam(required = false) String month,
			@RequestParam(required = false) String category, @RequestParam(required = false) String region, Locale locale) {
		return export.csv(analytics.dashboard(Audience.PUBLIC, month, category, region), chart, locale);
	}

	@GetMapping(BASE + "/export/data.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String chart, @RequestParam(required = false) String month,
			@RequestParam(required = false) String category, @RequestParam(required = false) String region, Locale locale) {
		return export.xlsx(analytics.dashboard(Audience.PUBLIC, month, category, region), chart, locale);
	}
}
