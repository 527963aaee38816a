package org.yiwang.purchasing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.yiwang.kernel.InputRefused;
import org.yiwang.kernel.InputRules;
import org.yiwang.kernel.Money;
import org.yiwang.system.Refusal;

/**
 * Reads a reference-price file: UTF-8 CSV with the header
 * {@code registration_number,specification,province,price,effective_date}, one other province's lowest price a row.
 * Fields may be quoted ({@code "a, b"}, a doubled quote inside). Every bad row is reported with its line and column.
 */
final class ReferencePriceFile {

	static final String HEADER = "registration_number,specification,province,price,effective_date";

	static final int MAX_ROWS = 50_000;

	/** More errors than this are not listed: the file needs another look anyway. */
	static final int MAX_ERRORS = 50;

	record Row(String registrationNumber, String specification, String province, BigDecimal price, LocalDate effectiveOn) {
	}

	record Parsed(List<Row> rows, List<ImportReport.RowError> errors) {
	}

	private ReferencePriceFile() {
	}

	static Parsed read(InputStream in) {
		var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		List<Row> rows = new ArrayList<>();
		List<ImportReport.RowError> errors = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
			String header = reader.readLine();
			if (header == null) {
				throw Refusal.invalid("file", "purchasing.reference.empty");
			}
			if (!header.replace("\uFEFF", "").strip().equalsIgnoreCase(HEADER)) {
				throw Refusal.invalid("file", "purchasing.reference.header", HEADER);
			}
			String line;
			int number = 1;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				if (rows.size() + errors.size() >= MAX_ROWS) {
					throw Refusal.invalid("file", "purchasing.reference.tooMany", MAX_ROWS);
				}
				Row row = row(number, line, errors);
				if (row != null) {
					rows.add(row);
				}
			}
		}
		catch (CharacterCodingException e) {
			throw Refusal.invalid("file", "purchasing.reference.encoding");
		}
		catch (IOException e) {
			throw Refusal.invalid("file", "purchasing.reference.unreadable");
		}
		if (rows.isEmpty() && errors.isEmpty()) {
			throw Refusal.invalid("file", "purchasing.reference.empty");
		}
		return new Parsed(rows, errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
	}

	private static Row row(int number, String line, List<ImportReport.RowError> errors) {
		List<String> fields = split(line);
		if (fields.size() != 5) {
			errors.add(new ImportReport.RowError(number, "row", "purchasing.reference.columns", Integer.toString(fields.size())));
			return null;
		}
		int before = errors.size();
		String registration = fields.get(0).replaceAll("\\s+", "");
		if (registration.isEmpty() || registration.length() > 60) {
			errors.add(new ImportReport.RowError(number, "registration_number", "purchasing.reference.registration", registration));
		}
		String specification = fields.get(1).strip();
		if (specification.isEmpty() || specification.length() > 200) {
			errors.add(new ImportReport.RowError(number, "specification", "purchasing.reference.specification", specification));
		}
		String province = Provinces.of(fields.get(2)).orElse(null);
		if (province == null) {
			errors.add(new ImportReport.RowError(number, "province", "purchasing.reference.province", fields.get(2).strip()));
		}
		BigDecimal price = null;
		try {
			price = Money.nonNegative(InputRules.number(fields.get(3))).yuan();
			if (price.signum() == 0) {
				throw new IllegalArgumentException("zero");
			}
		}
		catch (IllegalArgumentException e) {
			price = null;
			errors.add(new ImportReport.RowError(number, "price", "purchasing.reference.price", fields.get(3).strip()));
		}
		LocalDate date = null;
		try {
			date = InputRules.date(fields.get(4));
		}
		catch (InputRefused e) {
			errors.add(new ImportReport.RowError(number, "effective_date", "purchasing.reference.date", fields.get(4).strip()));
		}
		return errors.size() == before ? new Row(registration, specification, province, price, date) : null;
	}

	/** Comma-separated fields; a quoted field may hold commas and doubled quotes. */
	static List<String> split(String line) {
		List<String> fields = new ArrayList<>();
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
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}
}
