package org.yiwang.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.yiwang.YiwangApplication;
import org.yiwang.envelope.Pem;
import org.yiwang.envelope.ReceiptVerifier;
import org.yiwang.envelope.SignedReceipt;
import org.yiwang.tendering.SectionView;

/**
 * {@code kill -9} in the middle of a deadline rush. The section and its bidders are set up in this JVM, which then
 * stops; the platform runs as a child process on the same database and blob directory; the bidders submit all at
 * once and, once a share of receipts has come back, the child is killed with SIGKILL. After a restart on the same
 * data: every receipt a bidder holds must be the stored one, verify (inclusion, platform SM2 signature, RFC 3161
 * timestamp), and name a stored envelope whose bytes hash to it; bids stored without a receipt must not count; each
 * bidder that got no answer retries under the same idempotency key and must end with a receipt. Prints the counts and
 * the restart's time beside the clean start's, same run.
 *
 * <p>{@code bench/rush-crash.sh [bidders=200] [kilobytes=1024] [concurrency=16] [kill-after-percent=40]}
 */
public final class RushCrash {

	private RushCrash() {
	}

	public static void main(String[] args) throws Exception {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		int kilobytes = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
		int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
		int killAfterPercent = args.length > 3 ? Integer.parseInt(args[3]) : 40;
		Path work = Files.createTempDirectory("yiwang-crash");
		System.out.printf("Rush crash: %d bidders x %d KB, %d concurrent, SIGKILL after %d%% of receipts; work in %s%n",
				count, kilobytes, concurrency, killAfterPercent, work);
		List<String> settings = List.of("--yiwang.database.embedded-directory=" + work.resolve("postgres"),
				"--yiwang.pki.key-secret-file=" + work.resolve("pki-key-secret"),
				"--yiwang.tendering.blob-directory=" + work.resolve("blobs"),
				"--yiwang.portal.index-directory=" + work.resolve("index"), "--spring.main.banner-mode=off",
				"--logging.level.root=WARN");
		List<String> setupArgs = new ArrayList<>(settings);
		setupArgs.add("--server.port=0");
		setupArgs.add("--logging.file.name=" + work.resolve("setup.log"));
		ConfigurableApplicationContext app = SpringApplication.run(YiwangApplication.class,
				setupArgs.toArray(String[]::new));
		DeadlineRush.Prepared prepared;
		try {
			prepared = DeadlineRush.prepare(app, work, count, kilobytes);
		}
		finally {
			app.close();
		}
		int port = freePort();
		List<String> childArgs = new ArrayList<>(settings);
		childArgs.add("--server.port=" + port);
		try {
			run(prepared, work, childArgs, port, concurrency, killAfterPercent);
		}
		catch (Exception e) { // said before the exit below, which would otherwise swallow it
			e.printStackTrace();
			System.exit(1);
		}
		finally {
			System.exit(0);
		}
	}

	private static void run(DeadlineRush.Prepared prepared, Path work, List<String> childArgs, int port,
			int concurrency, int killAfterPercent) throws Exception {
		SectionView section = prepared.section();
		List<DeadlineRush.Bidder> bidders = prepared.bidders();
		HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(concurrency))
			.connectTimeout(Duration.ofSeconds(5)).build();

		Process child = start(work, childArgs, "first");
		double cleanStart = ClusterNodes.waitReady(port, child, "/pki/ca.pem");
		Map<String, byte[]> held = new ConcurrentHashMap<>(); // username -> the receipt the bidder got
		AtomicInteger answered = new AtomicInteger();
		int killAt = Math.max(1, bidders.size() * killAfterPercent / 100);
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		List<Future<?>> uploads = new ArrayList<>();
		for (DeadlineRush.Bidder b : bidders) {
			uploads.add(pool.submit(() -> {
				try {
					HttpResponse<String> r = DeadlineRush.send(http, port, section, b);
					if (r.statusCode() == 201 || r.statusCode() == 200) {
						held.put(b.username(), r.body().getBytes(StandardCharsets.UTF_8));
						if (answered.incrementAndGet() == killAt) {
							child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
						}
					}
				}
				catch (IOException e) {
					// the connection died with the server: this bidder holds no receipt
				}
				return null;
			}));
		}
		for (Future<?> f : uploads) {
			f.get();
		}
		child.waitFor();
		int beforeKill = held.size();
		System.out.printf("killed the platform (SIGKILL) after %d receipts; %d bidders got no answer%n", beforeKill,
				bidders.size() - beforeKill);

