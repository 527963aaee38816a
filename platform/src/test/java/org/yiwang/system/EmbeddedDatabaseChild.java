package org.yiwang.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * A separate JVM for {@link EmbeddedDatabaseTests}: starts the embedded server on a directory, commits a row, says
 * READY and waits to be killed with SIGKILL, leaving its postmaster orphaned as a crashed platform would.
 */
public class EmbeddedDatabaseChild {

	public static void main(String[] args) throws Exception {
		EmbeddedDatabase database = EmbeddedDatabase.start(EmbeddedDatabaseTests.settings(Path.of(args[0])));
		DatabaseConfiguration.Login owner = database.owner();
		try (Connection connection = DriverManager.getConnection(owner.url(), owner.username(), owner.password())) {
			connection.createStatement().execute("create table if not exists crash_probe (note text)");
			connection.createStatement().execute("insert into crash_probe values ('" + args[1] + "')");
		}
		System.out.println("READY " + database.port());
		System.out.flush();
		Thread.sleep(120_000);
	}
}
