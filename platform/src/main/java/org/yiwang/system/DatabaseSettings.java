package org.yiwang.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform reaches PostgreSQL. Two logins: the owner's ({@code spring.datasource.username} on an external
 * server) runs the migrations and owns the schemas; the application's logs in as {@code appRole}, owns nothing and
 * cannot become anyone else, so forced row-level security binds every query it makes (docs/operations.md).
 *
 * @param appRole the role the application logs in as; it owns no table, so row-level security binds it
 * @param appPassword its password on an external server (the embedded server generates its own)
 * @param ownerRole the role the embedded server's migrations log in as, owner of every schema
 * @param embeddedDirectory where the embedded server keeps its data when no {@code spring.datasource.url} is set
 * @param embeddedPort the embedded server's port; 0 picks a free one
 * @param embeddedClean start the embedded server on an empty directory (tests only)
 */
@ConfigurationProperties("yiwang.database")
record DatabaseSettings(@DefaultValue("yiwang_app") String appRole,
		@DefaultValue("") String appPassword,
		@DefaultValue("yiwang_owner") String ownerRole,
		@DefaultValue("data/postgres") Path embeddedDirectory,
		@DefaultValue("0") int embeddedPort,
		@DefaultValue("false") boolean embeddedClean) {

	DatabaseSettings {
		for (String role : new String[] { appRole, ownerRole }) {
			if (!role.matches("[a-z_][a-z0-9_]{0,62}")) {
				throw new IllegalArgumentException(
						"yiwang.database.app-role and owner-role must be plain lower-case PostgreSQL role names");
			}
		}
		if (appRole.equals(ownerRole)) {
			throw new IllegalArgumentException("yiwang.database.app-role must not be the owner role " + ownerRole);
		}
	}
}
