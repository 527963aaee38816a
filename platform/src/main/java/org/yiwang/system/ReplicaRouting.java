package org.yiwang.system;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A read replica for read-only work (docs/cluster.md): with {@code yiwang.datasource.replica.url} set (a PostgreSQL
 * streaming replica of the primary), every {@code @Transactional(readOnly = true)} transaction (the public pages,
 * searches, lists) reads from a pool on the replica; every other transaction, and so everything that decides (a bid,
 * an opening, a payment), runs on the primary. Unset (the default), everything runs on the primary as before.
 * <p>
 * The application's pool is wrapped in Spring's {@link LazyConnectionDataSourceProxy}: a transaction's connection is
 * taken at its first statement, after the transaction manager marked it read-only or not, and the proxy takes it from
 * the replica's pool when it is read-only. The replica's pool logs in as the application's role (the replica has the
 * primary's roles) with the same set-up statement.
 */
@Configuration(proxyBeanMethods = false)
class ReplicaRouting {

	static final String URL = "yiwang.datasource.replica.url";

	@Bean
	static BeanPostProcessor replicaForReadOnlyTransactions(Environment environment) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				String url = environment.getProperty(URL, "");
				if (url.isBlank() || !"dataSource".equals(name) || !(bean instanceof HikariDataSource primary)) {
					return bean;
				}
				int size = environment.getProperty("yiwang.datasource.replica.pool-size", Integer.class,
						primary.getMaximumPoolSize());
				return routed(primary, replica(primary, url, size));
			}
		};
	}

	/** The primary's pool, with read-only transactions sent to {@code replica}. */
	static Routed routed(HikariDataSource primary, HikariDataSource replica) {
		LoggerFactory.getLogger(ReplicaRouting.class).info("Read-only transactions read from the replica {}",
				replica.getJdbcUrl());
		return new Routed(primary, replica);
	}

	/** Closes both pools with the application's pool bean (its destroy method is {@code close}). */
	static final class Routed extends LazyConnectionDataSourceProxy implements AutoCloseable {

		private final HikariDataSource primary;

		private final HikariDataSource replica;

		Routed(HikariDataSource primary, HikariDataSource replica) {
			super(primary);
			this.primary = primary;
			this.replica = replica;
			setReadOnlyDataSource(replica);
		}

		@Override
		public void close() {
			replica.close();
			primary.close();
		}
	}

	/** A pool on the replica like the primary's: same login and set-up, read-only. */
	static HikariDataSource replica(HikariDataSource primary, String url, int size) {
		HikariDataSource replica = new HikariDataSource();
		replica.setPoolName("yiwang-replica");
		replica.setJdbcUrl(url);
		replica.setUsername(primary.getUsername());
		replica.setPassword(primary.getPassword());
		replica.setConnectionInitSql(primary.getConnectionInitSql());
		replica.setMaximumPoolSize(size);
		replica.setMinimumIdle(0);
		replica.setReadOnly(true);
		return replica;
	}

}
