package org.yiwang.analytics.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;
import org.yiwang.analytics.Analytics;
import org.yiwang.analytics.Audience;
import org.yiwang.analytics.Dashboard;
import org.yiwang.analytics.FactRow;
import org.yiwang.analytics.Figure;

import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the dashboard and drill-down pages the three audiences share: each chart as ECharts data (this period, a year
 * before, a month before, both changes, and a drill-down link per bar) and as a table with the same numbers.
 */
@Component
class DashboardPages {

	/** A chart's table row: what the bar shows and where it leads. */
	record Row(String label, BigDecimal value, BigDecimal previousYear, BigDecimal yearOnYear, BigDecimal previousMonth,
			BigDecimal monthOnMonth, String link) {
	}

	/** A chart as the page shows it. */
	record Chart(String key, String title, String unit, String data, List<Row> rows) {
	}

	/** A drill-down row with names instead of codes. */
	record Listed(FactRow fact, String region, String category, String procedure) {
	}

	private final Analytics analytics;

	private final ChartLabels labels;

	private final JsonMapper json;

	DashboardPages(Analytics analytics, ChartLabels labels, JsonMapper json) {
		this.analytics = analytics;
		this.labels = labels;
		this.json = json;
	}

	String dashboard(Audience audience, String base, String month, String category, String region, Model model,
			Locale locale) {
		Dashboard dashboard = analytics.dashboard(audience, month, category, region);
		List<Chart> charts = new ArrayList<>();
		for (Figure figure : dashboard.figures()) {
			charts.add(chart(base, dashboard, figure, locale));
		}
		common(audience, base, model, locale);
		model.addAttribute("dashboard", dashboard);
		model.addAttribute("charts", charts);
		model.addAttribute("month", dashboard.month().toString());
		model.addAttribute("category", dashboard.category());
		model.addAttribute("region", dashboard.region());
		return "analytics/dashboard";
	}

	String facts(Audience audience, String base, String month, String stage, String category, String region,
			String procedure, Integer bidders, Model model, Locale locale) {
		List<FactRow> rows = analytics.facts(audience, month, stage, category, region, procedure, bidders);
		common(audience, base, model, locale);
		model.addAttribute("facts", rows.stream().map(f -> new Listed(f, labels.named("region", f.region(), locale),
				labels.named("category", f.category(), locale), labels.procedure(f.procedure(), locale))).toList());
		model.addAttribute("month", month);
		model.addAttribute("stage", stage);
		model.addAttribute("limit", rows.size() >= 500);
		model.addAttribute("filterCategory", category == null || category.isBlank() ? null
				: labels.named("category", category, locale));
		model.addAttribute("filterRegion", region == null || region.isBlank() ? null : labels.named("region", region, locale));
		model.addAttribute("filterProcedure", procedure == null || procedure.isBlank() ? null
				: labels.procedure(procedure, locale));
		model.addAttribute("bidders", bidders);
		return "analytics/facts";
	}

	private void common(Audience audience, String base, Model model, Locale locale) {
		Analytics.Choices choices = analytics.choices(audience);
		Map<String, String> categories = new LinkedHashMap<>();
		choices.categories().forEach(c -> categories.put(c, labels.named("category", c, locale)));
		Map<String, String> regions = new LinkedHashMap<>();
		choices.regions().forEach(r -> regions.put(r, labels.named("region", r, locale)));
		model.addAttribute("audience", audience.name());
		model.addAttribute("base", base);
		model.addAttribute("categoryChoices", categories);
		model.addAttribute("regionChoices", regions);
	}

	private Chart chart(String base, Dashboard dashboard, Figure figure, Locale locale) {
		List<Row> rows = new ArrayList<>();
		for (Figure.Point p : figure.points()) {
			rows.add(new Row(labels.label(figure, p, locale), p.value(), p.previousYear(), p.yearOnYear(),
					p.previousMonth(), p.monthOnMonth(), link(base, dashboard, figure, p)));
		}
		String title = labels.title(figure, locale);
		String unit = labels.unit(figure, locale);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("title", title + "（" + unit + "）");
		data.put("labels", rows.stream().map(Row::label).toList());
		data.put("values", rows.stream().map(Row::value).toList());
		data.put("previousYear", rows.stream().map(Row::previousYear).toList());
		data.put("yoy", rows.stream().map(Row::yearOnYear).toList());
		data.put("mom", rows.stream().map(Row::monthOnMonth).toList());
		data.put("links", rows.stream().map(Row::link).toList());
		data.put("names", List.of(labels.message("analytics.current", locale),
				labels.message("analytics.previousYear", locale), labels.message("analytics.yoy", locale),
				labels.message("analytics.mom", locale)));
		return new Chart(figure.key(), title, unit, json.writeValueAsString(data), rows);
	}

	private static String link(String base, Dashboard dashboard, Figure figure, Figure.Point p) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(base + "/facts")
			.queryParam("stage", figure.stage().name())
			.queryParam("month", p.month());
		String category = dashboard.category();
		String region = dashboard.region();
		if (figure.key().equals("premiumByCategory") || figure.key().equals("lotBidders")) {
			uri.queryParam("procedure", "AUCTION"); // these are the auctions' alone
		}
		switch (figure.dimension()) {
			case "category" -> category = p.key();
			case "region" -> region = p.key();
			case "procedure" -> uri.queryParam("procedure", p.key());
			case "bidders" -> uri.queryParam("bidders", p.key());
			default -> {
			}
		}
		if (category != null) {
			uri.queryParam("category", category);
		}
		if (region != null) {
			uri.queryParam("region", region);
		}
		return uri.build().encode().toUriString();
	}
}
