package org.yiwang.auction;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.yiwang.YiwangApplication;
import org.yiwang.bench.ClusterNodes;
import org.yiwang.bench.ClusterRush;
import org.yiwang.bench.CpuMeter;
import org.yiwang.bench.FloorNode;
import org.yiwang.bench.InsertFloorServlet;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two nodes against one (issue 25): throughput, p99 and CPU per operation of the floor, ONE application node and TWO
 * nodes, in one run, on one PostgreSQL (started here as an external server, fsync and synchronous commit on), with one
 * client (this JVM) and each server in a JVM of its own: the floor ({@link FloorNode}: the bare servlets the
 * single-node benches use), node-1 alone, then node-1 and node-2 (the cluster's configuration in all three: JDBC
 * sessions, the auction clock's lease). Two workloads in each layout, each after a warm-up:
 * <ul>
 * <li>a deadline rush: N bidders each upload one sealed, signed envelope ({@link ClusterRush}), a fixed number at a
 * time; with two nodes the k-th upload goes to node k mod 2 (a round-robin balancer); the 1-node layout and the floor
 * take one set of bidders, the 2-node layout another (a bid is receipted once);</li>
 * <li>the bids of one hot auction: B bidders signed in through the login page (their sessions are rows: valid on both
 * nodes), each posting the live page's bid as fast as it is answered for S seconds. With two nodes bidder i's requests go
 * to node i mod 2 (a sticky balancer, as browsers' sessions would be); the node without the auction clock answers 503
 * and the client passes the request to the other node under the same idempotency key, as the proxy does
 * ({@code proxy_next_upstream http_503}, docs/cluster.md): half the bids pay a hop to the wrong node, which a balancer
 * cannot avoid without knowing the lease's holder. Latency counts both hops.</li>
 * </ul>
 * CPU per operation: utime + stime from /proc of each server JVM and of PostgreSQL's processes, the client's own apart.
 * Checks printed: the rush's receipts equal the receipted bids stored (0 lost) in each layout; in the auction every
 * accepted bid's sequence number is its own, its row carries its idempotency key, and the rows added are the bids
 * accepted (each key decided once). Exit code 1 if a check fails.
 *
 * <p>{@code bench/cluster-load.sh [rush bidders=400] [envelope KB=1024] [auction bidders=200] [seconds=10]
 * [uploads at a time=16]} (1 MB envelopes, so the CPU per receipt is the issue's; its whole rush: 2000).
 */
public final class ClusterLoad {

	private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

	private static final Pattern MINIMUM = Pattern.compile("\"minimumBid\":\"?([0-9.]+)");

	private static final List<String> failures = new ArrayList<>();

	private final HttpClient rushClient;

	private final HttpClient bidClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER).executor(Executors.newFixedThreadPool(16, r -> {
			Thread t = new Thread(r, "bench-http");
			t.setDaemon(true);
			return t;
		})).build();

	private final EmbeddedPostgres pg;

	private final Path work;

	private final int rushBidders;

	private final int warmBidders;

	private final int concurrency;

	private final int auctionBidders;

	private final int seconds;

	private final AtomicLong keys = new AtomicLong();

	private ClusterLoad(EmbeddedPostgres pg, Path work, int rushBidders, int auctionBidders, int seconds,
			int concurrency) {
		this.pg = pg;
		this.work = work;
		this.rushBidders = rushBidders;
		this.warmBidders = Math.max(concurrency, rushBidders / 10);
		this.auctionBidders = auctionBidders;
		this.seconds = seconds;
		this.concurrency = concurrency;
		this.rushClient = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(concurrency)).build();
	}

	public static void main(String[] args) throws Exception {
		int rushBidders = args.length > 0 ? Integer.parseInt(args[0]) : 400;
		int kilobytes = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
		int auctionBidders = args.length > 2 ? Integer.parseInt(args[2]) : 200;
		int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
		int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 16;
		Path work = Files.createTempDirectory("yiwang-cluster-load");
		System.out.printf("Two nodes against one: a rush of %d x %d KB envelopes (%d at a time) and an auction of %d "
				+ "bidders for %d s, each on the floor, 1 node and 2 nodes; work in %s%n", rushBidders, kilobytes,
				concurrency, auctionBidders, seconds, work);
		EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg")).setCleanDataDirectory(true)
			.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
			.setServerConfig("max_connections", "200").start();
		int status = 1;
		try {
			status = new ClusterLoad(pg, work, rushBidders, auctionBidders, seconds, concurrency).run(kilobytes);
		}
		finally {
			pg.close();
		}
		if (status == 0) {
			// the envelopes, their stored copies and the floor's (a gigabyte or more); the logs stay
			try (var files = Files.walk(work)) {
				files.sorted(java.util.Comparator.reverseOrder())
					.filter(f -> !f.getFileName().toString().endsWith(".log") && !f.getFileName().toString().endsWith(".out"))
					.forEach(f -> f.toFile().delete());
			}
		}
		System.exit(status);
	}

	/** What one layout got at one workload: operations, their rate and p99, the CPU each process spent meanwhile. */
	record Figure(int operations, double perSecond, double p99Ms, Spent spent, String note) {

		/** CPU ms per operation of the server JVMs and PostgreSQL (the client apart). */
		double serverMsPerOp() {
			return ms(spent.servers() + spent.database());
		}

		double ms(double cpu) {
			return 1000 * cpu / Math.max(1, operations);
		}

		/** The server JVMs' CPU ms per operation, each apart ("node-1 5.1 + node-2 2.3"). */
		String byServer() {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < spent.each().length; i++) {
				text.append(i == 0 ? "" : " + ").append(String.format("%.2f", ms(spent.each()[i])));
			}
			return text.toString();
		}
	}

	/** CPU seconds of each server JVM, of PostgreSQL and of this JVM (the client). */
	record Spent(double[] each, double database, double client) {

		double servers() {
			return java.util.Arrays.stream(each).sum();
		}

		Spent minus(Spent earlier) {
			double[] d = each.clone();
			for (int i = 0; i < d.length; i++) {
				d[i] -= earlier.each[i];
			}
			return new Spent(d, database - earlier.database, client - earlier.client);
		}
	}

	/** CPU seconds so far of the server processes, of PostgreSQL and of this JVM (the client). */
	private Spent cpu(List<Process> servers) {
		return new Spent(servers.stream().mapToDouble(p -> CpuMeter.processSeconds(p.pid())).toArray(),
				CpuMeter.forDatabaseIn(work.resolve("pg")).sample().database(),
				CpuMeter.processSeconds(ProcessHandle.current().pid()));
	}

	/**
	 * Cores the servers and PostgreSQL keep busy with no request (leases, tickers), over 5 s, after waiting (up to 60 s)
	 * for a node just started to settle: its first seconds keep a fifth of a core busy (JIT, start-up work), which would
	 * otherwise weigh on the layout it joins.
	 */
	private String idle(List<Process> servers, String layout) throws InterruptedException {
		long settleBy = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		double busy;
		do {
			Spent start = cpu(servers);
			Thread.sleep(2000);
			busy = cpu(servers).minus(start).servers() / 2;
		}
		while (busy > 0.05 * servers.size() && System.nanoTime() < settleBy);
		Spent before = cpu(servers);
		long t0 = System.nanoTime();
		Thread.sleep(5000);
		Spent idle = cpu(servers).minus(before);
		double seconds = (System.nanoTime() - t0) / 1e9;
		StringBuilder text = new StringBuilder(layout + " idle for 5 s before its work: cores busy");
		for (int i = 0; i < idle.each().length; i++) {
			String name = layout.equals("floor") ? "floor" : "node-" + (i + 1);
			text.append(String.format(" %s %.3f,", name, idle.each()[i] / seconds));
		}
		return text.append(String.format(" PostgreSQL %.3f", idle.database() / seconds)).toString();
	}

	private int run(int kilobytes) throws Exception {
		String url = ClusterNodes.database(pg);
		List<String> common = ClusterNodes.commonArgs(url, work);
		String threads = "--server.tomcat.threads.max=" + Math.max(200, auctionBidders + 20);

		// --- set-up in this JVM, as a node that then leaves ------------------------------------------------------
		System.out.println("Setting up (a node in this JVM): the rush's section and bidders, the auction and its "
				+ "bidders...");
		long setupStart = System.nanoTime();
		List<String> setupArgs = new ArrayList<>(common);
		setupArgs.addAll(List.of("--server.port=0", "--yiwang.cluster.node-id=setup",
				"--logging.file.name=" + work.resolve("setup.log"),
				"--yiwang.portal.index-directory=" + work.resolve("index-0")));
		ClusterRush rush;
		AuctionLoad.Setup auction;
		try (ConfigurableApplicationContext setup = new SpringApplicationBuilder(YiwangApplication.class)
			.run(setupArgs.toArray(String[]::new))) {
			int port = Integer.parseInt(setup.getEnvironment().getProperty("local.server.port"));
			// two sets (1 node and the floor; 2 nodes), each a warm-up part and a measured part
			rush = ClusterRush.prepare(setup, work, 2 * (warmBidders + rushBidders), kilobytes);
			auction = new AuctionLoad(setup, port).setup(auctionBidders);
		}
		ClusterNodes.execute(pg, InsertFloorServlet.TABLE);
		ClusterNodes.execute(pg, InsertFloorServlet.GRANT);
		System.out.printf("Set up in %.0f s (%d-byte envelopes)%n", (System.nanoTime() - setupStart) / 1e9,
				rush.envelopeBytes());
		int set = warmBidders + rushBidders;

		// --- the floor ------------------------------------------------------------------------------------------
		int floorPort = ClusterNodes.freePort();
		Process floor = ClusterNodes.java(work, "floor", FloorNode.class.getName(), List.of(Integer.toString(floorPort),
				url, "yiwang_app", "app", Integer.toString(Math.max(200, auctionBidders + 20)),
				work.resolve("floor-envelopes").toString()));
		System.out.printf("floor ready on port %d after %.1f s%n", floorPort, ClusterNodes.waitReady(floorPort, floor, "/"));
		List<Process> servers = List.of(floor);
		List<String> idle = new ArrayList<>(List.of(idle(servers, "floor")));
		Figure rushFloor = rush(rush, servers, new int[] { floorPort }, 0, "floor", false);
		Figure bidsFloor = bids(auction, servers, new int[] { floorPort }, "floor", false);
		ClusterNodes.stop(floor);

		// --- one node -------------------------------------------------------------------------------------------
		int[] ports = { ClusterNodes.freePort(), ClusterNodes.freePort() };
		Process node1 = ClusterNodes.startNode(work, common, "node-1", ports[0], threads);
		servers = List.of(node1);
		idle.add(idle(servers, "1 node"));
		Figure rushOne = rush(rush, servers, new int[] { ports[0] }, 0, "1 node", true);
		Figure bidsOne = bids(auction, servers, new int[] { ports[0] }, "1 node", true);

		// --- two nodes ------------------------------------------------------------------------------------------
		Process node2 = ClusterNodes.startNode(work, common, "node-2", ports[1], threads);
		System.out.println("auction clock held by " + ClusterNodes.single(pg, "select owner_node from auction.clock_lease"));
		servers = List.of(node1, node2);
		idle.add(idle(servers, "2 nodes"));
		Figure rushTwo = rush(rush, servers, ports, set, "2 nodes", true);
		Figure bidsTwo = bids(auction, servers, ports, "2 nodes", true);
		ClusterNodes.stop(node2);
		ClusterNodes.stop(node1);

		// --- the table ------------------------------------------------------------------------------------------
		double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		System.out.println();
		System.out.printf("%s | %d cores | %d-byte envelopes | one PostgreSQL (fsync on, synchronous_commit on) | "
				+ "each server a JVM of its own, the client in the bench's | load average (1 min) at the end %.1f%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rush.envelopeBytes(), load);
		System.out.println("| case | floor ops/s | 1 node ops/s | 2 nodes ops/s | 2 nodes ÷ 1 node | p99 ms floor / 1 node / "
				+ "2 nodes | CPU ms per op, servers + PostgreSQL: floor / 1 node / 2 nodes | client CPU ms per op: floor / 1 "
				+ "node / 2 nodes |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		System.out.println(row("rush: " + rushBidders + " receipts, " + concurrency + " at a time", rushFloor, rushOne,
				rushTwo));
		System.out.println(row("auction: " + auctionBidders + " bidders, " + seconds + " s, decided bids", bidsFloor,
				bidsOne, bidsTwo));
		System.out.println();
		for (String[] named : new String[][] { { "rush" }, { "auction" } }) {
			Figure[] figures = named[0].equals("rush") ? new Figure[] { rushFloor, rushOne, rushTwo }
					: new Figure[] { bidsFloor, bidsOne, bidsTwo };
			String[] layouts = { "floor", "1 node", "2 nodes" };
			for (int i = 0; i < 3; i++) {
				Figure f = figures[i];
				System.out.printf("%s, %s: CPU ms per op: server JVM(s) %s, PostgreSQL %.2f, client %.2f; %s%n",
						named[0], layouts[i], f.byServer(), f.ms(f.spent().database()), f.ms(f.spent().client()), f.note());
			}
		}
		idle.forEach(System.out::println);
		System.out.printf("Cores busy at R operations/s = R x (CPU ms per op) / 1000: rush 1 node %.3f cores per receipt/s, "
				+ "auction 1 node %.4f cores per decided bid/s (servers + PostgreSQL)%n", rushOne.serverMsPerOp() / 1000,
				bidsOne.serverMsPerOp() / 1000);
		System.out.println();
		System.out.println(failures.isEmpty() ? "ALL CHECKS PASSED" : "FAILED: " + failures);
		return failures.isEmpty() ? 0 : 1;
	}

	private static String row(String name, Figure floor, Figure one, Figure two) {
		return String.format("| %s | %.1f | %.1f | %.1f | %.2f | %.0f / %.0f / %.0f | %.2f / %.2f / %.2f | %.2f / %.2f / "
				+ "%.2f |", name, floor.perSecond(), one.perSecond(), two.perSecond(), two.perSecond() / one.perSecond(),
				floor.p99Ms(), one.p99Ms(), two.p99Ms(), floor.serverMsPerOp(), one.serverMsPerOp(), two.serverMsPerOp(),
				floor.ms(floor.spent().client()), one.ms(one.spent().client()), two.ms(two.spent().client()));
	}

	/**
	 * The rush on {@code ports}: a warm-up with bidders {@code from…} and the measured pass with the next
	 * {@code rushBidders}; on the platform, the receipted bids stored before and after (both passes) against the
	 * receipts answered.
	 */
	private Figure rush(ClusterRush rush, List<Process> servers, int[] ports, int from, String layout, boolean platform)
			throws Exception {
		System.out.printf("rush, %s: warm-up of %d, then %d uploads...%n", layout, warmBidders, rushBidders);
		long storedBefore = platform ? stored(rush) : 0;
		ClusterRush.Pass warm = rush.rush(rushClient, ports, from, from + warmBidders, concurrency);
		Spent before = cpu(servers);
		ClusterRush.Pass pass = rush.rush(rushClient, ports, from + warmBidders, from + warmBidders + rushBidders,
				concurrency);
		Spent spent = cpu(servers).minus(before);
		String note = String.format("%d receipted, %d errors (warm-up %d receipted, %d errors)", pass.receipted(),
				pass.failed(), warm.receipted(), warm.failed());
		if (platform) {
			Thread.sleep(1000); // the receipt batches' listeners finish
			long stored = stored(rush) - storedBefore;
			int answered = pass.receipted() + warm.receipted();
			note += String.format("; %d receipted bids stored (%d lost)", stored, answered - stored);
			check("rush, " + layout + ": every upload receipted and every receipt stored, 0 lost", stored == answered
					&& pass.failed() == 0 && warm.failed() == 0, note);
		}
		return new Figure(pass.receipted(), pass.receipted() / pass.seconds(), pass.ms(0.99), spent, note);
	}

	private long stored(ClusterRush rush) throws Exception {
		return Long.parseLong(ClusterNodes.single(pg, "select count(*) from tendering.bids where section_id = '"
				+ rush.section() + "' and status = 'RECEIPTED' and receipt is not null"));
	}

	/**
	 * The auction's bids on {@code ports} for the set seconds after a warm-up as long (5 s at least): bidder i to node
	 * i mod n, a 503 (the node without the clock) passed on to the next node under the same key. On the floor the same
	 * requests with a dummy session.
	 */
	private Figure bids(AuctionLoad.Setup auction, List<Process> servers, int[] ports, String layout, boolean platform)
			throws Exception {
		int warmSeconds = Math.max(5, seconds);
		System.out.printf("auction, %s: warm-up %d s, then %d bidders for %d s...%n", layout, warmSeconds, auctionBidders,
				seconds);
		CpuMeter meter = CpuMeter.forDatabaseIn(work.resolve("pg"));
		Map<Long, String> receipts = new ConcurrentHashMap<>();
		AtomicLong decided = new AtomicLong();
		AtomicLong forwarded = new AtomicLong();
		AtomicLong duplicateSeq = new AtomicLong();
		AtomicLong price = new AtomicLong(platform ? minimumBid(ports[0], auction.listing()) : 1);
		AtomicLong next = new AtomicLong();
		String path = platform ? "/auctions/" + auction.listing() + "/bids" : "/auctions/bids";
		boolean[] measuring = { false };
		LoadRun.Attempt attempt = () -> {
			int who = (int) (next.getAndIncrement() % auctionBidders);
			String[] session = platform ? auction.tokens().get(who).split("\\|") : new String[] { "JSESSIONID=bench", "bench" };
			String key = "cl-" + keys.incrementAndGet();
			long amount = price.incrementAndGet();
			int node = who % ports.length;
			for (int hop = 0; hop < 2 * ports.length; hop++) {
				HttpResponse<String> r = bidClient.send(AuctionLoad.bidRequest(URI.create("http://localhost:" + ports[node]
						+ path), session[0], session[1], key, amount), HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 503) {
					// the node without the auction clock: the proxy's next upstream, same key
					if (measuring[0]) {
						forwarded.incrementAndGet();
					}
					node = (node + 1) % ports.length;
					continue;
				}
				if (measuring[0]) {
					decided.incrementAndGet();
				}
				if (r.statusCode() == 409) {
					return LoadRun.Answer.REFUSED; // overtaken by a higher bid in flight
				}
				if (r.statusCode() != 200) {
					throw new IllegalStateException("bid failed on port " + ports[node] + ": " + r.statusCode() + " "
							+ r.body());
				}
				if (platform && measuring[0]) {
					Matcher seq = SEQ.matcher(r.body());
					if (!seq.find() || receipts.put(Long.parseLong(seq.group(1)), key) != null) {
						duplicateSeq.incrementAndGet();
					}
				}
				return LoadRun.Answer.ACCEPTED;
			}
			throw new IllegalStateException("bid " + key + ": every node answered 503");
		};
		LoadRun.run(auctionBidders, warmSeconds, 0, meter, attempt);
		long rowsBefore = platform ? rows(auction.listing()) : 0;
		measuring[0] = true;
		Spent before = cpu(servers);
		LoadRun.Result result = LoadRun.run(auctionBidders, seconds, 0, meter, attempt);
		Spent spent = cpu(servers).minus(before);
		measuring[0] = false;
		String note = String.format("%.0f accepted/s", result.durablePerSecond());
		if (ports.length > 1) {
			note += String.format(", %.0f%% of the bids passed on by a 503", 100.0 * forwarded.get() / Math.max(1,
					decided.get()));
		}
		if (platform) {
			long added = rows(auction.listing()) - rowsBefore;
			long mismatched = 0;
			for (String[] row : ClusterNodes.rows(pg, "select seq::text, idempotency_key from auction.bids where listing_id = '"
					+ auction.listing() + "' and seq > " + rowsBefore)) {
				String key = receipts.get(Long.parseLong(row[0]));
				if (key == null || !key.equals(row[1])) {
					mismatched++;
				}
			}
			note += String.format("; %d accepted answers, %d rows added, %d receipts not their row, %d sequence numbers "
					+ "answered twice", receipts.size(), added, mismatched, duplicateSeq.get());
			check("auction, " + layout + ": each bid decided once (one row per accepted key, each receipt its row)",
					added == receipts.size() && mismatched == 0 && duplicateSeq.get() == 0, note);
		}
		return new Figure((int) decided.get(), result.decidedPerSecond(), result.p99Ms(), spent, note);
	}

	private long rows(UUID listing) throws Exception {
		return Long.parseLong(ClusterNodes.single(pg, "select count(*) from auction.bids where listing_id = '" + listing
				+ "'"));
	}

	private long minimumBid(int port, UUID listing) throws Exception {
		HttpResponse<String> state = bidClient.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/auctions/" + listing)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		Matcher minimum = MINIMUM.matcher(state.body());
		if (!minimum.find()) {
			throw new IllegalStateException("no minimum bid in " + state.body());
		}
		return new BigDecimal(minimum.group(1)).longValue();
	}

	private static void check(String what, boolean ok, String detail) {
		System.out.printf("%-4s %s: %s%n", ok ? "OK" : "FAIL", what, detail);
		if (!ok) {
			failures.add(what);
		}
	}
}
