package org.yiwang.system;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Two pools onto one database. Migrations run as the configured user, who owns the schemas; the application's pool
 * switches every connection to the application role, which owns nothing, so forced row-level security applies to
 * it. Without {@code spring.datasource.url} an embedded PostgreSQL 18 serves from {@code data/postgres}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseSettings.class)
class DatabaseConfiguration {

	record Endpoint(String url, String username, String password) {
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
	EmbeddedDatabase embeddedDatabase(DatabaseSettings settings) {
		return EmbeddedDatabase.start(settings);
	}

	@Bean
	Endpoint databaseEndpoint(ObjectProvider<EmbeddedDatabase> embedded, DataSourceProperties properties) {
		EmbeddedDatabase database = embedded.getIfAvailable();
		if (database != null) {
			return new Endpoint(database.jdbcUrl(), "postgres", "");
		}
		return new Endpoint(properties.getUrl(), properties.getUsername(), properties.getPassword());
	}

	/** The owner's pool: Flyway only. */
	@Bean(destroyMethod = "close")
	@FlywayDataSource
	HikariDataSource migrationDataSource(Endpoint endpoint) {
		HikariDataSource pool = pool(endpoint, "yiwang-migration");
		pool.setMaximumPoolSize(2);
		pool.setMinimumIdle(0);
		return pool;
	}

	/** The application's pool: every connection acts as the application role. */
	@Bean(destroyMethod = "close")
	@Primary
	HikariDataSource dataSource(Endpoint endpoint, DatabaseSettings settings) {
		HikariDataSource pool = pool(endpoint, "yiwang");
		pool.setConnectionInitSql("SET ROLE " + settings.appRole());
		pool.setMaximumPoolSize(20);
		return pool;
	}

	@Bean
	FlywayConfigurationCustomizer appRolePlaceholder(DatabaseSettings settings) {
		return configuration -> configuration.placeholders(java.util.Map.of("app_role", settings.appRole()));
	}

	@Bean
	@Primary
	PlatformTransactionManager transactionManager(DataSource dataSource) {
		return new ScopedTransactionManager(dataSource);
	}

	private static HikariDataSource pool(Endpoint endpoint, String name) {
		// No-argument construction: the pool opens its first connection when first used, i.e. after migrations.
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName(name);
		pool.setJdbcUrl(endpoint.url());
		pool.setUsername(endpoint.username());
		pool.setPassword(endpoint.password());
		return pool;
	}
}
