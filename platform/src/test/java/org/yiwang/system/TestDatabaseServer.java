package org.yiwang.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One embedded PostgreSQL per test JVM instead of one per Spring test context. It starts the way the platform starts
 * its own ({@link EmbeddedDatabase#start}: generated passwords, owner and application roles, fsync on), the
 * migrations run once into a template database, and every further context gets a database of its own copied from it
 * ({@code CREATE DATABASE … TEMPLATE}), which the context's Flyway only validates. A context reaches its database as
 * the platform reaches an external server ({@code spring.datasource.url}, the owner's login, the application's role
 * and password), so it is as fresh and as isolated as before: it shares roles with the other contexts, no rows.
 */
final class TestDatabaseServer {

	private static final Logger log = LoggerFactory.getLogger(TestDatabaseServer.class);

	static final String TEMPLATE = "yiwang_template";

	private static TestDatabaseServer instance;

	private final EmbeddedDatabase server;

	private final DatabaseSettings settings;

	private final Path directory;

	private final AtomicInteger databases = new AtomicInteger();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private TestDatabaseServer(EmbeddedDatabase server, DatabaseSettings settings, Path directory) {
		this.server = server;
		this.settings = settings;
		this.directory = directory;
	}

	/** The server of this JVM: started, bootstrapped and migrated into the template at the first call. */
	static synchronized TestDatabaseServer get() {
		if (instance == null) {
			instance = start();
		}
		return instance;
	}

	private static TestDatabaseServer start() {
		long started = System.nanoTime();
		Path directory = Path.of(System.getProperty("java.io.tmpdir"), "yiwang-test",
				"shared-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
		DatabaseSettings settings = new DatabaseSettings("yiwang_app", "", "yiwang_owner", directory, 0, true);
		// every cached context keeps its pools (and its cluster sessions) open: 100 connections ran out in a surefire run
		Map<String, String> config = new HashMap<>(Map.of("max_connections", "400"));
		if (!Boolean.getBoolean("yiwang.test.durable-database")) {
			// a throwaway server: no commit waits for its flush, no write is synced (durability is tested on servers of
			// their own: EmbeddedDatabaseTests, AuctionCrashTests, bench/rush-crash.sh)
			config.putAll(Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));
		}
		EmbeddedDatabase server = EmbeddedDatabase.start(settings, config);
		TestDatabaseServer shared = new TestDatabaseServer(server, settings, directory);
		// the platform's contexts close first (their pools would log errors against a stopped server), then the server
		Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "yiwang-test-database"));
		shared.createTemplate();
		log.info("Test database server on port {}: template migrated in {} ms", server.port(),
				(System.nanoTime() - started) / 1_000_000);
		return shared;
	}

	/**
	 * What the embedded server's start does in its one database (the owner may create schemas and extensions), then
	 * the migrations as the platform runs them: as the owner, seeing every region, with the application role's name.
	 */
	private void createTemplate() {
		superuserExecute("postgres", "CREATE DATABASE " + TEMPLATE);
		grantOwner(TEMPLATE);
		superuserExecute(TEMPLATE, "GRANT USAGE, CREATE ON SCHEMA public TO " + settings.ownerRole());
		DatabaseConfiguration.Login owner = server.owner();
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setPoolName("yiwang-test-template");
			pool.setJdbcUrl(url(TEMPLATE));
			pool.setUsername(owner.username());
			pool.setPassword(owner.password());
			pool.setConnectionInitSql("select set_config('yiwang.scope_all', 'on', false)");
			pool.setMaximumPoolSize(2);
			Flyway.configure()
				.dataSource(pool)
				.locations("classpath:db/migration")
				.placeholderReplacement(true)
				.placeholders(Map.of("app_role", settings.appRole()))
				.load()
				.migrate();
		}
	}

	/** A fresh database copied from the template for one context; its properties point the context at it. */
	Map<String, Object> newDatabase(ConfigurableApplicationContext context) {
		long started = System.nanoTime();
		String name = "yiwang_test_" + databases.incrementAndGet();
		// WAL_LOG (the default) copied it in 0.1-0.2 s here; FILE_COPY's two checkpoints took 3-4 s
		superuserExecute("postgres", "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
		grantOwner(name);
		log.info("Test database {} copied from the template in {} ms; {} connections open on the server", name,
				(System.nanoTime() - started) / 1_000_000, connections());
		synchronized (contexts) {
			contexts.add(context);
		}
		DatabaseConfiguration.Login owner = server.owner();
		DatabaseConfiguration.Login app = server.app();
		return Map.of("spring.datasource.url", url(name),
				"spring.datasource.username", owner.username(),
				"spring.datasource.password", owner.password(),
				"yiwang.database.app-role", app.username(),
				"yiwang.database.app-password", app.password());
	}

	/** The superuser's login to one context's database, for tests that play a database administrator. */
	DatabaseConfiguration.Login superuser(String url) {
		return new DatabaseConfiguration.Login(url, EmbeddedDatabase.SUPERUSER, server.superuser().password());
	}

	private long connections() {
		DatabaseConfiguration.Login superuser = server.superuser();
		try (Connection connection = DriverManager.getConnection(url("postgres"), superuser.username(),
				superuser.password()); Statement sql = connection.createStatement();
				var rows = sql.executeQuery("select count(*) from pg_stat_activity where backend_type = 'client backend'")) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Test database server: counting connections failed", e);
		}
	}

	private void grantOwner(String database) {
		superuserExecute("postgres", "GRANT CREATE ON DATABASE " + database + " TO " + settings.ownerRole());
	}

	private String url(String database) {
		return "jdbc:postgresql://localhost:" + server.port() + "/" + database;
	}

	private void superuserExecute(String database, String statement) {
		DatabaseConfiguration.Login superuser = server.superuser();
		try (Connection connection = DriverManager.getConnection(url(database), superuser.username(),
				superuser.password()); Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Test database server: " + statement + " failed", e);
		}
	}

	private void close() {
		List<ConfigurableApplicationContext> open;
		synchronized (contexts) {
			open = new ArrayList<>(contexts);
		}
		for (ConfigurableApplicationContext context : open) {
			try {
				context.close(); // waits while Spring's own shutdown hook closes it
			}
			catch (RuntimeException e) {
				log.warn("Closing a test context before its database server failed", e);
			}
		}
		try {
			server.close(); // zonky deletes the data directory's contents, we the directory
			Files.deleteIfExists(directory);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
