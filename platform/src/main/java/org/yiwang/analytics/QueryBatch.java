package org.yiwang.analytics;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * A dashboard's queries sent to PostgreSQL together, in one round trip (the driver sends the statements of one
 * prepared statement in one message and each answers with its own result): on a loaded machine every round trip waits
 * for the scheduler twice, and six of them cost more than the queries themselves.
 */
final class QueryBatch {

	private final List<String> statements = new ArrayList<>();

	private final List<Object> params = new ArrayList<>();

	private final List<RowCallbackHandler> handlers = new ArrayList<>();

	/** Adds a query; {@code rows} sees its rows when the batch runs. */
	void add(String sql, List<Object> parameters, RowCallbackHandler rows) {
		statements.add(sql);
		params.addAll(parameters);
		handlers.add(rows);
	}

	/** Runs every query in the caller's transaction (its region scope applies to each). */
	void run(JdbcTemplate jdbc) {
		jdbc.execute((ConnectionCallback<Void>) connection -> {
			try (PreparedStatement statement = connection.prepareStatement(String.join(";\n", statements))) {
				for (int i = 0; i < params.size(); i++) {
					StatementCreatorUtils.setParameterValue(statement, i + 1, SqlTypeValue.TYPE_UNKNOWN, params.get(i));
				}
				boolean results = statement.execute();
				for (RowCallbackHandler handler : handlers) {
					if (!results) {
						throw new IllegalStateException("a dashboard query returned no rows to read");
					}
					try (ResultSet rs = statement.getResultSet()) {
						while (rs.next()) {
							handler.processRow(rs);
						}
					}
					results = statement.getMoreResults();
				}
			}
			return null;
		});
	}
}
