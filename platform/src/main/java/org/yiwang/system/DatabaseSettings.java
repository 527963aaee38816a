package org.yiwang.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform reaches PostgreSQL.
 *
 * @param appRole the role the application acts as; it owns no table, so row-level security binds it
 * @param embeddedDirectory where the embedded server keeps its data when no {@code spring.datasource.url} is set
 * @param embeddedPort the embedded server's port; 0 picks a free one
 * @param embeddedClean start the embedded server on an empty directory (tests only)
 */
@ConfigurationProperties("yiwang.database")
record DatabaseSettings(@DefaultValue("yiwang_app") String appRole,
		@DefaultValue("data/postgres") Path embeddedDirectory,
		@DefaultValue("0") int embeddedPort,
		@DefaultValue("false") boolean embeddedClean) {

	DatabaseSettings {
		if (!appRole.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("yiwang.database.app-role must be a plain lower-case PostgreSQL role name");
		}
	}
}
