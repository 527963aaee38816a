package org.yiwang.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Reads the reference catalogue shipped with the platform: the regions of each supported city and the 35 trading
 * categories. Plain CSV with a header.
 */
final class ReferenceData {

	private ReferenceData() {
	}

	static List<ReferenceRegion> regions(String city) {
		Resource file = new ClassPathResource("reference/regions-" + city + ".csv");
		if (!file.exists()) {
			throw new IllegalStateException("No reference regions for city '" + city
					+ "': yiwang.city must be one of chongqing, shenzhen");
		}
		return rows(file).stream().map(f -> new ReferenceRegion(f[0], f[1], f[2], f[3], f.length > 4 ? f[4] : null)).toList();
	}

	static List<NewCategory> categories() {
		return rows(new ClassPathResource("reference/trading-categories.csv")).stream()
			.map(f -> new NewCategory(f[0], f[1], f[2], ProcedureFamily.valueOf(f[3]), f[4], f.length > 5 ? f[5] : null))
			.toList();
	}

	private static List<String[]> rows(Resource file) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
			List<String[]> rows = new ArrayList<>();
			reader.readLine(); // header
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					rows.add(split(line));
				}
			}
			return rows;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read reference data " + file, e);
		}
	}

	/** The reference files quote nothing and hold no comma inside a field. */
	static String[] split(String line) {
		String[] fields = line.split(",", -1);
		for (int i = 0; i < fields.length; i++) {
			fields[i] = fields[i].isBlank() ? null : fields[i].strip();
		}
		return fields;
	}
}
