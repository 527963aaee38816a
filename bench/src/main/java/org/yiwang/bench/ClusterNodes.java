package org.yiwang.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.yiwang.YiwangApplication;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Application nodes as separate JVMs on loopback on one PostgreSQL, for the multi-node benches
 * ({@code org.yiwang.auction.ClusterBench}, {@code org.yiwang.auction.ClusterLoad}): the database with the owner and
 * application logins of docs/operations.md, the arguments every node shares, a node's start and its readiness.
 */
public final class ClusterNodes {

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(3)).build();

	private ClusterNodes() {
	}

	/** Creates the owner and application logins and the database {@code yiwang} on {@code pg}; its JDBC URL. */
	public static String database(EmbeddedPostgres pg) throws Exception {
		try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE ROLE yiwang_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD 'owner'");
			s.execute("CREATE ROLE yiwang_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD 'app'");
			s.execute("GRANT yiwang_app TO yiwang_owner WITH ADMIN OPTION");
			s.execute("CREATE DATABASE yiwang OWNER yiwang_owner");
		}
		return "jdbc:postgresql://localhost:" + pg.getPort() + "/yiwang";
	}

	/** What every node of the cluster (and the set-up node in the bench's JVM) is started with. */
	public static List<String> commonArgs(String url, Path work) {
		return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=yiwang_owner",
				"--spring.datasource.password=owner", "--yiwang.database.app-password=app",
				"--yiwang.cluster.jdbc-sessions=true", "--yiwang.auction.clock-lease=3s",
				"--yiwang.pki.key-secret-file=" + work.resolve("pki-key-secret"),
				"--yiwang.tendering.blob-directory=" + work.resolve("blobs"), "--yiwang.demo.city=false",
				"--yiwang.demo.entities=false", "--yiwang.demo.guarantee=false", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN");
	}

	/** Starts {@code main} of {@code mainClass} in a JVM of its own with this JVM's class path; output to name.out. */
	public static Process java(Path work, String name, String mainClass, List<String> args) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx768m", "-cp", classPath(), mainClass));
		command.addAll(args);
		Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
			.redirectOutput(work.resolve(name + ".out").toFile()).start();
		// a bench that fails half-way leaves no server running behind it
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		return process;
	}

	/** This JVM's class path with absolute entries: the child runs in {@code work} (the scripts give bench/target/classes). */
	private static String classPath() {
		return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
			.map(entry -> Path.of(entry).toAbsolutePath().toString())
			.collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
	}

	/** An application node in a JVM of its own, logging to {@code name}.log in {@code work}. */
	public static Process start(Path work, List<String> args, String name) throws IOException {
		List<String> all = new ArrayList<>(args);
		all.add("--logging.file.name=" + work.resolve(name + ".log"));
		return java(work, name, YiwangApplication.class.getName(), all);
	}

	/**
	 * Starts node {@code name} on {@code port} with the common arguments, its own node id and search index, and waits
	 * until it answers; prints how long it took.
	 */
	public static Process startNode(Path work, List<String> common, String name, int port, String... more)
			throws Exception {
		List<String> args = new ArrayList<>(common);
		args.addAll(List.of("--server.port=" + port, "--yiwang.cluster.node-id=" + name,
				"--yiwang.portal.index-directory=" + work.resolve("index-" + name)));
		args.addAll(List.of(more));
		Process node = start(work, args, name);
		System.out.printf("%s ready on port %d after %.1f s%n", name, port, waitReady(port, node, "/actuator/health"));
		return node;
	}

	/**
	 * Seconds until {@code path} on {@code port} answers 200 (asked every 200 ms); throws when the process exits or after
	 * {@code -Drush.readyMinutes} (4) minutes: a loaded machine (load 25+ on 2 cores) took more than 3 to start one.
	 */
	public static double waitReady(int port, Process process, String path) throws Exception {
		long start = System.nanoTime();
		long minutes = Long.getLong("rush.readyMinutes", 4);
		while (System.nanoTime() - start < Duration.ofMinutes(minutes).toNanos()) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The server exited with " + process.exitValue());
			}
			try {
				HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
				if (r.statusCode() == 200) {
					return (System.nanoTime() - start) / 1e9;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("The server did not answer within " + minutes + " minutes");
	}

	public static int freePort() throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Ends a node as an operator would (SIGTERM: it gives its lease and locks up) and waits for it. */
	public static void stop(Process node) throws InterruptedException {
		node.destroy();
		if (!node.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
			node.destroyForcibly().waitFor();
		}
	}

	/** The first column of the first row, as the database's superuser on the yiwang database; null when none. */
	public static String single(EmbeddedPostgres pg, String sql) throws Exception {
		List<String[]> rows = rows(pg, sql);
		return rows.isEmpty() ? null : rows.get(0)[0];
	}

	/** As the database's superuser (row-level security does not bind it), on the yiwang database. */
	public static List<String[]> rows(EmbeddedPostgres pg, String sql) throws Exception {
		List<String[]> rows = new ArrayList<>();
		try (Connection c = pg.getDatabase("postgres", "yiwang").getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				String[] row = new String[columns];
				for (int i = 0; i < columns; i++) {
					row[i] = rs.getString(i + 1);
				}
				rows.add(row);
			}
		}
		return rows;
	}

	/** A statement without rows (DDL, a grant), as the database's superuser on the yiwang database. */
	public static void execute(EmbeddedPostgres pg, String sql) throws Exception {
		try (Connection c = pg.getDatabase("postgres", "yiwang").getConnection(); Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}
}
