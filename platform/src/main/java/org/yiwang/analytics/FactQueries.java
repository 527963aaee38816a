package org.yiwang.analytics;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts behind a bar: one month, one stage and the bar's own dimension, newest first, at most {@link #LIMIT}. A
 * number of bidders with no procedure lists tender and procurement sections (the sections' bidders chart); with
 * {@code AUCTION} it lists lots by their qualified transferees (the lots' chart).
 */
@Component
class FactQueries {

	static final int LIMIT = 500;

	private final JdbcClient jdbc;

	FactQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<FactRow> facts(YearMonth month, Stage stage, Filter filter, String procedure, Integer bidders) {
		List<Object> params = Filter.params();
		params.add(Filter.first(month));
		params.add(stage.name());
		String where = filter.where(params, true, true);
		if (procedure != null) {
			where += " AND procedure = ?";
			params.add(procedure);
		}
		if (bidders != null) {
			// the two bidder charts count different things: a section's bids, and the transferees qualified for a lot;
			// a number of bidders without a procedure is the sections' chart, so the lots stay out of its list
			where += procedure == null ? " AND bidders = ? AND procedure <> 'AUCTION'" : " AND bidders = ?";
			params.add(bidders);
		}
		params.add(LIMIT);
		return jdbc.sql("""
				SELECT occurred_at, stage, region_code, category_code, procedure, trade_code, title, budget, amount, bidders,
				  non_local, e_guarantee, record_id
				FROM analytics.facts WHERE month = ? AND stage = ? %s ORDER BY occurred_at DESC, id DESC LIMIT ?"""
			.formatted(where)).params(params)
			.query((rs, n) -> new FactRow(rs.getTimestamp(1).toInstant(), Stage.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8),
					rs.getBigDecimal(9), (Integer) rs.getObject(10), (Boolean) rs.getObject(11), (Boolean) rs.getObject(12),
					rs.getObject(13, UUID.class)))
			.list();
	}

	/** Completions per person and stage for the month, with the month before and a year before. */
	List<StaffFigure> staff(YearMonth month, boolean experts) {
		return jdbc.sql("""
				SELECT staff, stage, sum(n) FILTER (WHERE month = ?), sum(n) FILTER (WHERE month = ?),
				  sum(n) FILTER (WHERE month = ?),
				  sum(duration_sum) FILTER (WHERE month = ?) / nullif(sum(duration_n) FILTER (WHERE month = ?), 0)
				FROM analytics.staff_rollups WHERE month IN (?, ?, ?) AND (stage = 'EXPERT_SEAT') = ?
				GROUP BY staff, stage HAVING sum(n) FILTER (WHERE month = ?) > 0
				ORDER BY 3 DESC, staff, stage""")
			.params(Filter.first(month), Filter.first(month.minusMonths(1)), Filter.first(month.minusYears(1)),
					Filter.first(month), Filter.first(month), Filter.first(month), Filter.first(month.minusMonths(1)),
					Filter.first(month.minusYears(1)), experts, Filter.first(month))
			.query((rs, n) -> new StaffFigure(rs.getString(1), Stage.valueOf(rs.getString(2)), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), (Double) rs.getObject(6)))
			.list();
	}
}
