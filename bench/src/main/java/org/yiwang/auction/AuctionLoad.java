package org.yiwang.auction;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yiwang.YiwangApplication;
import org.yiwang.account.AccountKind;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.AccountView;
import org.yiwang.account.NewAccount;
import org.yiwang.guarantee.CashDeposits;
import org.yiwang.guarantee.DepositAccountView;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Role;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;

/**
 * One hot auction, N bidders bidding as fast as they can over HTTP on loopback (signed in through the login page, posting
 * to the live page's bid endpoint with the session and CSRF token, as the browser does): accepted
 * durable bids per second and the p99 acknowledgement latency, then a paced run at a fixed offered rate; beside it, in
 * the same run and on the same embedded PostgreSQL (fsync and synchronous commit on) through the application's own
 * connection pool, single-row insert-and-commit throughput at the same concurrency.
 *
 * <p>Usage: {@code bench/auction-load.sh [bidders] [seconds] [paced-rate]} (defaults 200, 10, 1000).
 */
public final class AuctionLoad {

	private static final String DEMO_PASSWORD = "Demo@2026yw";

	static final String PASSWORD = "Bench-pass-2026";

	public static void main(String[] args) throws Exception {
		int bidders = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
		int pacedRate = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
		try (ConfigurableApplicationContext app = start("yiwang-auction-bench",
				"--server.tomcat.threads.max=" + Math.max(200, bidders + 20))) {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			AuctionLoad load = new AuctionLoad(app, port);
			System.out.printf("Setting up one auction with %d qualified bidders...%n", bidders);
			Setup setup = load.setup(bidders);
			System.out.printf("%nPostgreSQL single-row insert+commit, %d threads, app pool, %d s...%n", bidders, seconds);
			Result baseline = load.baseline(bidders, seconds);
			System.out.printf("Floor: the same client's bids to a bare servlet doing one insert+commit each, %d s, then "
					+ "paced...%n", seconds);
			Result floor = load.floor(bidders, seconds, 0, true);
			Result pacedFloor = load.floor(bidders, seconds, pacedRate, true);
			Result pacedEcho = load.floor(bidders, seconds, pacedRate, false);
			System.out.printf("Auction bids over HTTP, %d bidders as fast as they can, %d s...%n", bidders, seconds);
			jdk.jfr.Recording recording = null;
			if (System.getProperty("bench.jfr") != null) {
				// A profile of the fast run only: -Dbench.jfr=/tmp/auction.jfr
				recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
				recording.setDestination(Path.of(System.getProperty("bench.jfr")));
				recording.start();
			}
			org.yiwang.bench.CpuMeter meter = org.yiwang.bench.CpuMeter.forDatabaseIn(load.databaseDirectory());
			org.yiwang.bench.CpuMeter.Sample cpuStart = meter.sample();
			java.util.Map<String, Double> threadsStart = org.yiwang.bench.CpuMeter.threads();
			long seqStart = load.hall.auction(setup.listing).lastSeq();
			Result auction = load.bidding(setup, bidders, seconds, 0);
			cpuPerBid = perDecided(meter.sample().minus(cpuStart), threadsStart, auction.decidedPerSecond() * seconds);
			if (recording != null) {
				recording.stop();
				recording.close();
			}
			System.out.printf("Auction bids over HTTP, %d bidders, paced at %d offered bids/s, %d s...%n", bidders, pacedRate,
					seconds);
			cpuStart = meter.sample();
			threadsStart = org.yiwang.bench.CpuMeter.threads();
			Result paced = load.bidding(setup, bidders, seconds, pacedRate);
			String pacedCpu = perDecided(meter.sample().minus(cpuStart), threadsStart, paced.decidedPerSecond() * seconds);
			long bids = load.hall.auction(setup.listing).lastSeq();
			System.out.println();
			System.out.printf("%s | %d cores | %d bidders | embedded PostgreSQL, fsync on, synchronous_commit on%n",
					System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), bidders);
			System.out.printf("%-44s %10s %10s %10s %9s %9s %6s %6s%n", "", "offered/s", "decided/s", "durable/s",
					"p50 ms", "p99 ms", "JVM cpu", "load");
			print("PostgreSQL insert+commit (baseline)", baseline);
			print("floor: bare servlet, 1 insert+commit per POST", floor);
			print("floor: the same, paced", pacedFloor);
			print("floor: bare servlet, no database, paced", pacedEcho);
			print("auction: accepted bids, as fast as possible", auction);
			print("auction: accepted bids, paced", paced);
			System.out.printf("accepted bids / baseline: %.0f%%, decided bids / baseline: %.0f%%   (auction total %d bids, "
					+ "all in one total order)%n", 100.0 * auction.durablePerSecond() / baseline.durablePerSecond(),
					100.0 * auction.decidedPerSecond() / baseline.decidedPerSecond(), bids);
			System.out.printf("floor / baseline: %.0f%% (no servlet application can beat the floor on this machine with this "
					+ "client)%n", 100.0 * floor.durablePerSecond() / baseline.durablePerSecond());
			System.out.println("CPU per decided bid, as fast as possible: " + cpuPerBid);
			System.out.println("CPU per decided bid, paced: " + pacedCpu);
			System.out.println("(decided = accepted + refused: a refused bid's audit entry is committed before its answer "
					+ "too; p50/p99 are of accepted bids; JVM cpu = cores used by this JVM, bench client included; "
					+ "load = 1-minute load average of the whole machine, other processes included)");
		}
		// The HTTP client's selector thread is not a daemon.
		System.exit(0);
	}

	private static String cpuPerBid = "";

	/** CPU ms per decided bid: this JVM (by thread group), the kernel's share, and PostgreSQL. */
	static String perDecided(org.yiwang.bench.CpuMeter.Sample cpu, java.util.Map<String, Double> threadsBefore,
			double decided) {
		double n = Math.max(1, decided);
		StringBuilder text = new StringBuilder(String.format("JVM %.2f ms (kernel %.2f), PostgreSQL %.2f ms; by thread:",
				1000 * cpu.jvm() / n, 1000 * cpu.jvmSystem() / n, 1000 * cpu.database() / n));
		double listed = 0;
		for (var e : org.yiwang.bench.CpuMeter.threads().entrySet()) {
			double ms = 1000 * (e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0.0)) / n;
			listed += ms;
			if (ms >= 0.01) {
				text.append(String.format(" %s %.2f", e.getKey(), ms));
			}
		}
		return text.append(String.format(", GC+JIT+ended %.2f", 1000 * cpu.jvm() / n - listed)).toString();
	}

	Path databaseDirectory() {
		return Path.of(app.getEnvironment().getProperty("yiwang.database.embedded-directory"));
	}

	/** The platform on a fresh embedded PostgreSQL in a temporary directory, on a free port, logging warnings to a file. */
	static ConfigurableApplicationContext start(String name, String... more) throws java.io.IOException {
		Path dir = Files.createTempDirectory(name);
		List<String> args = new ArrayList<>(List.of("--yiwang.database.embedded-directory=" + dir.resolve("pg"),
				"--yiwang.database.embedded-clean=true", "--yiwang.pki.key-secret-file=" + dir.resolve("pki-secret"),
				"--server.port=0", "--logging.file.name=" + dir.resolve("yiwang.log"), "--logging.level.root=WARN"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(YiwangApplication.class).run(args.toArray(String[]::new));
	}

	record Setup(UUID listing, List<String> tokens, BigDecimal increment) {
	}

	/**
	 * @param decidedPerSecond answered attempts (accepted or refused: both are durably recorded before the answer)
	 * @param durablePerSecond accepted bids (the baseline: committed rows)
	 * @param cpu cores busy in this JVM (client and server) during the run, on average
	 * @param load the machine's one-minute load average at the end (other processes included)
	 */
	record Result(double offeredPerSecond, double decidedPerSecond, double durablePerSecond, double p50Ms, double p99Ms,
			double cpu, double load) {
	}

	private static void print(String name, Result r) {
		System.out.printf("%-44s %10.0f %10.0f %10.0f %9.2f %9.2f %6.2f %6.2f%n", name, r.offeredPerSecond(),
				r.decidedPerSecond(), r.durablePerSecond(), r.p50Ms(), r.p99Ms(), r.cpu(), r.load());
	}

	final ConfigurableApplicationContext app;

	final int port;

	final AuctionHall hall;

	final EntityRegistry registry;

	final AccountManagement accounts;

	final CashDeposits deposits;

	final AuthenticationProvider login;

	/** The platform's clock (a demo clock runs ahead of real time once the demo city is seeded): every instant sent. */
	final Clock clock;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER).executor(Executors.newFixedThreadPool(16, r -> {
			Thread t = new Thread(r, "bench-http");
			t.setDaemon(true);
			return t;
		})).build();

	AuctionLoad(ConfigurableApplicationContext app, int port) {
		this.app = app;
		this.port = port;
		this.hall = app.getBean(AuctionHall.class);
		this.registry = app.getBean(EntityRegistry.class);
		this.accounts = app.getBean(AccountManagement.class);
		this.deposits = app.getBean(CashDeposits.class);
		this.login = app.getBean(AuthenticationProvider.class);
		this.clock = app.getBean(Clock.class);
	}

	/** Signed-in sessions by username: one (Argon2-checked) sign-in each, as a browser session would keep it. */
	private final java.util.Map<String, org.springframework.security.core.Authentication> sessions = new java.util.HashMap<>();

	<T> T as(String username, String password, Supplier<T> work) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(sessions.computeIfAbsent(username,
				u -> login.authenticate(new UsernamePasswordAuthenticationToken(u, password))));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static String creditCode(int n) {
		String first17 = "915001030" + String.format("%08d", n);
		return first17 + CreditCode.checkCharacter(first17);
	}

	EntityView entity(String user, int n, EntityRole role) {
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, "压测公司" + user,
				creditCode(n), null, "张三", "李四", "023-12345678", "bench@example.cn", "重庆市渝中区", "150", "500103", Set.of(role), user, PASSWORD));
		return as("staff", DEMO_PASSWORD, () -> registry.approve(registered.id(), registered.version()));
	}

	Setup setup(int bidders) throws Exception {
		String bankToken = bank();
		entity("bench.transferor", 1, EntityRole.TRANSFEROR);
		ListingView listing = publishedListing("CQ-500103-BENCH-0001");
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < bidders; i++) {
			String user = "bench.b" + i;
			EntityView entity = entity(user, 1000 + i, EntityRole.TRANSFEREE);
			qualify(bankToken, listing, user, entity, "BENCH-" + i);
			tokens.add(null);
			if (i % 50 == 49) {
				System.out.printf("  %d bidders ready%n", i + 1);
			}
		}
		conclude(listing);
		System.out.println("  signing the bidders in through the login page...");
		for (int i = 0; i < bidders; i++) {
			tokens.set(i, signIn("bench.b" + i, listing.id()));
		}
		return new Setup(listing.id(), tokens, new BigDecimal("1.00"));
	}

	/** The bench's settlement bank, registered by staff; returns its API token (it reports deposits' arrival). */
	String bank() {
		AccountView bank = as("admin", DEMO_PASSWORD, () -> accounts.create(new NewAccount("bench.bank", "压测结算银行",
				AccountKind.MACHINE, Set.of(Role.API_CLIENT), null, false, Set.of(), null)));
		String bankToken = as("admin", DEMO_PASSWORD, () -> accounts.issueToken(bank.id(), "bench", 1)).secret();
		as("staff", DEMO_PASSWORD, () -> deposits.registerBank("bench.bank", "压测结算银行"));
		return bankToken;
	}

	/** A state-equity listing of {@code bench.transferor} (registered already), published by 渝中区 staff. */
	ListingView publishedListing(String tradeCode) {
		ListingView submitted = as("bench.transferor", PASSWORD, () -> hall.submit(new NewListing(tradeCode,
				"500103", "STATE_EQUITY", "压测标的", "压测标的说明", "", null, new BigDecimal("1000.00"),
				new BigDecimal("1000.00"), new BigDecimal("1.00"), new BigDecimal("100.00"), 20, false, "9",
				new BigDecimal("1000.00"))));
		return as("staff.yuzhong", DEMO_PASSWORD, () -> hall.publish(submitted.id(), submitted.version()));
	}

	/** The transferee registers, pays its deposit (the bank reports it over the API) and staff qualify it. */
	void qualify(String bankToken, ListingView listing, String user, EntityView entity, String bankReference)
			throws Exception {
		RegistrationView registration = as(user, PASSWORD, () -> hall.register(listing.id()));
		DepositAccountView account = as(user, PASSWORD, () -> deposits.openAccount(listing.tradeCode().value()));
		String body = """
				{"accountNumber":"%s","amount":100.00,"payerAccount":"6222000011112222","payerName":"%s",
				 "paidAt":"%s","bankReference":"%s"}""".formatted(account.accountNumber(), entity.name(),
				clock.instant().minusSeconds(60), bankReference);
		HttpResponse<String> paid = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/guarantees/bank/arrivals")).header("Authorization", "Bearer " + bankToken)
			.header("Idempotency-Key", bankReference).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		if (paid.statusCode() != 201) {
			throw new IllegalStateException("deposit arrival refused: " + paid.body());
		}
		as("staff.yuzhong", DEMO_PASSWORD, () -> hall.qualify(registration.id()));
	}

	/** Ends the listing period now: with two or more qualified transferees, the auction starts at once (24 h free). */
	void conclude(ListingView listing) {
		Instant periodEnd = listing.periodEnd();
		as("staff.yuzhong", DEMO_PASSWORD,
				() -> hall.concludeAsOf(listing.id(), clock.instant(), 24 * 60, null, periodEnd));
	}

	private static final java.util.regex.Pattern SESSION = java.util.regex.Pattern.compile("JSESSIONID=([^;]+)");

	private static final java.util.regex.Pattern CSRF = java.util.regex.Pattern
		.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

	/**
	 * Signs in through the login page as a browser does and returns "session cookie|CSRF token" for the live page's
	 * bid endpoint: a session costs no database work per request (a bearer token is looked up at each one).
	 */
	String signIn(String user, UUID listing) throws Exception {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		String cookie = match(SESSION, String.join(";", page.headers().allValues("Set-Cookie")));
		String csrf = match(CSRF, page.body());
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login")).header("Cookie", "JSESSIONID=" + cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD + "&_csrf=" + csrf))
			.build(), HttpResponse.BodyHandlers.ofString());
		String session = match(SESSION, String.join(";", login.headers().allValues("Set-Cookie")));
		HttpResponse<String> live = http.send(HttpRequest.newBuilder(uri("/auctions/" + listing))
			.header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofString());
		return session + "|" + match(CSRF, live.body());
	}

	private static String match(java.util.regex.Pattern pattern, String text) {
		var m = pattern.matcher(text);
		if (!m.find()) {
			throw new IllegalStateException("not found: " + pattern + " in " + text.substring(0, Math.min(300, text.length())));
		}
		return m.group(1);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/** Each thread inserts one row and commits, as fast as it can, through the application's pool. */
	Result baseline(int threads, int seconds) throws Exception {
		DataSource pool = app.getBean(DataSource.class);
		// A logged table like the bids table, created by the owner; the application role only inserts.
		try (var c = app.getBean("migrationDataSource", DataSource.class).getConnection(); var s = c.createStatement()) {
			s.execute("create table if not exists public.bench_probe (id bigint, amount numeric(20,2), at timestamptz)");
			s.execute("grant insert on public.bench_probe to yiwang_app");
		}
		AtomicLong ids = new AtomicLong();
		return run(threads, seconds, 0, () -> {
			try (var c = pool.getConnection();
					var p = c.prepareStatement("insert into public.bench_probe values (?, ?, now())")) {
				c.setAutoCommit(false);
				p.setLong(1, ids.incrementAndGet());
				p.setBigDecimal(2, new BigDecimal("1000.00"));
				p.executeUpdate();
				c.commit();
				return Answer.ACCEPTED;
			}
		});
	}

	private final AtomicLong keys = new AtomicLong();

	/**
	 * The floor under the auction's figure: the bidders' same requests (form body, session cookie, CSRF header), from the
	 * same client at the same concurrency, to a servlet alone in a bare Tomcat that inserts one row and commits through
	 * the application's pool, as the baseline does, and answers 200. No Spring, no security, no session, no auction
	 * rules: less than the platform must do per bid, so its rate bounds the auction's from above on this machine.
	 * Without {@code database} it only answers: the latency the client, HTTP and these cores add on their own.
	 */
	Result floor(int bidders, int seconds, int pacedRate, boolean database) throws Exception {
		DataSource pool = app.getBean(DataSource.class);
		AtomicLong ids = new AtomicLong(1L << 40);
		jakarta.servlet.http.HttpServlet servlet = new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void doPost(jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
				BigDecimal amount = new BigDecimal(request.getParameter("amount"));
				if (database) {
					insert(amount);
				}
				response.setContentType("application/json");
				response.getWriter().write("{\"amount\":\"" + amount + "\"}");
			}

			private void insert(BigDecimal amount) throws java.io.IOException {
				try (var c = pool.getConnection();
						var p = c.prepareStatement("insert into public.bench_probe values (?, ?, now())")) {
					c.setAutoCommit(false);
					p.setLong(1, ids.incrementAndGet());
					p.setBigDecimal(2, amount);
					p.executeUpdate();
					c.commit();
				}
				catch (java.sql.SQLException e) {
					throw new java.io.IOException(e);
				}
			}
		};
		try (org.yiwang.bench.BareServlet bare = new org.yiwang.bench.BareServlet(servlet, Math.max(200, bidders + 20))) {
			URI uri = URI.create("http://localhost:" + bare.port() + "/auctions/bids");
			AtomicLong price = new AtomicLong();
			return run(bidders, seconds, pacedRate, () -> {
				HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Cookie", "JSESSIONID=bench")
					.header("X-CSRF-TOKEN", "bench").header("Content-Type", "application/x-www-form-urlencoded")
					.header("Accept", "application/json").header("Idempotency-Key", "bench-" + keys.incrementAndGet())
					.POST(HttpRequest.BodyPublishers.ofString("amount=" + price.incrementAndGet() + ".00")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() != 200) {
					throw new IllegalStateException("floor request failed: " + r.statusCode() + " " + r.body());
				}
				return Answer.ACCEPTED;
			});
		}
	}

	/** Bidders bid the next price they believe in; only accepted (durably committed) bids count. */
	Result bidding(Setup setup, int bidders, int seconds, int pacedRate) throws Exception {
		AtomicLong price = new AtomicLong(hall.auction(setup.listing).minimumBid().yuan().longValue());
		URI uri = uri("/auctions/" + setup.listing + "/bids");
		AtomicLong next = new AtomicLong();
		// Keys from a counter: UUID.randomUUID() takes the JVM's one SecureRandom lock, and 200 client threads queued on it
		return run(bidders, seconds, pacedRate, () -> {
			int who = (int) (next.getAndIncrement() % bidders);
			long amount = price.incrementAndGet();
			String[] session = setup.tokens.get(who).split("\\|");
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).header("Cookie", "JSESSIONID=" + session[0])
				.header("X-CSRF-TOKEN", session[1]).header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "application/json").header("Idempotency-Key", "bench-" + keys.incrementAndGet())
				.POST(HttpRequest.BodyPublishers.ofString("amount=" + amount + ".00")).build(),
					HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() == 409) {
				// Overtaken by a higher bid in flight: learn the price and go on.
				return Answer.REFUSED;
			}
			if (r.statusCode() != 200) {
				throw new IllegalStateException("bid failed: " + r.statusCode() + " " + r.body());
			}
			return Answer.ACCEPTED;
		});
	}

	/** What an attempt got: accepted (durable, timed), refused (an answer, also durable), or nothing. */
	enum Answer {
		ACCEPTED, REFUSED
	}

	interface Attempt {

		Answer run() throws Exception;
	}

	/** Runs {@code threads} loops for the duration; pacedRate > 0 spreads attempts at that total rate. */
	private static Result run(int threads, int seconds, int pacedRate, Attempt attempt) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		long[][] latencies = new long[threads][];
		int[] counts = new int[threads];
		long[] offered = new long[threads];
		long[] decided = new long[threads];
		var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		long cpuBefore = os.getProcessCpuTime();
		CountDownLatch done = new CountDownLatch(threads);
		long started = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			int me = t;
			latencies[t] = new long[1 << 16];
			pool.execute(() -> {
				try {
					long interval = pacedRate > 0 ? 1_000_000_000L * threads / pacedRate : 0;
					long due = System.nanoTime() + (interval > 0 ? interval * me / threads : 0);
					while (System.nanoTime() < end) {
						if (interval > 0) {
							long wait = due - System.nanoTime();
							if (wait > 0) {
								Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
							}
							due += interval;
						}
						long t0 = System.nanoTime();
						offered[me]++;
						Answer answer = attempt.run();
						decided[me]++;
						if (answer == Answer.ACCEPTED && counts[me] < latencies[me].length) {
							latencies[me][counts[me]++] = System.nanoTime() - t0;
						}
					}
				}
				catch (Exception e) {
					e.printStackTrace();
				}
				finally {
					done.countDown();
				}
			});
		}
		done.await();
		double elapsed = (System.nanoTime() - started) / 1e9;
		double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9 / elapsed;
		pool.shutdown();
		long[] all = merged(latencies, counts);
		double p50 = all.length == 0 ? 0 : all[(int) (all.length * 0.50)] / 1e6;
		double p99 = all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6;
		return new Result(Arrays.stream(offered).sum() / elapsed, Arrays.stream(decided).sum() / elapsed,
				all.length / elapsed, p50, p99, cpu, os.getSystemLoadAverage());
	}

	/** Each thread's first {@code counts[t]} latencies, in one sorted array. */
	static long[] merged(long[][] latencies, int[] counts) {
		long[] all = new long[Arrays.stream(counts).sum()];
		int i = 0;
		for (int t = 0; t < latencies.length; t++) {
			System.arraycopy(latencies[t], 0, all, i, counts[t]);
			i += counts[t];
		}
		Arrays.sort(all);
		return all;
	}
}
