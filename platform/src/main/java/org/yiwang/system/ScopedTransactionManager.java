package org.yiwang.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.yiwang.kernel.RegionScope;

/**
 * Begins every transaction by telling PostgreSQL the acting region scope ({@code yiwang.scope_all},
 * {@code yiwang.scope_regions}), transaction-local, so row-level security filters every region-scoped table.
 */
class ScopedTransactionManager extends JdbcTransactionManager {

	ScopedTransactionManager(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition) throws SQLException {
		super.prepareTransactionalConnection(con, definition);
		RegionScope scope = RegionScopes.current();
		try (PreparedStatement statement = con.prepareStatement(
				"select set_config('yiwang.scope_all', ?, true), set_config('yiwang.scope_regions', ?, true)")) {
			statement.setString(1, scope.all() ? "on" : "off");
			statement.setString(2, scope.regionList());
			statement.execute();
		}
	}
}
