package org.yiwang.auction;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ConfigurableApplicationContext;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;

/**
 * Many auctions on one node, light bidding: N English auctions running at once (each with its qualified bidders, on
 * this node's floor), bidders bidding on auctions picked at random at a fixed total rate over HTTP, as the live page
 * does. Prints the heap the platform keeps with every auction live (after a full collection) beside the heap of the
 * same platform before the auctions opened (the baseline, same run), the peak heap in use while bidding, and the
 * bids' acknowledgement latency. Run it under {@code -Xmx512m} (the script does): the limit is the figure to hold.
 *
 * <p>Usage: {@code bench/auction-floor.sh [auctions=1000] [bidders per auction=2] [seconds=60] [bids/s=200]}.
 */
public final class AuctionFloor {

	private static final double MIB = 1024 * 1024;

	public static void main(String[] args) throws Exception {
		int auctions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
		int bidders = args.length > 1 ? Integer.parseInt(args[1]) : 2;
		int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
		int rate = args.length > 3 ? Integer.parseInt(args[3]) : 200;
		try (ConfigurableApplicationContext app = AuctionLoad.start("yiwang-auction-floor")) {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			AuctionLoad load = new AuctionLoad(app, port);
			Auctioneer floor = app.getBean(Auctioneer.class);
			String bankToken = load.bank();
			load.entity("bench.transferor", 1, EntityRole.TRANSFEROR);
			List<String> users = new ArrayList<>();
			List<EntityView> entities = new ArrayList<>();
			for (int b = 0; b < bidders; b++) {
				users.add("bench.b" + b);
				entities.add(load.entity("bench.b" + b, 1000 + b, EntityRole.TRANSFEREE));
			}
			int liveBefore = floor.liveCount();
			long idleHeap = retainedHeap();
			System.out.printf("Platform up, %d auctions live (demo data); heap kept after a full collection: %.1f MiB%n",
					liveBefore, idleHeap / MIB);
			System.out.printf("Opening %d auctions with %d qualified bidders each...%n", auctions, bidders);
			List<java.util.UUID> listings = new ArrayList<>();
			long setupStart = System.nanoTime();
			for (int a = 0; a < auctions; a++) {
				ListingView listing = load.publishedListing("CQ-500103-FLOOR-%05d".formatted(a));
				for (int b = 0; b < bidders; b++) {
					load.qualify(bankToken, listing, users.get(b), entities.get(b), "FLOOR-%d-%d".formatted(a, b));
				}
				load.conclude(listing);
				listings.add(listing.id());
				if (a % 100 == 99) {
					System.out.printf("  %d auctions live (%.0f s)%n", a + 1, (System.nanoTime() - setupStart) / 1e9);
				}
			}
			List<String> sessions = new ArrayList<>();
			for (String user : users) {
				sessions.add(load.signIn(user, listings.get(0)));
			}
			int live = floor.liveCount();
			long liveHeap = retainedHeap();
			System.out.printf("%d auctions live; heap kept after a full collection: %.1f MiB%n", live, liveHeap / MIB);

			System.out.printf("Bidding: %d bids/s on auctions picked at random, %d s...%n", rate, seconds);
			AtomicLong[] prices = new AtomicLong[auctions];
			for (int a = 0; a < auctions; a++) {
				prices[a] = new AtomicLong(load.hall.auction(listings.get(a)).minimumBid().yuan().longValue() - 1);
			}
			resetPeaks();
			Bidding bidding = bid(load, port, listings, sessions, prices, seconds, rate);
			long peak = peakHeap();
			long afterHeap = retainedHeap();
			long[] latencies = bidding.latencies();
			System.out.println();
			System.out.printf("%s | %d cores | max heap %.0f MiB | embedded PostgreSQL, fsync on%n",
					System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
					Runtime.getRuntime().maxMemory() / MIB);
			System.out.printf("%-62s %10.1f MiB%n", "heap kept, platform before the auctions (baseline)", idleHeap / MIB);
			System.out.printf("%-62s %10.1f MiB  (%.1f KiB an auction)%n",
					"heap kept, " + live + " auctions live", liveHeap / MIB, (liveHeap - idleHeap) / 1024.0 / Math.max(1,
							live - liveBefore));
			System.out.printf("%-62s %10.1f MiB%n", "heap kept, after bidding", afterHeap / MIB);
			System.out.printf("%-62s %10.1f MiB%n", "peak heap in use while bidding (garbage included)", peak / MIB);
			System.out.printf("%-62s %10.1f /s  (%d accepted, %d refused, %d errors)%n", "bids answered",
					bidding.answered() / (double) seconds, bidding.accepted(), bidding.refused(), bidding.errors());
			System.out.printf("%-62s p50 %.1f ms  p99 %.1f ms%n", "acknowledgement latency",
					percentile(latencies, 0.50), percentile(latencies, 0.99));
		}
		System.exit(0);
	}

