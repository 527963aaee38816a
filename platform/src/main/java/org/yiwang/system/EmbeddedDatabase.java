package org.yiwang.system;

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * The embedded PostgreSQL server that serves when no external database is configured. Its data directory persists,
 * it commits durably (zonky's defaults turn fsync off, we turn it back on), and it recovers from a JVM killed with
 * {@code kill -9}, whose orphaned postmaster would otherwise hold the directory. Nothing is trusted: every login has a
 * generated password ({@link ClusterSecrets}), the superuser only sets up the owner and application roles, and a
 * directory of an earlier version (trusted connections, the superuser owning everything) is upgraded in place.
 */
class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	static final String SUPERUSER = "postgres";

	private final EmbeddedPostgres postgres;

	private final DatabaseSettings settings;

	private final ClusterSecrets secrets;

	private EmbeddedDatabase(EmbeddedPostgres postgres, DatabaseSettings settings, ClusterSecrets secrets) {
		this.postgres = postgres;
		this.settings = settings;
		this.secrets = secrets;
	}

	static EmbeddedDatabase start(DatabaseSettings settings) {
		return start(settings, Map.of());
	}

	/**
	 * As {@link #start(DatabaseSettings)}, with server settings of its own over the defaults (the tests' one server
	 * for every cached Spring context of a JVM allows more connections than one platform needs).
	 */
	static EmbeddedDatabase start(DatabaseSettings settings, Map<String, String> serverConfig) {
		Path directory = settings.embeddedDirectory().toAbsolutePath();
		Path passwordFile = null;
		try {
			Files.createDirectories(directory);
			if (!settings.embeddedClean()) {
				stopOrphanedServer(directory);
			}
			// the same test zonky makes before it runs initdb
			boolean fresh = settings.embeddedClean() || !Files.exists(directory.resolve("postgresql.conf"));
			Optional<ClusterSecrets> kept = fresh ? Optional.empty() : ClusterSecrets.read(directory);
			ClusterSecrets secrets = kept.orElseGet(ClusterSecrets::generate);
			boolean upgrade = !fresh && kept.isEmpty(); // a directory of an earlier version: trust, no passwords
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(settings.embeddedClean())
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("max_connections", "100")
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("password_encryption", "scram-sha-256")
				// zonky's readiness probe logs in as the superuser
				.setConnectConfig("password", secrets.superuser())
				.setDataDirectoryCustomizer(data -> secure(data.toPath(), secrets, upgrade));
			if (fresh) {
				// initdb sets the superuser's password and writes a pg_hba.conf without trust (zonky passes -A trust
				// first; the later --auth wins)
				passwordFile = Files.createTempFile(directory.getParent(), "initdb", ".pw",
						PosixFilePermissions.asFileAttribute(ClusterSecrets.OWNER_ONLY));
				Files.writeString(passwordFile, secrets.superuser() + "\n");
				builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
			}
			if (settings.embeddedPort() > 0) {
				builder.setPort(settings.embeddedPort());
			}
			serverConfig.forEach(builder::setServerConfig);
			EmbeddedPostgres postgres = builder.start();
			EmbeddedDatabase database = new EmbeddedDatabase(postgres, settings, secrets);
			database.bootstrapRoles();
			log.info("Embedded PostgreSQL serving {} on port {}", directory, postgres.getPort());
			return database;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL in " + directory
					+ "; check that the directory is writable, or set SPRING_DATASOURCE_URL to use an external server", e);
		}
		finally {
			if (passwordFile != null) {
				try {
					Files.deleteIfExists(passwordFile);
				}
				catch (IOException e) {
					log.warn("Could not delete {}", passwordFile, e);
				}
			}
		}
	}

	/**
	 * Runs after initdb and before the server starts: an earlier version's directory gets the superuser's password
	 * (set in single-user mode, so the server never listens while the superuser has none), the secrets are kept owner-
	 * only in the directory, and pg_hba.conf asks every connection, local or TCP, for a SCRAM-SHA-256 password.
	 */
	private static void secure(Path data, ClusterSecrets secrets, boolean upgrade) {
		try {
			if (upgrade) {
				log.warn("Upgrading {} from an earlier version: passwords and separate roles replace trusted connections",
						data);
				singleUser(data, "ALTER ROLE " + SUPERUSER + " PASSWORD '" + secrets.superuser() + "'");
			}
			if (!Files.exists(data.resolve(ClusterSecrets.FILE))) {
				secrets.write(data);
			}
			Files.writeString(data.resolve("pg_hba.conf"), PG_HBA);
			Files.setPosixFilePermissions(data.resolve("pg_hba.conf"), ClusterSecrets.OWNER_ONLY);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not secure the embedded PostgreSQL in " + data, e);
		}
	}

	private static final String PG_HBA = """
			# Written by Yiwang at every start of its embedded PostgreSQL: every connection, over the local socket or
			# TCP, logs in with a SCRAM-SHA-256 password (yiwang-secrets.properties), none without one.
			local   all           all                  scram-sha-256
			host    all           all   127.0.0.1/32   scram-sha-256
			host    all           all   ::1/128        scram-sha-256
			local   replication   all                  scram-sha-256
			host    replication   all   127.0.0.1/32   scram-sha-256
			host    replication   all   ::1/128        scram-sha-256
			""";

	/** One statement through {@code postgres --single}: no server runs, nothing listens, no login is needed. */
	private static void singleUser(Path data, String statement) throws IOException {
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			command.addAll(List.of("unshare", "-U")); // as zonky does: PostgreSQL refuses to run as root
		}
		command.addAll(List.of(binaries().resolve("bin/postgres").toString(), "--single", "-D", data.toString(), "-F",
				"-c", "exit_on_error=on", "-c", "password_encryption=scram-sha-256", "postgres"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try (Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
			in.write(statement + ";\n");
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (process.waitFor() != 0) {
				throw new IOException("postgres --single failed: " + output.replace(statement, "(statement)"));
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while postgres --single ran", e);
		}
	}

	/** Where zonky unpacked the PostgreSQL binaries: it keeps the answer to itself, so ask it the way it asks. */
	private static Path binaries() throws IOException {
		try {
			Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
			prepare.setAccessible(true);
			return ((File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null)).toPath();
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			throw new IOException("Could not locate the embedded PostgreSQL binaries to upgrade the data directory", e);
		}
	}

	/**
	 * Every start, as the superuser: the owner and the application log in with their own passwords, neither is a
	 * superuser or may bypass row-level security, and the owner owns every object of the application's schemas
	 * (a directory of an earlier version had the superuser own them). The application is a member of no role.
	 */
	private void bootstrapRoles() throws IOException {
		String owner = settings.ownerRole();
		String app = settings.appRole();
		try (Connection connection = DriverManager.getConnection(url(), SUPERUSER, secrets.superuser());
				Statement sql = connection.createStatement()) {
			for (String role : List.of(owner, app)) {
				sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
						+ "') THEN CREATE ROLE " + role + "; END IF; END $$");
			}
			String plain = " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '";
			sql.execute("ALTER ROLE " + owner + plain + secrets.owner() + "'");
			sql.execute("ALTER ROLE " + app + plain + secrets.app() + "'");
			// the owner's migrations grant the application role to their user (V20261127.0800)
			sql.execute("GRANT " + app + " TO " + owner + " WITH ADMIN OPTION");
			sql.execute("DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO " + owner
					+ "', current_database()); END $$");
			sql.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + owner);
			sql.execute(TRANSFER_OWNERSHIP.replace("${owner}", owner));
		}
		catch (SQLException e) {
			throw new IOException("Could not set up the database roles " + owner + " and " + app, e);
		}
	}

	/**
	 * Hands whatever the superuser owns outside PostgreSQL's own schemas to the owner role: schemas, tables, views and
	 * free-standing sequences (a table's own sequences follow it), routines and types. Grants stay as they were.
	 */
	private static final String TRANSFER_OWNERSHIP = """
			DO $$
			DECLARE
			  superuser oid := (SELECT oid FROM pg_roles WHERE rolname = current_user);
			  o record;
			BEGIN
			  FOR o IN SELECT nspname FROM pg_namespace WHERE nspowner = superuser
			      AND nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\\_%' LOOP
			    EXECUTE format('ALTER SCHEMA %I OWNER TO ${owner}', o.nspname);
			  END LOOP;
			  FOR o IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			      WHERE c.relowner = superuser AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
			        AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
			        AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
			          AND d.deptype IN ('a', 'i', 'e')) LOOP
			    EXECUTE format('ALTER %s %s OWNER TO ${owner}', CASE o.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
			      WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, o.name);
			  END LOOP;
			  FOR o IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			      WHERE p.proowner = superuser AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
			        AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
			          AND d.deptype = 'e') LOOP
			    EXECUTE format('ALTER ROUTINE %s OWNER TO ${owner}', o.name);
			  END LOOP;
			  FOR o IN SELECT t.oid::regtype AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
			      WHERE t.typowner = superuser AND t.typtype IN ('e', 'd', 'r') AND n.nspname <> 'information_schema'
			        AND n.nspname NOT LIKE 'pg\\_%'
			        AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid
			          AND d.deptype = 'e') LOOP
			    EXECUTE format('ALTER TYPE %s OWNER TO ${owner}', o.name);
			  END LOOP;
			END
			$$""";

	/**
	 * A postmaster left running by a JVM that died without closing it: stop it so this start can take over. The JVM
	 * that runs a platform holds the directory's {@code epg-lock}; if that lock can be taken, nobody alive owns the
	 * directory and a running postmaster is an orphan. If it cannot, another platform is running there and this start
	 * is refused before anything is touched.
	 */
	static void stopOrphanedServer(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.isReadable(pidFile)) {
			return;
		}
		try (FileChannel lockFile = FileChannel.open(directory.resolve("epg-lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
			if (lock == null) {
				throw new IllegalStateException("Another running platform uses " + directory
						+ ". Stop it first, or give this one its own yiwang.database.embedded-directory.");
			}
			List<String> lines = Files.readAllLines(pidFile);
			Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty()
					: parsePid(lines.get(0)).flatMap(ProcessHandle::of);
			if (orphan.isEmpty() || !orphan.get().isAlive() || !isPostgres(orphan.get())) {
				return;
			}
			ProcessHandle process = orphan.get();
			log.warn("Stopping orphaned PostgreSQL (pid {}) still holding {} from an earlier run", process.pid(), directory);
			process.destroy(); // SIGTERM: a smart shutdown, and it has no clients left
			try {
				process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (Exception timeout) {
				process.destroyForcibly();
				process.onExit().join();
			}
		}
	}

	private static Optional<Long> parsePid(String line) {
		try {
			return Optional.of(Long.parseLong(line.trim()));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> command.contains("postgres")).orElse(true);
	}

	/** The database's address, without a user: each login names its own. */
	String url() {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
	}

	DatabaseConfiguration.Login owner() {
		return new DatabaseConfiguration.Login(url(), settings.ownerRole(), secrets.owner());
	}

	DatabaseConfiguration.Login app() {
		return new DatabaseConfiguration.Login(url(), settings.appRole(), secrets.app());
	}

	/** Only for bootstrapping the roles, and for tests that play a database administrator. */
	DatabaseConfiguration.Login superuser() {
		return new DatabaseConfiguration.Login(url(), SUPERUSER, secrets.superuser());
	}

	int port() {
		return postgres.getPort();
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}
}
