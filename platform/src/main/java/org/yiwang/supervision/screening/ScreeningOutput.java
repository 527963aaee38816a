package org.yiwang.supervision.screening;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes one row per tender: {@code tender}, {@code bids}, the seven screens (empty where undefined, four decimals)
 * and {@code risk} (the default model's score, four decimals).
 */
public final class ScreeningOutput {

	public static final String HEADER = "tender,bids,cv,spd,diffp,rd,kurt,skew,kstest,risk";

	/** A screened tender: its screens and risk. */
	public record Row(String tender, Screens screens, Risk risk) {
	}

	private ScreeningOutput() {
	}

	public static List<Row> screen(List<ScreeningInput.TenderBids> tenders, RiskModel model) {
		return tenders.stream().map(t -> {
			Screens s = BidScreens.of(t.amounts().stream().mapToDouble(Double::doubleValue).toArray());
			return new Row(t.tender(), s, model.score(s));
		}).toList();
	}

	public static void write(List<Row> rows, Writer out) throws IOException {
		out.write(HEADER);
		out.write("\n");
		for (Row row : rows) {
			out.write(quoted(row.tender()));
			out.write(",");
			out.write(Integer.toString(row.screens().bids()));
			for (Double v : row.screens().values()) {
				out.write(",");
				out.write(decimal(v));
			}
			out.write(",");
			out.write(decimal(row.risk().value()));
			out.write("\n");
		}
	}

	/** Four decimals, or empty when undefined. */
	public static String decimal(Double v) {
		return v == null || !Double.isFinite(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
	}

	private static String quoted(String text) {
		// A leading = + - @ would be a formula to a spreadsheet opening the result: quote it away.
		boolean formula = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
		String t = formula ? "'" + text : text;
		if (t.contains(",") || t.contains("\"") || t.contains("\n") || formula) {
			return "\"" + t.replace("\"", "\"\"") + "\"";
		}
		return t;
	}
}
