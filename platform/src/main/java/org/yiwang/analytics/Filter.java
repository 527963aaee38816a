package org.yiwang.analytics;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * What a query is limited to, as SQL conditions and their parameters: the filters a reader chose, and for a regulator
 * its industries (row-level security adds the regions). {@code industries} null: every category.
 */
record Filter(String category, String region, List<String> industries, List<String> regions) {

	/**
	 * A filter for a reader of the whole city ({@code regions} null). For a reader of some districts, {@code regions}
	 * names them again in SQL: row-level security alone would keep the right rows, but only after reading them all.
	 */
	Filter(String category, String region, List<String> industries) {
		this(category, region, industries, null);
	}

	/**
	 * Conditions on a rollup or fact table for these filters; {@code regional} when the table has a region column,
	 * {@code staged} when it has a stage column.
	 */
	String where(List<Object> params, boolean regional, boolean staged) {
		StringBuilder sql = new StringBuilder();
		if (category != null) {
			sql.append(" AND category_code = ?");
			params.add(category);
		}
		if (region != null && regional) {
			sql.append(" AND region_code = ?");
			params.add(region);
		}
		if (region == null && regions != null && regional) {
			sql.append(" AND region_code = ANY (?)");
			params.add(regions.toArray(String[]::new));
		}
		if (industries != null) {
			// a market entity belongs to no industry: regulators see their regions' registrations too
			sql.append(staged ? " AND (category_code = ANY (?) OR stage = 'ENTITY')" : " AND category_code = ANY (?)");
			params.add(industries.toArray(String[]::new));
		}
		return sql.toString();
	}

	static Date first(YearMonth month) {
		return Date.valueOf(month.atDay(1));
	}

	static List<Object> params() {
		return new ArrayList<>();
	}
}
