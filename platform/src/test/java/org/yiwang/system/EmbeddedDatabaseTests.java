package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded server keeps committed data across a clean restart and across a JVM killed with SIGKILL; it trusts
 * no connection (every login needs its generated secret) and upgrades a directory of an earlier version in place.
 */
class EmbeddedDatabaseTests {

	@TempDir
	Path directory;

	static DatabaseSettings settings(Path directory) {
		return new DatabaseSettings("yiwang_app", "", "yiwang_owner", directory, 0, false);
	}

	private static Connection connect(DatabaseConfiguration.Login login) throws SQLException {
		return DriverManager.getConnection(login.url(), login.username(), login.password());
	}

	private static List<String> notes(EmbeddedDatabase database) throws Exception {
		try (Connection connection = connect(database.owner());
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
		try (EmbeddedDatabase first = EmbeddedDatabase.start(settings(data)); Connection connection = connect(first.owner())) {
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

	@Test
	void refuses_the_superuser_without_its_secret() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.start(settings(directory.resolve("pg")))) {
			refusesEveryLoginWithoutItsSecret(database);
		}
	}

	@Test
	void every_connection_logs_in_with_a_scram_password_kept_owner_only_in_the_data_directory() throws Exception {
		Path data = directory.resolve("pg");
		try (EmbeddedDatabase database = EmbeddedDatabase.start(settings(data));
				Connection superuser = connect(database.superuser());
				ResultSet rules = superuser.createStatement().executeQuery(
						"select type, auth_method from pg_hba_file_rules where error is null")) {
			List<String> methods = new ArrayList<>();
			while (rules.next()) {
				methods.add(rules.getString(1) + " " + rules.getString(2));
			}
			assertThat(methods).contains("local scram-sha-256", "host scram-sha-256")
				.allMatch(rule -> rule.endsWith(" scram-sha-256"));
			assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
			Path secrets = data.resolve(ClusterSecrets.FILE);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
			assertThat(Files.readString(secrets)).contains(database.app().password(), database.owner().password(),
					database.superuser().password());
			ResultSet stored = superuser.createStatement().executeQuery(
					"select count(*) from pg_authid where rolcanlogin and rolpassword not like 'SCRAM-SHA-256$%'");
			stored.next();
			assertThat(stored.getInt(1)).as("logins whose password is not stored as a SCRAM verifier").isZero();
		}
	}

	@Test
	void the_application_logs_in_as_a_plain_role_that_cannot_become_the_owner_or_the_superuser() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.start(settings(directory.resolve("pg")));
				Connection app = connect(database.app())) {
			ResultSet role = app.createStatement().executeQuery(
					"select session_user, rolsuper, rolbypassrls from pg_roles where rolname = session_user");
			role.next();
			assertThat(role.getString(1)).isEqualTo("yiwang_app");
			assertThat(role.getBoolean(2)).isFalse();
			assertThat(role.getBoolean(3)).isFalse();
			for (String escape : List.of("SET ROLE yiwang_owner", "SET ROLE postgres", "SET SESSION AUTHORIZATION postgres")) {
				assertThatThrownBy(() -> app.createStatement().execute(escape)).as(escape)
					.isInstanceOf(SQLException.class)
					.hasMessageContaining("permission denied");
			}
		}
	}

	/** An external server configured with the owner or a superuser as the application's login: the start is refused. */
	@Test
	void refuses_to_run_with_an_application_login_that_could_escape_row_security() throws Exception {
		try (EmbeddedDatabase database = EmbeddedDatabase.start(settings(directory.resolve("pg")))) {
			try (Connection owner = connect(database.owner())) {
				owner.createStatement().execute("create table scoped (region_code text)");
			}
			DatabaseConfiguration configuration = new DatabaseConfiguration();
			assertThatThrownBy(() -> configuration.applicationRoleCheck(source(database.superuser())).afterSingletonsInstantiated())
				.hasMessageContaining("postgres is a superuser");
			assertThatThrownBy(() -> configuration.applicationRoleCheck(source(database.owner())).afterSingletonsInstantiated())
				.hasMessageContaining("yiwang_owner owns tables");
			configuration.applicationRoleCheck(source(database.app())).afterSingletonsInstantiated();
		}
	}

	private static javax.sql.DataSource source(DatabaseConfiguration.Login login) {
		return new org.springframework.jdbc.datasource.DriverManagerDataSource(login.url(), login.username(),
				login.password());
	}

	/**
	 * A directory written by an earlier version: initdb's trusted connections, no passwords, the superuser owning the
	 * schemas and their data. After the start it keeps every row, the owner role owns it all, and nothing is trusted.
	 */
	@Test
	void upgrades_a_trusting_directory_of_an_earlier_version_without_losing_data() throws Exception {
		Path data = directory.resolve("pg");
		try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start(); Connection old = earlier.getPostgresDatabase().getConnection()) {
			old.createStatement().execute("""
					create schema probe;
					create table probe.notes (id serial primary key, note text);
					insert into probe.notes (note) values ('kept across the upgrade');
					create table crash_probe (note text);
					insert into crash_probe values ('in public');
					create function probe.answer() returns int language sql as 'select 42';
					create role yiwang_app nologin""");
		}
		assertThat(Files.readString(data.resolve("pg_hba.conf"))).contains("trust");

		for (int start = 0; start < 2; start++) { // the second start finds the directory already upgraded
			try (EmbeddedDatabase upgraded = EmbeddedDatabase.start(settings(data));
					Connection owner = connect(upgraded.owner())) {
				assertThat(notes(upgraded)).containsExactly("in public");
				ResultSet rows = owner.createStatement().executeQuery("select note, probe.answer() from probe.notes");
				assertThat(rows.next()).isTrue();
				assertThat(rows.getString(1)).isEqualTo("kept across the upgrade");
				owner.createStatement().execute("alter table probe.notes add column if not exists later text");
				ResultSet owners = owner.createStatement().executeQuery("""
						select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
						where n.nspname in ('probe', 'public') and c.relkind in ('r', 'S')
						  and pg_get_userbyid(c.relowner) <> 'yiwang_owner'""");
				owners.next();
				assertThat(owners.getInt(1)).as("tables and sequences still owned by the superuser").isZero();
				refusesEveryLoginWithoutItsSecret(upgraded);
				try (Connection app = connect(upgraded.app())) {
					assertThat(app.isValid(1)).isTrue();
				}
			}
		}
		assertThat(Files.readString(data.resolve("pg_hba.conf"))).doesNotContain("trust");
	}

	private static void refusesEveryLoginWithoutItsSecret(EmbeddedDatabase database) throws Exception {
		for (String user : List.of("postgres", "yiwang_owner", "yiwang_app")) {
			for (String password : new String[] { "", "postgres", database.app().password() + "x" }) {
				assertThatThrownBy(() -> DriverManager.getConnection(database.url(), user, password).close())
					.as(user + " with a wrong password")
					.isInstanceOf(SQLException.class);
			}
		}
		String socketDirectory;
		try (Connection superuser = connect(database.superuser());
				ResultSet rs = superuser.createStatement().executeQuery("select current_setting('unix_socket_directories')")) {
			rs.next();
			socketDirectory = rs.getString(1).split(",")[0].trim();
		}
		for (String host : List.of("127.0.0.1", socketDirectory)) {
			ProcessBuilder psql = new ProcessBuilder("psql", "-h", host, "-p", String.valueOf(database.port()), "-U",
					"postgres", "-w", "-c", "select 1").redirectErrorStream(true);
			psql.environment().remove("PGPASSWORD");
			psql.environment().put("PGPASSFILE", "/dev/null");
			Process process = psql.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor()).as("psql -h " + host + " -U postgres: " + output).isNotZero();
			assertThat(output).as("psql -h " + host).contains("password");
		}
	}
}
