package org.yiwang.auction;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The auction writers' own connections: a small pool beside the application's, with the same database, user and
 * role, one connection per writer thread. A writer's batch transaction never waits behind requests holding the
 * application's pool (a bearer-token lookup holds one per API request), which made bid commits queue behind the
 * very requests waiting for them. The connection is bound as the application pool's transactional connection for the
 * batch, so the repositories, the audit log and the transaction manager (region scope and all) work on it unchanged.
 */
@Component
class WriterConnections implements AutoCloseable {

	private final DataSource application;

	private final HikariDataSource own;

	WriterConnections(DataSource application) {
		this.application = application;
		// Two per writer: with overlapped commits a lane has two batches' transactions in flight.
		this.own = ownPool(application, 2 * Auctioneer.WRITERS);
	}

	private static HikariDataSource ownPool(DataSource application, int size) {
		try {
			if (!application.isWrapperFor(HikariDataSource.class)) {
				return null;
			}
			HikariDataSource pool = application.unwrap(HikariDataSource.class);
			HikariDataSource writers = new HikariDataSource();
			writers.setPoolName("yiwang-auction-writers");
			writers.setJdbcUrl(pool.getJdbcUrl());
			writers.setUsername(pool.getUsername());
			writers.setPassword(pool.getPassword());
			writers.setConnectionInitSql(pool.getConnectionInitSql());
			writers.setMaximumPoolSize(size);
			writers.setMinimumIdle(0);
			return writers;
		}
		catch (SQLException e) {
			return null;
		}
	}

	/**
	 * Runs {@code work} (which opens its transaction through the application's transaction manager) on a writer
	 * connection. Without a pool of its own (another DataSource than Hikari) it runs on the application's pool.
	 */
	<T> T call(Supplier<T> work) {
		if (own == null || TransactionSynchronizationManager.hasResource(application)) {
			return work.get();
		}
		Connection connection;
		try {
			connection = own.getConnection();
		}
		catch (SQLException e) {
			throw new CannotGetJdbcConnectionException("No auction writer connection", e);
		}
		TransactionSynchronizationManager.bindResource(application, new ConnectionHolder(connection));
		try {
			return work.get();
		}
		finally {
			TransactionSynchronizationManager.unbindResource(application);
			try {
				connection.close();
			}
			catch (SQLException e) {
				// Returned to the writers' pool, which drops a broken connection by itself.
			}
		}
	}

	void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

	@Override
	public void close() {
		if (own != null) {
			own.close();
		}
	}
}