		Process again = start(work, childArgs, "restarted");
		try {
			double restart = ClusterNodes.waitReady(port, again, "/pki/ca.pem");
			X509Certificate platform = certificate(http, port, "/pki/platform-certificate.pem", work);
			X509Certificate root = certificate(http, port, "/pki/ca.pem", work);
			int matching = 0;
			int lost = 0;
			for (DeadlineRush.Bidder b : bidders) {
				byte[] receipt = held.get(b.username());
				if (receipt != null && check(http, port, b, receipt, platform, root, work)) {
					matching++;
				}
				else if (receipt != null) {
					lost++;
				}
			}
			// what counts after the restart, before anyone retries: only receipted bids
			int countedBeforeRetry = receipted(http, port, section, bidders);
			int retried = 0;
			int completed = 0;
			for (DeadlineRush.Bidder b : bidders) {
				if (held.containsKey(b.username())) {
					continue;
				}
				retried++;
				HttpResponse<String> r = DeadlineRush.send(http, port, section, b);
				if ((r.statusCode() == 201 || r.statusCode() == 200)
						&& check(http, port, b, r.body().getBytes(StandardCharsets.UTF_8), platform, root, work)) {
					completed++;
				}
			}
			int countedAfter = receipted(http, port, section, bidders);
			System.out.println();
			System.out.printf("%-64s %8.1f s%n", "baseline: clean start of the platform (same data, same machine)",
					cleanStart);
			System.out.printf("%-64s %8.1f s%n", "restart after SIGKILL until it answers", restart);
			System.out.printf("%-64s %8d / %d%n", "receipts held before the kill that match a stored, verifiable bid",
					matching, beforeKill);
			System.out.printf("%-64s %8d%n", "receipts held but lost or not verifiable", lost);
			System.out.printf("%-64s %8d (receipted bids; %d receipts held)%n", "bids that count after the restart",
					countedBeforeRetry, beforeKill);
			System.out.printf("%-64s %8d of %d retries%n", "retries under the same idempotency key, receipted and verified",
					completed, retried);
			System.out.printf("%-64s %8d / %d -> %s%n", "bids that count in the end", countedAfter, bidders.size(),
					lost == 0 && matching == beforeKill && completed == retried && countedAfter == bidders.size()
							? "0 lost" : "NOT met");
		}
		finally {
			again.destroy();
			again.waitFor();
		}
	}

	/**
	 * The receipt the bidder holds is the one stored, verifies, and names an envelope the platform keeps with those
	 * bytes (SHA-256 of the stored file = the bidder's file = the statement's).
	 */
	private static boolean check(HttpClient http, int port, DeadlineRush.Bidder b, byte[] held, X509Certificate platform,
			X509Certificate root, Path work) throws Exception {
		SignedReceipt receipt = SignedReceipt.parse(held);
		Map<String, String> statement = statement(receipt.statement());
		HttpResponse<byte[]> stored = http.send(HttpRequest.newBuilder(URI.create(
				"http://localhost:" + port + "/api/tendering/bids/" + statement.get("bid") + "/receipt"))
			.header("Authorization", "Bearer " + b.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
		if (stored.statusCode() != 200 || !java.util.Arrays.equals(stored.body(), held)) {
			return false;
		}
		if (!ReceiptVerifier.verify(receipt, platform.getPublicKey(), root).valid()) {
			return false;
		}
		String sha256 = statement.get("sha256");
		Path blob = work.resolve("blobs").resolve(sha256.substring(0, 2)).resolve(sha256);
		return Files.exists(blob) && sha256(blob).equals(sha256) && sha256(b.envelope()).equals(sha256);
	}

	/** How many of the bidders have a bid that counts (RECEIPTED) on the section, as each bidder sees its own. */
	private static int receipted(HttpClient http, int port, SectionView section, List<DeadlineRush.Bidder> bidders)
			throws Exception {
		int n = 0;
		for (DeadlineRush.Bidder b : bidders) {
			HttpResponse<String> mine = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
					+ "/api/tendering/sections/" + section.id() + "/bids/mine"))
				.header("Authorization", "Bearer " + b.token()).build(), HttpResponse.BodyHandlers.ofString());
			if (mine.body().contains("\"RECEIPTED\"")) {
				n++;
			}
		}
		return n;
	}

	private static Map<String, String> statement(byte[] text) {
		Map<String, String> fields = new java.util.HashMap<>();
		for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				fields.put(line.substring(0, eq), line.substring(eq + 1));
			}
		}
		return fields;
	}

	private static Process start(Path work, List<String> args, String name) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx1g", "-cp", System.getProperty("java.class.path"), YiwangApplication.class.getName()));
		command.addAll(args);
		command.add("--logging.file.name=" + work.resolve(name + ".log"));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(work.resolve(name + ".out").toFile())
			.start();
	}

	private static X509Certificate certificate(HttpClient http, int port, String path, Path work) throws Exception {
		Path file = work.resolve(Path.of(path).getFileName());
		http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofFile(file));
		return Pem.certificate(file);
	}

	private static String sha256(Path file) throws Exception {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			int n;
			while ((n = in.read(buffer)) > 0) {
				sha.update(buffer, 0, n);
			}
		}
		return HexFormat.of().formatHex(sha.digest());
	}

	private static int freePort() throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