	record Bidding(long[] latencies, int accepted, int refused, int errors, int answered) {
	}

	/** {@code rate} bids a second from 16 client threads, each on an auction and by a bidder picked at random. */
	private static Bidding bid(AuctionLoad load, int port, List<java.util.UUID> listings, List<String> sessions,
			AtomicLong[] prices, int seconds, int rate) throws Exception {
		int threads = 16;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		long interval = 1_000_000_000L * threads / rate;
		long[][] latencies = new long[threads][];
		int[] counts = new int[threads];
		AtomicInteger accepted = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		AtomicLong keys = new AtomicLong();
		CountDownLatch done = new CountDownLatch(threads);
		for (int t = 0; t < threads; t++) {
			int me = t;
			latencies[t] = new long[rate * seconds / threads + 1000];
			pool.execute(() -> {
				long due = System.nanoTime() + interval * me / threads;
				try {
					while (System.nanoTime() < end) {
						long wait = due - System.nanoTime();
						if (wait > 0) {
							Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
						}
						due += interval;
						ThreadLocalRandom random = ThreadLocalRandom.current();
						int a = random.nextInt(listings.size());
						String[] session = sessions.get(random.nextInt(sessions.size())).split("\\|");
						long amount = prices[a].incrementAndGet();
						long t0 = System.nanoTime();
						HttpResponse<String> r = load.http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
								+ port + "/auctions/" + listings.get(a) + "/bids"))
							.header("Cookie", "JSESSIONID=" + session[0]).header("X-CSRF-TOKEN", session[1])
							.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
							.header("Idempotency-Key", "floor-" + keys.incrementAndGet())
							.POST(HttpRequest.BodyPublishers.ofString("amount=" + new BigDecimal(amount).setScale(2)))
							.build(), HttpResponse.BodyHandlers.ofString());
						if (counts[me] < latencies[me].length) {
							latencies[me][counts[me]++] = System.nanoTime() - t0;
						}
						if (r.statusCode() == 200) {
							accepted.incrementAndGet();
						}
						else if (r.statusCode() == 409) {
							refused.incrementAndGet(); // overtaken, or the bidder leads already
						}
						else {
							errors.incrementAndGet();
							System.out.println("bid -> " + r.statusCode() + " " + r.body());
						}
					}
				}
				catch (Exception e) {
					errors.incrementAndGet();
					e.printStackTrace();
				}
				finally {
					done.countDown();
				}
			});
		}
		done.await();
		pool.shutdown();
		return new Bidding(LoadRun.merged(latencies, counts), accepted.get(), refused.get(), errors.get(),
				accepted.get() + refused.get());
	}

	private static double percentile(long[] sorted, double q) {
		return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / MIB;
	}

	/** The heap in use after a full collection: what the platform keeps. */
	static long retainedHeap() throws InterruptedException {
		for (int i = 0; i < 2; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static void resetPeaks() {
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	/** The sum of each heap pool's peak since the reset (an upper bound of the heap in use at any instant). */
	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
			.mapToLong(p -> p.getPeakUsage().getUsed()).sum();
	}
}
