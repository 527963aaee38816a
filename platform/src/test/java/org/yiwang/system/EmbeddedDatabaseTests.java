package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server keeps committed data across a clean restart and across a JVM killed with SIGKILL. */
class EmbeddedDatabaseTests {

	@TempDir
	Path directory;

	private static DatabaseSettings settings(Path directory) {
		return new DatabaseSettings("yiwang_app", directory, 0, false);
	}

	private static List<String> notes(EmbeddedDatabase database) throws Exception {
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
				ResultSet rs = connection.createStatement().executeQuery("select note from crash_probe order by note")) {
			List<String> notes = new ArrayList<>();
			while (rs.next()) {
				notes.add(rs.getString(1));
			}
			return notes;
		}
	}

	@Test
	void keeps_data_across_a_restart_and_runs_durably() throws Exception {
		Path data = directory.resolve("pg");
		try (EmbeddedDatabase first = EmbeddedDatabase.start(settings(data));
				Connection connection = DriverManager.getConnection(first.jdbcUrl(), "postgres", "")) {
			connection.createStatement().execute("create table crash_probe (note text)");
			connection.createStatement().execute("insert into crash_probe values ('before restart')");
			ResultSet fsync = connection.createStatement().executeQuery(
					"select current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes')");
			fsync.next();
			assertThat(List.of(fsync.getString(1), fsync.getString(2), fsync.getString(3))).containsOnly("on");
		}
		try (EmbeddedDatabase second = EmbeddedDatabase.start(settings(data))) {
			assertThat(notes(second)).containsExactly("before restart");
		}
	}

	@Test
	void recovers_after_the_jvm_is_killed_and_keeps_what_it_committed() throws Exception {
		Path data = directory.resolve("pg");
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), EmbeddedDatabaseChild.class.getName(), data.toString(), "committed")
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
			String line;
			do {
				line = out.readLine();
			}
			while (line != null && !line.startsWith("READY"));
			assertThat(line).as("the child JVM started its database").isNotNull();
		}
		child.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to stop PostgreSQL
		assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		long orphan = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the postmaster outlived its JVM").contains(true);

		try (EmbeddedDatabase restarted = EmbeddedDatabase.start(settings(data))) {
			assertThat(notes(restarted)).containsExactly("committed");
		}
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
	}
}
