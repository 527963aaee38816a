package org.yiwang.guarantee.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yiwang.guarantee.SecurityFigure;
import org.yiwang.guarantee.SecurityFigures;
import org.yiwang.guarantee.SecurityForm;

import tools.jackson.databind.json.JsonMapper;

/**
 * Bid security figures for staff: e-guarantees against cash per month, the capital held (万元·天) and per category,
 * as ECharts charts over the same rows the JSON API ({@code GET /api/guarantees/figures}) returns.
 */
@Controller
class FiguresController {

	private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

	private final SecurityFigures figures;

	private final MessageSource messages;

	private final JsonMapper json;

	FiguresController(SecurityFigures figures, MessageSource messages, JsonMapper json) {
		this.figures = figures;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/guarantees/figures")
	String page(@RequestParam(defaultValue = "12") int months, Model model, Locale locale) {
		List<SecurityFigure> rows = figures.figures(months);
		model.addAttribute("months", months);
		model.addAttribute("rows", rows);
		model.addAttribute("amountChart", chart("guarantee.figures.chart.amount", rows, SecurityFigure::month,
				f -> f.amount().yuan().divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP), locale));
		model.addAttribute("capitalChart", chart("guarantee.figures.chart.capital", rows, SecurityFigure::month,
				f -> f.yuanDays().divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP), locale));
		model.addAttribute("categoryChart", chart("guarantee.figures.chart.category", rows, SecurityFigure::category,
				f -> f.amount().yuan().divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP), locale));
		return "guarantee/figures";
	}

	/** Grouped bars: one series per security form over the labels the key picks. */
	private String chart(String titleKey, List<SecurityFigure> rows, Function<SecurityFigure, String> key,
			Function<SecurityFigure, BigDecimal> value, Locale locale) {
		List<String> labels = List.copyOf(new TreeSet<>(rows.stream().map(key).toList()));
		List<Map<String, Object>> series = new java.util.ArrayList<>();
		for (SecurityForm form : SecurityForm.values()) {
			Map<String, BigDecimal> sums = new TreeMap<>();
			rows.stream().filter(r -> r.form() == form).forEach(r -> sums.merge(key.apply(r), value.apply(r), BigDecimal::add));
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("name", messages.getMessage("guarantee.form." + form, null, locale));
			one.put("values", labels.stream().map(l -> sums.getOrDefault(l, BigDecimal.ZERO)).toList());
			series.add(one);
		}
		return json.writeValueAsString(Map.of("title", messages.getMessage(titleKey, null, locale), "labels", labels,
				"series", series));
	}
}
