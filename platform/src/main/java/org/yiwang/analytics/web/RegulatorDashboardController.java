package org.yiwang.analytics.web;

import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.analytics.Analytics;
import org.yiwang.analytics.Audience;

/** A regulator's dashboard, drill-down and downloads: its industries in its regions, nothing else. */
@Controller
class RegulatorDashboardController {

	private static final String BASE = "/analytics/regulator";

	private final DashboardPages pages;

	private final ChartExport export;

	private final Analytics analytics;

	RegulatorDashboardController(DashboardPages pages, ChartExport export, Analytics analytics) {
		this.pages = pages;
		this.export = export;
		this.analytics = analytics;
	}

	@GetMapping(BASE)
	String dashboard(@RequestParam(required = false) String month, @RequestParam(required = false) String category,
			@RequestParam(required = false) String region, Model model, Locale locale) {
		return pages.dashboard(Audience.REGULATOR, BASE, month, category, region, model, locale);
	}

	@GetMapping(BASE + "/facts")
	String facts(@RequestParam(required = false) String month, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String category, @RequestParam(required = false) String region,
			@RequestParam(required = false) String procedure, @RequestParam(required = false) Integer bidders, Model model,
			Locale locale) {
		return pages.facts(Audience.REGULATOR, BASE, month, stage, category, region, procedure, bidders, model, locale);
	}

	@GetMapping(BASE + "/export/data.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String chart, @RequestParam(required = false) String month,
			@RequestParam(required = false) String category, @RequestParam(required = false) String region, Locale locale) {
		return export.csv(analytics.dashboard(Audience.REGULATOR, month, category, region), chart, locale);
	}

	@GetMapping(BASE + "/export/data.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String chart, @RequestParam(required = false) String month,
			@RequestParam(required = false) String category, @RequestParam(required = false) String region, Locale locale) {
		return export.xlsx(analytics.dashboard(Audience.REGULATOR, month, category, region), chart, locale);
	}
}
