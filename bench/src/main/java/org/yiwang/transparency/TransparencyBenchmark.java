package org.yiwang.transparency;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.YiwangApplication;
import org.yiwang.system.RegionScopes;
import org.yiwang.transparency.LogTree.Node;

/**
 * The transparency log's figures (issue 24), each beside plain SHA-256 hashing of the same leaves in the same run:
 * <ol>
 * <li>a log of {@code bulk} leaves is built first (leaves and every complete subtree computed here with the log's own
 * append step, copied in with COPY), so proofs are measured at that size (the issue's: 10 million);</li>
 * <li>appends sustained: {@code appends} facts taken in by two writers through the real path (pending table, the
 * sequencer's merge under its lock, subtrees stored, a tree head signed with SM2 and time-stamped every second);</li>
 * <li>the signing interval under that load: the largest gap between consecutive signed heads, against the 1 s period
 * and the 10 s maximum merge delay configured for the run;</li>
 * <li>inclusion and consistency proof generation p50/p99 at the final size (random leaves and sizes).</li>
 * </ol>
 * {@code bench/transparency-log.sh [bulk=10000000] [appends=200000] [proofs=10000]}
 */
public final class TransparencyBenchmark {

	private static final HexFormat HEX = HexFormat.of();

	private TransparencyBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long bulk = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
		int appends = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
		int proofs = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
		Path work = Files.createTempDirectory("yiwang-transparency-bench");
		ConfigurableApplicationContext app = SpringApplication.run(YiwangApplication.class, "--server.port=0",
				"--yiwang.database.embedded-directory=" + work.resolve("postgres"), "--yiwang.database.embedded-clean=true",
				"--yiwang.pki.key-secret-file=" + work.resolve("pki-key-secret"),
				"--yiwang.portal.index-directory=" + work.resolve("index"), "--logging.file.name=" + work.resolve("log"),
				"--yiwang.tendering.opening-check-seconds=0", "--yiwang.demo=false", "--spring.main.banner-mode=off",
				"--yiwang.transparency.sequence-seconds=0", "--yiwang.transparency.merge-delay-seconds=10",
				"--logging.level.root=WARN");
		try {
			TransparencyLog log = app.getBean(TransparencyLog.class);
			TransactionTemplate transactions = app.getBean(TransactionTemplate.class);
			DataSource data = app.getBean(DataSource.class);
			log.signTreeHead(true);

			// baseline: plain SHA-256 of the same leaf texts
			long baselineStart = System.nanoTime();
			byte[] sink = new byte[32];
			long hashed = Math.min(bulk, 2_000_000);
			for (long i = 0; i < hashed; i++) {
				byte[] h = LogTree.sha256().digest(leafText(i));
				sink[0] ^= h[0];
			}
			double baselinePerSecond = hashed / seconds(baselineStart);
			System.out.printf("baseline: plain SHA-256 of the leaf texts: %,.0f leaves/s (%d leaves)%n", baselinePerSecond,
					hashed);

			long start = log.size();
			long bulkStart = System.nanoTime();
			bulkLoad(data, start, bulk);
			System.out.printf("bulk log of %,d leaves built in %.1f s (%,.0f leaves/s incl. subtrees and COPY)%n", bulk,
					seconds(bulkStart), bulk / seconds(bulkStart));
			log.signTreeHead(true);

			// appends through the real path, the sequencer signing every second meanwhile
			List<Instant> signed = new ArrayList<>();
			long target = log.size() + appends;
			ExecutorService writers = Executors.newFixedThreadPool(2);
			long appendStart = System.nanoTime();
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < 2; w++) {
				int writer = w;
				done.add(writers.submit(() -> {
					for (int i = writer; i < appends; i += 2 * 500) {
						int from = i;
						RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> {
							for (int k = from; k < Math.min(from + 2 * 500, appends); k += 2) {
								log.take("bench", "append:" + k, HEX.formatHex(LogTree.sha256().digest(leafText(k))));
							}
						}));
					}
					return null;
				}));
			}
			long nextTick = System.nanoTime();
			while (log.size() < target || done.stream().anyMatch(f -> !f.isDone())) {
				nextTick += 1_000_000_000L;
				signed.add(log.signTreeHead(false).signedAt());
				long wait = nextTick - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000);
				}
			}
			for (Future<?> f : done) {
				f.get();
			}
			writers.shutdown();
			double appendSeconds = seconds(appendStart);
			System.out.printf("appends sustained: %,.0f facts/s (%d facts taken in, merged and signed in %.1f s; "
					+ "baseline hashing %,.0f/s)%n", appends / appendSeconds, appends, appendSeconds, baselinePerSecond);
			long maxGap = 0;
			for (int i = 1; i < signed.size(); i++) {
				maxGap = Math.max(maxGap, signed.get(i).toEpochMilli() - signed.get(i - 1).toEpochMilli());
			}
			System.out.printf("tree heads signed under load: %d, largest interval %d ms (period 1000 ms, MMD %d s)%n",
					signed.size(), maxGap, log.mergeDelaySeconds());

			long size = log.signTreeHead(true).treeSize();
			Random random = new Random(24);
			long[] inclusion = new long[proofs];
			for (int i = 0; i < proofs; i++) {
				long index = (long) (random.nextDouble() * size);
				long t = System.nanoTime();
				log.inclusion(index, size);
				inclusion[i] = System.nanoTime() - t;
			}
			long[] consistency = new long[proofs / 10];
			for (int i = 0; i < consistency.length; i++) {
				long first = 1 + (long) (random.nextDouble() * (size - 1));
				long t = System.nanoTime();
				log.consistency(first, size);
				consistency[i] = System.nanoTime() - t;
			}
			long baseline = System.nanoTime();
			for (int i = 0; i < 50; i++) {
				LogTree.sha256().digest(leafText(i));
			}
			double hashMicros = (System.nanoTime() - baseline) / 50 / 1000.0;
			System.out.printf("inclusion proof at %,d leaves: p50 %.2f ms, p99 %.2f ms (%d proofs); consistency p50 %.2f ms, "
					+ "p99 %.2f ms; baseline one leaf SHA-256 %.2f µs%n", size, percentile(inclusion, 50),
					percentile(inclusion, 99), proofs, percentile(consistency, 50), percentile(consistency, 99), hashMicros);
			System.out.println("sink " + sink[0]);
		}
		finally {
			app.close();
		}
	}

	private static byte[] leafText(long i) {
		return LogLeaf.canonical("bench", "bulk:" + i, "00".repeat(32), "2026-12-07T00:00:00Z");
	}

	/** Leaves [start, start + count) and every subtree they complete, computed with the log's append step, COPY'd in. */
	private static void bulkLoad(DataSource data, long start, long count) throws Exception {
		try (Connection connection = data.getConnection()) {
			connection.setAutoCommit(false);
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			Map<Integer, byte[]> frontier = frontier(connection, start);
			StringBuilder leaves = new StringBuilder();
			Map<Node, byte[]> nodes = new LinkedHashMap<>();
			for (long i = start; i < start + count; i++) {
				String content = "00".repeat(32);
				String identifier = "bulk:" + i;
				byte[] leafHash = LogTree.leafHash(LogLeaf.canonical("bench", identifier, content, "2026-12-07T00:00:00Z"));
				leaves.append(i).append("\tbench\t").append(identifier).append("\t\\\\x").append(content)
					.append("\t2026-12-07 00:00:00+00\t\\\\x").append(HEX.formatHex(leafHash)).append('\n');
				TransparencyLog.append(i, leafHash, frontier, nodes);
				if (leaves.length() > 8_000_000 || i == start + count - 1) {
					copy.copyIn("copy transparency.leaves from stdin", new StringReader(leaves.toString()));
					StringBuilder rows = new StringBuilder();
					nodes.forEach((node, hash) -> rows.append(node.level()).append('\t').append(node.index())
						.append("\t\\\\x").append(HEX.formatHex(hash)).append('\n'));
					copy.copyIn("copy transparency.nodes from stdin", new StringReader(rows.toString()));
					leaves.setLength(0);
					nodes.clear();
				}
			}
			try (var statement = connection.prepareStatement("update transparency.log_size set size = ? where id = 1")) {
				statement.setLong(1, start + count);
				statement.executeUpdate();
			}
			connection.commit();
		}
	}

	private static Map<Integer, byte[]> frontier(Connection connection, long size) throws Exception {
		Map<Integer, byte[]> frontier = new HashMap<>();
		for (int level = 0; level < 63; level++) {
			if ((size >> level & 1) == 1) {
				long index = (size >> level) - 1;
				String sql = level == 0 ? "select leaf_hash from transparency.leaves where leaf_index = ?"
						: "select hash from transparency.nodes where level = " + level + " and idx = ?";
				try (var statement = connection.prepareStatement(sql)) {
					statement.setLong(1, index);
					try (var rs = statement.executeQuery()) {
						rs.next();
						frontier.put(level, rs.getBytes(1));
					}
				}
			}
		}
		return frontier;
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static double percentile(long[] nanos, int p) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
	}
}
