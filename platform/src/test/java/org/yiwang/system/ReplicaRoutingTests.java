package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The read replica (issue 25): read-only transactions are served by the replica's pool, every other transaction by
 * the primary's. The platform's embedded database plays both (two pools told apart by their application name).
 */
@PlatformTest
class ReplicaRoutingTests {

	@Autowired
	DataSource dataSource;

	private static String named(String url, String name) {
		return url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + name;
	}

	@Test
	void read_only_transactions_read_the_replica_and_the_others_the_primary() throws Exception {
		HikariDataSource app = dataSource.unwrap(HikariDataSource.class);
		HikariDataSource primary = new HikariDataSource();
		primary.setJdbcUrl(named(app.getJdbcUrl(), "test-primary"));
		primary.setUsername(app.getUsername());
		primary.setPassword(app.getPassword());
		primary.setConnectionInitSql(app.getConnectionInitSql());
		primary.setMaximumPoolSize(2);
		HikariDataSource replica = ReplicaRouting.replica(app, named(app.getJdbcUrl(), "test-replica"), 2);
		try (ReplicaRouting.Routed routed = ReplicaRouting.routed(primary, replica)) {
			JdbcTemplate jdbc = new JdbcTemplate(routed);
			TransactionTemplate writes = new TransactionTemplate(new ScopedTransactionManager(routed));
			TransactionTemplate reads = new TransactionTemplate(new ScopedTransactionManager(routed));
			reads.setReadOnly(true);
			String name = "select current_setting('application_name')";
			String readBy = reads.execute(s -> jdbc.queryForObject(name, String.class));
			String writtenBy = writes.execute(s -> jdbc.queryForObject(name, String.class));
			assertThat(readBy).isEqualTo("test-replica");
			assertThat(writtenBy).isEqualTo("test-primary");
			// The region scope is set on the replica's connection too (row-level security binds reads there as well).
			String scope = reads.execute(s -> jdbc.queryForObject("select current_setting('yiwang.scope_all', true)",
					String.class));
			assertThat(scope).isIn("on", "off");
			assertThat(replica.getHikariPoolMXBean().getTotalConnections()).isPositive();
		}
	}

	@Test
	void without_a_replica_url_the_application_pool_stays_as_it_is() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/none");
		BeanPostProcessor none = ReplicaRouting.replicaForReadOnlyTransactions(new MockEnvironment());
		assertThat(none.postProcessAfterInitialization(pool, "dataSource")).isSameAs(pool);
		BeanPostProcessor set = ReplicaRouting.replicaForReadOnlyTransactions(
				new MockEnvironment().withProperty(ReplicaRouting.URL, "jdbc:postgresql://127.0.0.1:1/replica"));
		Object routed = set.postProcessAfterInitialization(pool, "dataSource");
		assertThat(routed).isInstanceOf(ReplicaRouting.Routed.class);
		assertThat(set.postProcessAfterInitialization(pool, "migrationDataSource")).as("Flyway's pool is left alone")
			.isSameAs(pool);
		((ReplicaRouting.Routed) routed).close();
	}
}
