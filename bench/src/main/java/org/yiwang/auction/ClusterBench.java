package org.yiwang.auction;

import static org.yiwang.bench.ClusterNodes.rows;
import static org.yiwang.bench.ClusterNodes.single;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.yiwang.YiwangApplication;
import org.yiwang.bench.ClusterNodes;
import org.yiwang.bench.ClusterRush;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two application nodes as separate JVMs on loopback on one PostgreSQL (started here, as an external server with the
 * owner and application logins of docs/operations.md), a small deadline rush and a live auction across both, and
 * {@code kill -9} of the node that runs the auction clock half-way. This client plays the reverse proxy: a request
 * that fails on a dead node, or a bid answered 503 by a node without the clock, goes to the other node under the same
 * idempotency key. A watcher per node follows the auction's server-sent events. Checks, each printed, the exit code 1
 * if any fails: every receipted rush bid counts after the kill and every bidder ends receipted (0 lost); no auction
 * bid decided twice (one row per idempotency key, sequence numbers 1..n without gaps, amounts rising); every bid
 * receipt held matches its row; the other node took the clock over and the auction's end moved by the outage; the
 * auction finished on the surviving node; what each watcher saw is the recorded history (each state's price is the
 * bid at its sequence number; the survivor's last state is the final one).
 *
 * <p>{@code bench/cluster.sh [rush bidders=30] [envelope KB=64]}
 */
public final class ClusterBench {

	private static final String DEMO_PASSWORD = "Demo@2026yw";

	private static final int AUCTION_BIDDERS = 3;

	private static final List<String> failures = new CopyOnWriteArrayList<>();

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(3)).build();

	private ClusterBench() {
	}

	public static void main(String[] args) throws Exception {
		int rushBidders = args.length > 0 ? Integer.parseInt(args[0]) : 30;
		int kilobytes = args.length > 1 ? Integer.parseInt(args[1]) : 64;
		Path work = Files.createTempDirectory("yiwang-cluster");
		System.out.printf("Cluster: 2 nodes on one PostgreSQL, %d rush bidders x %d KB, an auction with %d bidders; "
				+ "work in %s%n", rushBidders, kilobytes, AUCTION_BIDDERS, work);
		EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg")).setCleanDataDirectory(true)
			.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
		int status = 1;
		try {
			status = run(pg, work, rushBidders, kilobytes);
		}
		finally {
			pg.close();
		}
		System.exit(status);
	}

	private static int run(EmbeddedPostgres pg, Path work, int rushBidders, int kilobytes) throws Exception {
		String url = ClusterNodes.database(pg);
		List<String> common = ClusterNodes.commonArgs(url, work);

		// --- set-up in this JVM, as a third node that then leaves ------------------------------------------------
		System.out.println("Setting up (a node in this JVM): the rush's section and bidders, the auction...");
		List<String> setupArgs = new ArrayList<>(common);
		setupArgs.addAll(List.of("--server.port=0", "--yiwang.cluster.node-id=setup",
				"--logging.file.name=" + work.resolve("setup.log"), "--yiwang.portal.index-directory=" + work.resolve("index-0")));
		ClusterRush rush;
		UUID listing;
		List<String> tokens = new ArrayList<>();
		try (ConfigurableApplicationContext setup = new SpringApplicationBuilder(YiwangApplication.class)
			.run(setupArgs.toArray(String[]::new))) {
			int port = Integer.parseInt(setup.getEnvironment().getProperty("local.server.port"));
			rush = ClusterRush.prepare(setup, work, rushBidders, kilobytes);
			AuctionLoad load = new AuctionLoad(setup, port);
			String bank = load.bank();
			load.entity("bench.transferor", 1, EntityRole.TRANSFEROR);
			ListingView published = load.publishedListing("CQ-500103-CLUS-0001");
			for (int i = 0; i < AUCTION_BIDDERS; i++) {
				String user = "clus.b" + i;
				EntityView entity = load.entity(user, 3000 + i, EntityRole.TRANSFEREE);
				load.qualify(bank, published, user, entity, "CLUS-" + i);
			}
			// a person's API token is the person's own: each bidder signs in and issues it (staff cannot)
			for (int i = 0; i < AUCTION_BIDDERS; i++) {
				tokens.add(load.as("clus.b" + i, AuctionLoad.PASSWORD, () -> load.accounts.issueOwnToken("cluster", 1))
					.secret());
			}
			load.as("staff.yuzhong", DEMO_PASSWORD,
					() -> load.hall.concludeAsOf(published.id(), load.clock.instant(), 0, null, published.periodEnd()));
			listing = published.id();
		}

		// --- two nodes ------------------------------------------------------------------------------------------
		int[] ports = { ClusterNodes.freePort(), ClusterNodes.freePort() };
		Process[] nodes = new Process[2];
		for (int n = 0; n < 2; n++) {
			nodes[n] = ClusterNodes.startNode(work, common, "node-" + (n + 1), ports[n]);
		}
		String holder = single(pg, "select owner_node from auction.clock_lease");
		System.out.println("auction clock held by " + holder);
		int clock = holder.equals("node-1") ? 0 : 1;
		int other = 1 - clock;
		Watcher[] watchers = { new Watcher(ports[0], listing), new Watcher(ports[1], listing) };
		for (Watcher w : watchers) {
			w.start();
		}

		// --- the rush and the auction, across both nodes; the clock's node is killed half-way ---------------------
		Set<Integer> held = ConcurrentHashMap.newKeySet();
		AtomicInteger answered = new AtomicInteger();
		boolean[] alive = { true, true };
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Future<?>> sends = new ArrayList<>();
		for (int i = 0; i < rush.size(); i++) {
			int b = i;
			sends.add(pool.submit(() -> {
				for (int attempt = 0; attempt < 4 && !held.contains(b); attempt++) {
					int n = (b + attempt) % 2;
					if (!alive[n]) {
						continue;
					}
					try {
						HttpResponse<String> r = rush.send(http, ports[n], b);
						if (r.statusCode() == 200 || r.statusCode() == 201) {
							held.add(b);
							answered.incrementAndGet();
						}
					}
					catch (IOException e) {
						// the node died under the request: the proxy's next upstream, same key
					}
				}
				return null;
			}));
		}
		List<Receipt> receipts = new CopyOnWriteArrayList<>();
		long killedAt = 0;
		String endBefore = null;
		int key = 0;
		int bidsBeforeKill = 6;
		int bidsAfterKill = 6;
		while (receipts.size() < bidsBeforeKill + bidsAfterKill) {
			if (killedAt == 0 && receipts.size() >= bidsBeforeKill && answered.get() >= rush.size() / 2) {
				endBefore = single(pg, "select ends_at::text from auction.auctions where listing_id = '" + listing + "'");
				nodes[clock].destroyForcibly(); // SIGKILL: no shutdown hook, the lease is not given up
				alive[clock] = false;
				killedAt = System.nanoTime();
				System.out.printf("killed node-%d (SIGKILL) after %d auction receipts and %d rush receipts%n", clock + 1,
						receipts.size(), answered.get());
			}
			int bidder = key % AUCTION_BIDDERS;
			String idempotency = "clus-" + (key++);
			Receipt r = bid(ports, alive, listing, tokens.get(bidder), idempotency);
			if (r != null) {
				receipts.add(r);
			}
		}
		double takeover = (System.nanoTime() - killedAt) / 1e9;
		for (Future<?> f : sends) {
			f.get();
		}
		pool.shutdown();
		// Those still without an answer (their node died) send again to the survivor, as the proxy would.
		for (int b = 0; b < rush.size(); b++) {
			if (!held.contains(b)) {
				HttpResponse<String> r = rush.send(http, ports[other], b);
				if (r.statusCode() == 200 || r.statusCode() == 201) {
					held.add(b);
				}
			}
		}
		System.out.printf("auction: %d bids receipted; the first bids after the kill waited %.1f s at most%n",
				receipts.size(), takeover);

		// --- the auction runs out on the surviving node -----------------------------------------------------------
		String finalStatus = waitClosed(ports[other], listing, Duration.ofMinutes(15));

		// --- checks ---------------------------------------------------------------------------------------------
		System.out.println();
		int counted = 0;
		for (int b = 0; b < rush.size(); b++) {
			if (rush.receipted(http, ports[other], b)) {
				counted++;
			}
		}
		check("rush: every bidder ends with a receipted bid that counts (0 lost)", counted == rush.size(),
				counted + " / " + rush.size());
		// ordered by the column, not by the output "seq", which is its text: 1, 10, 11, 12, 2, ... failed both checks below
		List<String[]> rows = rows(pg, "select b.seq::text, b.amount::text, b.idempotency_key, b.transferee_id::text "
				+ "from auction.bids b where b.listing_id = '" + listing + "' order by b.seq");
		Set<String> keys = ConcurrentHashMap.newKeySet();
		boolean once = true;
		boolean ordered = true;
		BigDecimal last = BigDecimal.ZERO;
		for (int i = 0; i < rows.size(); i++) {
			String[] row = rows.get(i);
			once &= keys.add(row[2] + "|" + row[3]);
			ordered &= Long.parseLong(row[0]) == i + 1 && new BigDecimal(row[1]).compareTo(last) > 0;
			last = new BigDecimal(row[1]);
		}
		check("auction: no bid decided twice (one row per idempotency key)", once, rows.size() + " rows");
		check("auction: one order (sequence 1..n without gaps, amounts rising)", ordered, rows.size() + " bids");
		boolean matching = receipts.stream().allMatch(r -> r.seq() <= rows.size()
				&& new BigDecimal(rows.get((int) r.seq() - 1)[1]).compareTo(new BigDecimal(r.amount())) == 0
				&& rows.get((int) r.seq() - 1)[2].equals(r.key()));
		check("auction: every receipt held is its recorded bid", matching, receipts.size() + " receipts");
		String newHolder = single(pg, "select owner_node from auction.clock_lease");
		check("auction: the other node took the clock over", newHolder.equals("node-" + (other + 1)), newHolder);
		String moved = single(pg, "select coalesce(max(new_ends_at - old_ends_at)::text, 'none') from auction.extensions "
				+ "where listing_id = '" + listing + "' and resumed_at > now() - interval '30 minutes' and last_alive > "
				+ "(select min(placed_at) from auction.bids where listing_id = '" + listing + "')");
		check("auction: its end moved by the outage (recorded extension)", !moved.equals("none"),
				"moved by " + moved + " (end before the kill " + endBefore + ")");
		check("auction: finished on the surviving node", finalStatus != null && !finalStatus.equals("RUNNING"),
				String.valueOf(finalStatus));
		Map<Long, String> amounts = new java.util.HashMap<>();
		rows.forEach(row -> amounts.put(Long.parseLong(row[0]), new BigDecimal(row[1]).toPlainString()));
		for (int n = 0; n < 2; n++) {
			Watcher w = watchers[n];
			boolean consistent = w.seen.stream().allMatch(s -> s.seq() == 0 || new BigDecimal(s.price())
				.toPlainString().equals(amounts.get(s.seq())));
			boolean rising = true;
			for (int i = 1; i < w.seen.size(); i++) {
				rising &= w.seen.get(i).seq() >= w.seen.get(i - 1).seq();
			}
			String role = n == clock ? "killed" : "surviving";
			check("watcher on node-" + (n + 1) + " (" + role + "): every state it saw is the recorded history, in order",
					consistent && rising && !w.seen.isEmpty(), w.seen.size() + " states, last seq "
							+ (w.seen.isEmpty() ? 0 : w.seen.get(w.seen.size() - 1).seq()));
		}
		Watcher survivor = watchers[other];
		Seen lastSeen = survivor.seen.isEmpty() ? null : survivor.seen.get(survivor.seen.size() - 1);
		check("watcher on the surviving node saw the final state", lastSeen != null && lastSeen.seq() == rows.size()
				&& !"RUNNING".equals(lastSeen.status()), lastSeen == null ? "nothing" : lastSeen.toString());
		nodes[other].destroy();
		nodes[other].waitFor();
		System.out.println();
		System.out.println(failures.isEmpty() ? "ALL CHECKS PASSED" : "FAILED: " + failures);
		return failures.isEmpty() ? 0 : 1;
	}

	record Receipt(long seq, String amount, String key) {
	}

	record Seen(long seq, String price, String status) {
	}

	private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

	private static final Pattern MINIMUM = Pattern.compile("\"minimumBid\":\"?([0-9.]+)");

	/**
	 * One bid as a proxy would carry it: to the node with the clock, passed on after a 503 or a dead node, under one
	 * idempotency key; null when it was overtaken (refused, 409).
	 */
	private static Receipt bid(int[] ports, boolean[] alive, UUID listing, String token, String key) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		int n = 0;
		while (System.nanoTime() < deadline) {
			n = (n + 1) % 2;
			if (!alive[n]) {
				continue;
			}
			try {
				HttpResponse<String> state = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports[n]
						+ "/api/auctions/" + listing)).build(), HttpResponse.BodyHandlers.ofString());
				Matcher minimum = MINIMUM.matcher(state.body());
				if (!minimum.find()) {
					Thread.sleep(200);
					continue;
				}
				String amount = minimum.group(1);
				HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports[n]
						+ "/api/auctions/" + listing + "/bids")).header("Authorization", "Bearer " + token)
					.header("Idempotency-Key", key).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"" + amount + "\"}")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200 || r.statusCode() == 201) {
					Matcher seq = SEQ.matcher(r.body());
					seq.find();
					return new Receipt(Long.parseLong(seq.group(1)), amount, key);
				}
				if (r.statusCode() == 409) {
					return null;
				}
				// 503: the clock runs on the other node (or is being taken over): pass it on
				Thread.sleep(100);
			}
			catch (IOException e) {
				// a dead node: the next one
			}
		}
		throw new IllegalStateException("bid " + key + " got no answer within 60 s");
	}

	/** Follows one node's event stream of the auction and keeps every state it saw. */
	static final class Watcher extends Thread {

		final List<Seen> seen = new CopyOnWriteArrayList<>();

		private final int port;

		private final UUID listing;

		Watcher(int port, UUID listing) {
			this.port = port;
			this.listing = listing;
			setDaemon(true);
		}

		@Override
		public void run() {
			try {
				HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
						+ "/auctions/" + listing + "/events")).header("Accept", "text/event-stream").build(),
						HttpResponse.BodyHandlers.ofInputStream());
				try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = in.readLine()) != null) {
						if (line.startsWith("data:")) {
							seen.add(state(line.substring(5)));
						}
					}
				}
			}
			catch (IOException | InterruptedException e) {
				// the node died: what was seen stays
			}
		}

		private static Seen state(String json) {
			Matcher seq = Pattern.compile("\"lastSeq\":(\\d+)").matcher(json);
			Matcher price = Pattern.compile("\"price\":\"?([0-9.]+)").matcher(json);
			Matcher status = Pattern.compile("\"status\":\"(\\w+)\"").matcher(json);
			return new Seen(seq.find() ? Long.parseLong(seq.group(1)) : 0, price.find() ? price.group(1) : "0",
					status.find() ? status.group(1) : "?");
		}
	}

	private static String waitClosed(int port, UUID listing, Duration limit) throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		Pattern status = Pattern.compile("\"status\":\"(\\w+)\"");
		String last = null;
		while (System.nanoTime() < deadline) {
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
					+ "/api/auctions/" + listing)).build(), HttpResponse.BodyHandlers.ofString());
			Matcher m = status.matcher(r.body());
			last = m.find() ? m.group(1) : null;
			if (last != null && !last.equals("RUNNING")) {
				System.out.println("the auction closed: " + last);
				return last;
			}
			Thread.sleep(2000);
		}
		return last;
	}

	private static void check(String what, boolean ok, String detail) {
		System.out.printf("%-4s %-100s %s%n", ok ? "OK" : "FAIL", what, detail);
		if (!ok) {
			failures.add(what);
		}
	}
}
