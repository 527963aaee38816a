package org.yiwang.supervision.web;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.supervision.screening.CsvScreening;
import org.yiwang.supervision.screening.ScreeningOutput;
import org.yiwang.system.Refusal;

/**
 * The regulator's screening page: upload a CSV of historical bids, see one row per tender with its screens and risk,
 * and download the same table as CSV.
 */
@Controller
class ScreeningController {

	/** Rows shown on the page; the download holds all of them. */
	static final int SHOWN = 500;

	private final CsvScreening screening;

	private final MessageSource messages;

	ScreeningController(CsvScreening screening, MessageSource messages) {
		this.screening = screening;
		this.messages = messages;
	}

	@GetMapping("/supervision/screenings")
	String page() {
		return "supervision/screenings";
	}

	@PostMapping("/supervision/screenings")
	String screen(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("error", messages.getMessage("supervision.screening.empty", null, LocaleContextHolder.getLocale()));
			return "supervision/screenings";
		}
		try {
			List<ScreeningOutput.Row> rows = ScreeningApi.screenStrictly(screening, file.getInputStream());
			StringWriter csv = new StringWriter();
			ScreeningOutput.write(rows, csv);
			model.addAttribute("rows", (rows.size() > SHOWN ? rows.subList(0, SHOWN) : rows).stream().map(ShownRow::of).toList());
			model.addAttribute("total", rows.size());
			model.addAttribute("flagged", rows.stream().filter(r -> r.risk().value() >= 0.5).count());
			model.addAttribute("download",
					"data:text/csv;charset=utf-8," + URLEncoder.encode(csv.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
			model.addAttribute("fileName", file.getOriginalFilename());
		}
		catch (Refusal refused) {
			model.addAttribute("error",
					messages.getMessage(refused.messageKey(), refused.arguments(), LocaleContextHolder.getLocale()));
		}
		return "supervision/screenings";
	}

	/** A row as the page shows it: numbers already formatted, empty where a screen is undefined. */
	record ShownRow(String tender, int bids, List<String> screens, String risk, String drivers, boolean high) {

		static ShownRow of(ScreeningOutput.Row row) {
			return new ShownRow(row.tender(), row.screens().bids(),
					java.util.Arrays.stream(row.screens().values()).map(ScreeningOutput::decimal).toList(),
					ScreeningOutput.decimal(row.risk().value()), String.join(", ", row.risk().drivers()),
					row.risk().value() >= 0.5);
		}
	}
}
