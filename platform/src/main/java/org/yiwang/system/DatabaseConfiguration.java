package org.yiwang.system;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Two pools onto one database, each logging in as its own role. Migrations log in as the owner of the schemas; the
 * application logs in as a role that owns nothing, is no superuser, may not bypass row-level security and is a member
 * of no role that could (so neither {@code RESET ROLE} nor {@code SET ROLE} leaves the region scope). Without
 * {@code spring.datasource.url} an embedded PostgreSQL 18 serves from {@code data/postgres} with generated passwords.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseSettings.class)
class DatabaseConfiguration {

	record Login(String url, String username, String password) {

		@Override
		public String toString() {
			return username + "@" + url;
		}
	}

	record Logins(Login owner, Login app) {
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
	EmbeddedDatabase embeddedDatabase(DatabaseSettings settings) {
		return EmbeddedDatabase.start(settings);
	}

	/** External server: the owner is spring.datasource.username, the application yiwang.database.app-role. */
	@Bean
	Logins databaseLogins(ObjectProvider<EmbeddedDatabase> embedded, DataSourceProperties properties,
			DatabaseSettings settings) {
		EmbeddedDatabase database = embedded.getIfAvailable();
		if (database != null) {
			return new Logins(database.owner(), database.app());
		}
		return new Logins(new Login(properties.getUrl(), properties.getUsername(), properties.getPassword()),
				new Login(properties.getUrl(), settings.appRole(), settings.appPassword()));
	}

	/**
	 * The owner's pool: Flyway only. Its sessions see every region (the owner is bound by forced row-level security
	 * too, and a migration that moves data must see all of it).
	 */
	@Bean(destroyMethod = "close")
	@FlywayDataSource
	HikariDataSource migrationDataSource(Logins logins) {
		HikariDataSource pool = pool(logins.owner(), "yiwang-migration");
		pool.setConnectionInitSql("select set_config('yiwang.scope_all', 'on', false)");
		pool.setMaximumPoolSize(2);
		pool.setMinimumIdle(0);
		return pool;
	}

	/** The application's pool: it logs in as the application role itself, so there is no other role to return to. */
	@Bean(destroyMethod = "close")
	@Primary
	HikariDataSource dataSource(Logins logins) {
		HikariDataSource pool = pool(logins.app(), "yiwang");
		pool.setMaximumPoolSize(20);
		return pool;
	}

	@Bean
	FlywayConfigurationCustomizer appRolePlaceholder(DatabaseSettings settings) {
		return configuration -> configuration.placeholders(java.util.Map.of("app_role", settings.appRole()));
	}

	/**
	 * After the migrations and before the server takes requests: refuses to run when the application's login could
	 * escape row-level security (an external server configured with a superuser, or the owner, as the application).
	 */
	@Bean
	SmartInitializingSingleton applicationRoleCheck(DataSource dataSource) {
		return () -> {
			List<String> problems = new JdbcTemplate(dataSource).queryForList(ROLE_PROBLEMS, String.class);
			if (!problems.isEmpty()) {
				throw new IllegalStateException("The application's database login may escape row-level security: "
						+ String.join("; ", problems) + ". Give it a role of its own that owns nothing and belongs to no "
						+ "other role (docs/operations.md, yiwang.database.app-role).");
			}
		};
	}

	/** Every role the session's user is or may become (membership) that is a superuser, bypasses RLS or owns a table. */
	private static final String ROLE_PROBLEMS = """
			select format('%s %s', r.rolname, case when r.rolsuper then 'is a superuser'
			         when r.rolbypassrls then 'bypasses row-level security' else 'owns tables' end)
			from pg_roles r
			where pg_has_role(session_user, r.oid, 'MEMBER')
			  and (r.rolsuper or r.rolbypassrls or exists (select from pg_class c join pg_namespace n on n.oid = c.relnamespace
			    where c.relowner = r.oid and c.relkind in ('r', 'p') and n.nspname <> 'information_schema'
			      and n.nspname not like 'pg\\_%'))
			order by r.rolname""";

	@Bean
	@Primary
	PlatformTransactionManager transactionManager(DataSource dataSource) {
		return new ScopedTransactionManager(dataSource);
	}

	private static HikariDataSource pool(Login login, String name) {
		// No-argument construction: the pool opens its first connection when first used, i.e. after migrations.
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName(name);
		pool.setJdbcUrl(login.url());
		pool.setUsername(login.username());
		pool.setPassword(login.password());
		return pool;
	}
}
