package org.yiwang.supervision.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yiwang.system.Refusal;

/**
 * Reads a regulator's CSV of historical bids (header row; {@code tender}, {@code bidder}, {@code amount} required,
 * {@code estimate} and {@code winner} optional; UTF-8, a byte-order mark tolerated; fields may be quoted). The whole
 * file is read before anything is answered: a bad row refuses the file with its line number and nothing is written.
 */
public final class ScreeningInput {

	/** More rows than a screening upload needs; larger sets go through the command. */
	public static final int MAX_ROWS = 500_000;

	/** The bids of one tender, in file order. */
	public record TenderBids(String tender, List<Double> amounts) {
	}

	private ScreeningInput() {
	}

	public static List<TenderBids> read(Reader source) throws IOException {
		BufferedReader in = new BufferedReader(source);
		String header = in.readLine();
		if (header != null && header.startsWith("\uFEFF")) {
			header = header.substring(1);
		}
		if (header == null || header.isBlank()) {
			throw Refusal.invalid("file", "supervision.screening.empty");
		}
		List<String> names = new ArrayList<>();
		for (String name : fields(header, 1)) {
			names.add(name.trim().toLowerCase(Locale.ROOT));
		}
		int tender = required(names, "tender");
		int bidder = required(names, "bidder");
		int amount = required(names, "amount");
		int estimate = names.indexOf("estimate");
		Map<String, List<Double>> tenders = new LinkedHashMap<>();
		int lineNumber = 1;
		int rows = 0;
		for (String line = in.readLine(); line != null; line = in.readLine()) {
			lineNumber++;
			if (line.isBlank()) {
				continue;
			}
			if (++rows > MAX_ROWS) {
				throw Refusal.invalid("file", "supervision.screening.tooManyRows", MAX_ROWS);
			}
			List<String> f = fields(line, lineNumber);
			if (f.size() != names.size()) {
				throw Refusal.invalid("file", "supervision.screening.fieldCount", lineNumber, names.size(), f.size());
			}
			String id = f.get(tender).trim();
			if (id.isEmpty()) {
				throw Refusal.invalid("file", "supervision.screening.blank", lineNumber, "tender");
			}
			if (f.get(bidder).isBlank()) {
				throw Refusal.invalid("file", "supervision.screening.blank", lineNumber, "bidder");
			}
			double value = positive(f.get(amount), lineNumber, "amount");
			if (estimate >= 0 && !f.get(estimate).isBlank()) {
				positive(f.get(estimate), lineNumber, "estimate");
			}
			tenders.computeIfAbsent(id, k -> new ArrayList<>()).add(value);
		}
		if (tenders.isEmpty()) {
			throw Refusal.invalid("file", "supervision.screening.noRows");
		}
		List<TenderBids> out = new ArrayList<>();
		tenders.forEach((id, amounts) -> out.add(new TenderBids(id, List.copyOf(amounts))));
		return out;
	}

	private static int required(List<String> names, String name) {
		int i = names.indexOf(name);
		if (i < 0) {
			throw Refusal.invalid("file", "supervision.screening.missingColumn", name);
		}
		return i;
	}

	private static double positive(String text, int line, String column) {
		BigDecimal value;
		try {
			value = new BigDecimal(text.trim());
		}
		catch (NumberFormatException e) {
			throw Refusal.invalid("file", "supervision.screening.notANumber", line, column, shorten(text));
		}
		if (value.signum() <= 0) {
			throw Refusal.invalid("file", "supervision.screening.notPositive", line, column, shorten(text));
		}
		double d = value.doubleValue();
		if (!Double.isFinite(d)) {
			throw Refusal.invalid("file", "supervision.screening.notANumber", line, column, shorten(text));
		}
		return d;
	}

	private static String shorten(String text) {
		String t = text.strip();
		return t.length() > 40 ? t.substring(0, 40) + "…" : t;
	}

	/** One line's fields: commas separate, double quotes quote (a doubled quote inside is one quote). */
	static List<String> fields(String line, int lineNumber) {
		List<String> out = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"' && field.toString().isBlank()) {
				field.setLength(0);
				quoted = true;
			}
			else if (c == ',') {
				out.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		if (quoted) {
			throw Refusal.invalid("file", "supervision.screening.openQuote", lineNumber);
		}
		out.add(field.toString());
		return out;
	}
}
