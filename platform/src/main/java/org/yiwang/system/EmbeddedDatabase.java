package org.yiwang.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL server that serves when no external database is configured. Its data directory persists,
 * it commits durably (zonky's defaults turn fsync off, we turn it back on), and it recovers from a JVM killed with
 * {@code kill -9}, whose orphaned postmaster would otherwise hold the directory.
 */
class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedDatabase start(DatabaseSettings settings) {
		Path directory = settings.embeddedDirectory().toAbsolutePath();
		try {
			Files.createDirectories(directory);
			if (!settings.embeddedClean()) {
				stopOrphanedServer(directory);
			}
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(settings.embeddedClean())
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				.setServerConfig("max_connections", "100");
			if (settings.embeddedPort() > 0) {
				builder.setPort(settings.embeddedPort());
			}
			EmbeddedPostgres postgres = builder.start();
			log.info("Embedded PostgreSQL serving {} on port {}", directory, postgres.getPort());
			return new EmbeddedDatabase(postgres);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL in " + directory
					+ "; check that the directory is writable, or set SPRING_DATASOURCE_URL to use an external server", e);
		}
	}

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

	String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	int port() {
		return postgres.getPort();
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}
}
