package org.yiwang.system;

import javax.sql.DataSource;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * For tests that play a database administrator (tampering with the audit log, say): the embedded server's superuser,
 * logged in with the secret from the data directory. The application itself never logs in as it.
 */
public final class DatabaseAdministrator {

	private DatabaseAdministrator() {
	}

	public static DataSource of(ApplicationContext context) {
		DatabaseConfiguration.Login superuser = context.getBean(EmbeddedDatabase.class).superuser();
		return new DriverManagerDataSource(superuser.url(), superuser.username(), superuser.password());
	}
}
