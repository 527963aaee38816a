package org.yiwang.analytics.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.yiwang.analytics.Dashboard;
import org.yiwang.analytics.Figure;
import org.yiwang.system.Refusal;

/**
 * A chart's data as CSV (UTF-8 with a byte order mark, so spreadsheet programs read the Chinese names) or as an Excel
 * workbook (Apache POI): one row per point with the figure, the same a year and a month before, and both changes.
 */
@Component
class ChartExport {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ChartLabels labels;

	ChartExport(ChartLabels labels) {
		this.labels = labels;
	}

	ResponseEntity<byte[]> csv(Dashboard dashboard, String chart, Locale locale) {
		Figure figure = figure(dashboard, chart);
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(String.join(",", header(figure, locale).stream().map(ChartExport::quoted).toList())).append("\r\n");
		for (Figure.Point p : figure.points()) {
			csv.append(quoted(labels.label(figure, p, locale))).append(',').append(plain(p.value())).append(',')
				.append(plain(p.previousYear())).append(',').append(plain(p.yearOnYear())).append(',')
				.append(plain(p.previousMonth())).append(',').append(plain(p.monthOnMonth())).append("\r\n");
		}
		return download(csv.toString().getBytes(StandardCharsets.UTF_8), name(dashboard, chart, "csv"),
				new MediaType("text", "csv", StandardCharsets.UTF_8));
	}

	ResponseEntity<byte[]> xlsx(Dashboard dashboard, String chart, Locale locale) {
		Figure figure = figure(dashboard, chart);
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(chart);
			Row head = sheet.createRow(0);
			List<String> header = header(figure, locale);
			for (int i = 0; i < header.size(); i++) {
				head.createCell(i).setCellValue(header.get(i));
			}
			int r = 1;
			for (Figure.Point p : figure.points()) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(labels.label(figure, p, locale));
				number(row, 1, p.value());
				number(row, 2, p.previousYear());
				number(row, 3, p.yearOnYear());
				number(row, 4, p.previousMonth());
				number(row, 5, p.monthOnMonth());
			}
			sheet.setColumnWidth(0, 30 * 256);
			book.write(out);
			return download(out.toByteArray(), name(dashboard, chart, "xlsx"), XLSX);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private List<String> header(Figure figure, Locale locale) {
		String unit = labels.unit(figure, locale);
		return List.of(labels.message("analytics.export.point", locale),
				labels.title(figure, locale) + " (" + unit + ")",
				labels.message("analytics.previousYear", locale), labels.message("analytics.yoy", locale) + " (%)",
				labels.message("analytics.previousMonth", locale), labels.message("analytics.mom", locale) + " (%)");
	}

	static Figure figure(Dashboard dashboard, String chart) {
		return dashboard.figure(chart == null ? "" : chart)
			.orElseThrow(() -> Refusal.invalid("chart", "analytics.chart.unknown"));
	}

	private static void number(Row row, int column, BigDecimal value) {
		if (value != null) {
			row.createCell(column).setCellValue(value.doubleValue());
		}
	}

	private static String name(Dashboard dashboard, String chart, String extension) {
		return "analytics-" + chart + "-" + dashboard.month() + "." + extension;
	}

	private static ResponseEntity<byte[]> download(byte[] body, String fileName, MediaType type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.contentType(type).body(body);
	}

	private static String plain(BigDecimal value) {
		return value == null ? "" : value.toPlainString();
	}

	private static String quoted(String text) {
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}
}
