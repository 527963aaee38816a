package org.yiwang.auction;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Broadcast: N watchers connected to one auction's live page event stream ({@code /auctions/{id}/events}, server-sent
 * events over HTTP/1.1 on loopback, read by one NIO selector as a browser would receive them), two bidders bidding one
 * after the other; for every bid, the time from its acknowledgement (the bidder's HTTP answer) to the arrival of the
 * state carrying it at each watcher: p50/p99 over all (bid, watcher) pairs and over each bid's slowest watcher. The
 * baseline, in the same run and JVM: the same number of raw loopback sockets, the same payload size written to each
 * by one thread, read by the same kind of selector, timed from the start of the writes to the arrival at each.
 *
 * <p>Usage: {@code bench/auction-broadcast.sh [watchers=5000] [bids=100]}.
 */
public final class AuctionBroadcast {

	private static final Pattern LAST_SEQ = Pattern.compile("\"lastSeq\":(\\d+)");

	public static void main(String[] args) throws Exception {
		int watchers = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
		int bids = args.length > 1 ? Integer.parseInt(args[1]) : 100;
		try (ConfigurableApplicationContext app = AuctionLoad.start("yiwang-auction-broadcast",
				"--server.tomcat.max-connections=" + (watchers + 1000), "--server.tomcat.accept-count=1000")) {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			AuctionLoad load = new AuctionLoad(app, port);
			System.out.println("Setting up one auction with 2 qualified bidders...");
			AuctionLoad.Setup setup = load.setup(2);
			int payload = app.getBean(tools.jackson.databind.json.JsonMapper.class)
				.writeValueAsString(load.hall.auction(setup.listing())).length();

			System.out.printf("Baseline: %d raw loopback sockets, one writer thread...%n", watchers);
			double[] baseline = rawFanOut(watchers, bids, Math.max(payload, 1500));

			System.out.printf("Connecting %d watchers to the live event stream...%n", watchers);
			Reader reader = new Reader(watchers);
			String request = "GET /auctions/" + setup.listing() + "/events HTTP/1.1\r\nHost: localhost\r\n"
					+ "Accept: text/event-stream\r\n\r\n";
			for (int w = 0; w < watchers; w++) {
				SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
				channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
				reader.add(channel, w);
				if (w % 500 == 499) {
					reader.awaitConnected(w + 1, 60);
					System.out.printf("  %d watchers have the state%n", w + 1);
				}
			}
			reader.awaitConnected(watchers, 60);
			System.out.printf("Bidding %d bids, one at a time, 2 bidders...%n", bids);
			List<long[]> perBid = new ArrayList<>();
			long amount = load.hall.auction(setup.listing()).minimumBid().yuan().longValue();
			for (int b = 0; b < bids; b++) {
				String[] session = setup.tokens().get(b % 2).split("\\|");
				HttpResponse<String> r = load.http.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + port + "/auctions/" + setup.listing() + "/bids"))
					.header("Cookie", "JSESSIONID=" + session[0]).header("X-CSRF-TOKEN", session[1])
					.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.POST(HttpRequest.BodyPublishers.ofString("amount=" + (amount + b) + ".00")).build(),
						HttpResponse.BodyHandlers.ofString());
				long acknowledged = System.nanoTime();
				if (r.statusCode() != 200) {
					throw new IllegalStateException("bid refused: " + r.body());
				}
				Matcher m = Pattern.compile("\"seq\":(\\d+)").matcher(r.body());
				m.find();
				long seq = Long.parseLong(m.group(1));
				long[] arrivals = reader.awaitSeq(seq, watchers, 30);
				long[] latencies = new long[watchers];
				for (int w = 0; w < watchers; w++) {
					latencies[w] = Math.max(0, arrivals[w] - acknowledged);
				}
				perBid.add(latencies);
				Thread.sleep(200);
			}
			reader.close();
			double[] live = summarize(perBid);
			System.out.println();
			System.out.printf("%s | %d cores | %d watchers | %d bids | payload ~%d bytes | load average %.2f%n",
					System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), watchers, bids, payload,
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
			System.out.printf("%-52s %10s %10s %14s %14s%n", "", "p50 ms", "p99 ms", "slowest p50 ms", "slowest max ms");
			print("raw loopback fan-out, one writer (baseline)", baseline);
			print("auction live page: ack -> arrival at each watcher", live);
			System.out.println("(p50/p99 over every (bid, watcher) pair; slowest = each bid's last watcher, p50 and max over bids)");
		}
		System.exit(0);
	}

	private static void print(String name, double[] r) {
		System.out.printf("%-52s %10.2f %10.2f %14.2f %14.2f%n", name, r[0], r[1], r[2], r[3]);
	}

	/** p50, p99 over all pairs; p50 and max over bids of the slowest watcher; in ms. */
	static double[] summarize(List<long[]> perBid) {
		long[] all = perBid.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		long[] slowest = perBid.stream().mapToLong(l -> Arrays.stream(l).max().orElse(0)).sorted().toArray();
		return new double[] { all[all.length / 2] / 1e6, all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6,
				slowest[slowest.length / 2] / 1e6, slowest[slowest.length - 1] / 1e6 };
	}

	/** The same fan-out with nothing but sockets: one thread writes the payload to every socket in turn. */
	static double[] rawFanOut(int sockets, int rounds, int size) throws Exception {
		try (ServerSocketChannel server = ServerSocketChannel.open()) {
			server.bind(new InetSocketAddress("127.0.0.1", 0), sockets);
			Reader reader = new Reader(sockets);
			List<SocketChannel> accepted = new ArrayList<>();
			for (int i = 0; i < sockets; i++) {
				SocketChannel client = SocketChannel.open(server.getLocalAddress());
				accepted.add(server.accept());
				reader.add(client, i);
			}
			List<long[]> perRound = new ArrayList<>();
			for (int round = 1; round <= rounds; round++) {
				byte[] frame = ("event:state\ndata:{\"lastSeq\":" + round + ",\"pad\":\"" + "x".repeat(size) + "\"}\n\n")
					.getBytes(StandardCharsets.US_ASCII);
				long start = System.nanoTime();
				for (SocketChannel s : accepted) {
					ByteBuffer buffer = ByteBuffer.wrap(frame);
					while (buffer.hasRemaining()) {
						s.write(buffer);
					}
				}
				long[] arrivals = reader.awaitSeq(round, sockets, 30);
				long[] latencies = new long[sockets];
				for (int w = 0; w < sockets; w++) {
					latencies[w] = Math.max(0, arrivals[w] - start);
				}
				perRound.add(latencies);
				Thread.sleep(200);
			}
			reader.close();
			for (SocketChannel s : accepted) {
				s.close();
			}
			return summarize(perRound);
		}
	}

	/**
	 * One selector thread reading every watcher: it notes, per watcher, when each state's {@code lastSeq} first arrived
	 * (a state names the last bid it carries; a later state carries the earlier bids too).
	 */
	static final class Reader implements AutoCloseable {

		private final Selector selector = Selector.open();

		private final List<SocketChannel> channels = new ArrayList<>();

		private final StringBuilder[] text;

		private final long[] seen;

		/** seq -> arrival time per watcher (0: not yet). */
		private final ConcurrentHashMap<Long, long[]> arrivals = new ConcurrentHashMap<>();

		private final java.util.concurrent.atomic.AtomicInteger connected = new java.util.concurrent.atomic.AtomicInteger();

		private final java.util.concurrent.ConcurrentLinkedQueue<Object[]> pending = new java.util.concurrent.ConcurrentLinkedQueue<>();

		private final Thread thread;

		private volatile boolean open = true;

		Reader(int size) throws Exception {
			text = new StringBuilder[size];
			seen = new long[size];
			Arrays.fill(seen, -1);
			thread = new Thread(this::loop, "bench-watchers");
			thread.setDaemon(true);
			thread.start();
		}

		void add(SocketChannel channel, int index) {
			pending.add(new Object[] { channel, index });
			selector.wakeup();
		}

		void awaitConnected(int count, int seconds) throws InterruptedException {
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
			while (connected.get() < count) {
				if (System.nanoTime() > until) {
					throw new IllegalStateException("only " + connected.get() + " of " + count + " watchers got the state");
				}
				Thread.sleep(10);
			}
		}

		long[] awaitSeq(long seq, int count, int seconds) throws InterruptedException {
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
			long[] times = arrivals.computeIfAbsent(seq, s -> new long[count]);
			while (true) {
				int missing = 0;
				for (int w = 0; w < count; w++) {
					if (times[w] == 0 && seen[w] < seq) {
						missing++;
					}
				}
				if (missing == 0) {
					// A watcher whose state jumped past seq (coalesced) got it with the later state.
					for (int w = 0; w < count; w++) {
						if (times[w] == 0) {
							times[w] = firstAtLeast(seq, w);
						}
					}
					return times;
				}
				if (System.nanoTime() > until) {
					throw new IllegalStateException(missing + " watchers never got bid " + seq);
				}
				Thread.sleep(2);
			}
		}

		private long firstAtLeast(long seq, int w) {
			long best = Long.MAX_VALUE;
			for (var e : arrivals.entrySet()) {
				if (e.getKey() >= seq && e.getValue()[w] != 0) {
					best = Math.min(best, e.getValue()[w]);
				}
			}
			return best;
		}

		private void loop() {
			ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
			try {
				while (open) {
					selector.select(50);
					Object[] p;
					while ((p = pending.poll()) != null) {
						SocketChannel c = (SocketChannel) p[0];
						c.configureBlocking(false);
						c.register(selector, SelectionKey.OP_READ, p[1]);
					}
					long now = System.nanoTime();
					var keys = selector.selectedKeys().iterator();
					while (keys.hasNext()) {
						SelectionKey key = keys.next();
						keys.remove();
						int w = (Integer) key.attachment();
						buffer.clear();
						int n = ((SocketChannel) key.channel()).read(buffer);
						if (n <= 0) {
							if (n < 0) {
								key.cancel();
							}
							continue;
						}
						buffer.flip();
						byte[] bytes = new byte[n];
						buffer.get(bytes);
						received(w, new String(bytes, StandardCharsets.UTF_8), now);
					}
				}
			}
			catch (Exception e) {
				if (open) {
					e.printStackTrace();
				}
			}
		}

		private void received(int w, String chunk, long now) {
			StringBuilder t = text[w] == null ? (text[w] = new StringBuilder()) : text[w];
			t.append(chunk);
			int end;
			while ((end = t.indexOf("\n\n")) >= 0) {
				Matcher m = LAST_SEQ.matcher(t.substring(0, end));
				t.delete(0, end + 2);
				if (m.find()) {
					long seq = Long.parseLong(m.group(1));
					if (seen[w] < 0) {
						connected.incrementAndGet();
					}
					if (seq > seen[w]) {
						arrivals.computeIfAbsent(seq, s -> new long[seen.length])[w] = now;
						seen[w] = seq;
					}
				}
			}
		}

		@Override
		public void close() throws Exception {
			open = false;
			selector.wakeup();
			thread.join(1000);
			for (SelectionKey k : selector.keys()) {
				k.channel().close();
			}
			selector.close();
		}
	}

	private AuctionBroadcast() {
	}
}
