package org.yiwang.system;

import javax.sql.DataSource;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * For tests that play a database administrator (tampering with the audit log, say): the embedded server's superuser,
 * logged in with the secret from the data directory; on the test JVM's shared server ({@link TestDatabaseServer}),
 * into the context's own database. The application itself never logs in as it.
 */
public final class DatabaseAdministrator {

	private DatabaseAdministrator() {
	}

	public static DataSource of(ApplicationContext context) {
		EmbeddedDatabase own = context.getBeanProvider(EmbeddedDatabase.class).getIfAvailable();
		DatabaseConfiguration.Login superuser = own != null ? own.superuser()
				: TestDatabaseServer.get().superuser(context.getEnvironment().getRequiredProperty("spring.datasource.url"));
		return new DriverManagerDataSource(superuser.url(), superuser.username(), superuser.password());
	}
}
