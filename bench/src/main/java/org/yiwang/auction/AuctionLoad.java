package org.yiwang.auction;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;


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
import org.yiwang.bench.CpuMeter;
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
 * One hot auction against its floor, at several concurrencies in one run. For each number of bidders, first the floor
 * and then the platform, each for the same seconds: the floor is the bidders' same requests (form body, session cookie,
 * CSRF header, from the same client) to a servlet alone in a bare Tomcat that inserts one row and commits on the same
 * embedded PostgreSQL (fsync and synchronous commit on) through the application's pool; the platform is the bidders,
 * signed in through the login page, posting to the live page's bid endpoint with their session and CSRF token as the
 * browser does. Then the same pair paced at a fixed offered rate. One table: decided/s and p99 beside the floor's,
 * their ratio and difference, the CPU per decided bid beside the floor's CPU per request, and whether issue 25's goal
 * (≥ 90% of the floor, p99 ≤ the floor's + 20 ms) is met.
 *
 * <p>Usage: {@code bench/auction-load.sh [concurrencies=10,50,200] [seconds=10] [paced-rate=1000]}.
 */
public final class AuctionLoad {

	private static final String DEMO_PASSWORD = "Demo@2026yw";

	static final String PASSWORD = "Bench-pass-2026";

	/** Issue 25: decided bids/s at least this share of the floor's, p99 at most the floor's plus this. */
	static final double GOAL_RATIO = 0.90;

	static final double GOAL_P99_MS = 20;

	public static void main(String[] args) throws Exception {
		int[] concurrencies = Arrays.stream((args.length > 0 ? args[0] : "10,50,200").split(","))
			.mapToInt(c -> Integer.parseInt(c.strip())).toArray();
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
		int pacedRate = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
		int bidders = Arrays.stream(concurrencies).max().orElseThrow();
		// The writer's commits one batch at a time ("off"), overlapped ("on"), or each row both ways back to back
		Modes modes = Modes.valueOf(System.getProperty("bench.overlap", "both").toUpperCase());
		try (ConfigurableApplicationContext app = start("yiwang-auction-bench",
				"--server.tomcat.threads.max=" + Math.max(200, bidders + 20))) {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			AuctionLoad load = new AuctionLoad(app, port);
			System.out.printf("Setting up one auction with %d qualified bidders...%n", bidders);
			Setup setup = load.setup(bidders);
			load.probeTable();
			CpuMeter meter = CpuMeter.forDatabaseIn(load.databaseDirectory());
			// At each concurrency, in the table's order: after one 5 s warm-up at the largest, the first row measured
			// (10 bidders) still paid the JIT compiling the request path: the same 10-bidder row run three times in a
			// row cost 5.9, 3.5 and 3.5 ms of CPU per decided bid (floor 1.5, 0.8, 0.7), 14.4, 10.6, 6.6 under JFR.
			int warmup = Integer.getInteger("bench.warmup", 5);
			for (int c : concurrencies) {
				System.out.printf("Warming up (floor and platform, %d bidders, %d s each)...%n", c, warmup);
				load.floor(c, warmup, 0, meter);
				load.bidding(setup, c, warmup, 0, meter);
			}
			jdk.jfr.Recording recording = null;
			if (System.getProperty("bench.jfr") != null) {
				// A profile of the measured runs: -Dbench.jfr=/tmp/auction.jfr
				recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
				recording.setDestination(Path.of(System.getProperty("bench.jfr")));
				recording.start();
			}
			List<Row> rows = new ArrayList<>();
			for (int c : concurrencies) {
				System.out.printf("%d bidders, as fast as they can, %d s: floor, then platform (%s)...%n", c, seconds,
						modes.label());
				load.rows(rows, Integer.toString(c), load.floor(c, seconds, 0, meter), modes,
						() -> load.bidding(setup, c, seconds, 0, meter));
			}
			if (pacedRate > 0) {
				System.out.printf("%d bidders paced at %d offered/s, %d s: floor, then platform (%s)...%n", bidders,
						pacedRate, seconds, modes.label());
				load.rows(rows, bidders + " @" + pacedRate + "/s", load.floor(bidders, seconds, pacedRate, meter), modes,
						() -> load.bidding(setup, bidders, seconds, pacedRate, meter));
			}
			if (recording != null) {
				recording.stop();
				recording.close();
			}
			long bids = load.hall.auction(setup.listing).lastSeq();
			System.out.println();
			System.out.printf("%s | %d cores | embedded PostgreSQL, fsync on, synchronous_commit on | goal: ≥ %.0f%% of the "
					+ "floor's decided/s and p99 ≤ floor p99 + %.0f ms%n", System.getProperty("java.version"),
					Runtime.getRuntime().availableProcessors(), 100 * GOAL_RATIO, GOAL_P99_MS);
			System.out.println("| bidders | floor decided/s | platform decided/s | ratio | floor p99 ms | platform p99 ms "
					+ "| p99 − floor p99 | CPU ms per decided bid (platform) | CPU ms per request (floor) | goal met? "
					+ "| accepted/s | load |");
			System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
			for (Row row : rows) {
				System.out.println(row.markdown());
			}
			System.out.println();
			for (Row row : rows) {
				System.out.printf("%s bidders: floor CPU per request: %s%n", row.label, row.floor.cpuDetail());
				System.out.printf("%s bidders: platform CPU per decided bid: %s%n", row.label, row.platform.cpuDetail());
			}
			System.out.println();
			for (Row row : rows) {
				System.out.printf("%s bidders: the auction's writer: %s%n", row.label, row.writer);
			}
			System.out.println();
			for (Row row : rows) {
				System.out.printf("%s bidders: %s%n", row.label, row.writes());
			}
			for (Row row : rows) {
				if (!row.sessions.isEmpty()) {
					System.out.printf("%s bidders: JDBC sessions %s%n", row.label, row.sessions);
				}
			}
			System.out.printf("(auction total %d bids, all in one total order; decided = accepted + refused as "
					+ "overtaken: both answers follow a commit; p99 of decided requests; CPU = this JVM, bench client "
					+ "included, + PostgreSQL; load = 1-minute load average of the whole machine at the end)%n", bids);
		}
		// The HTTP client's selector thread is not a daemon.
		System.exit(0);
	}

	/** Which of the writer's commit modes the platform runs in ({@code -Dbench.overlap=off|on|both}). */
	enum Modes {
		OFF, ON, BOTH;

		String label() {
			return this == BOTH ? "one batch at a time, then overlapped commits" : this == ON ? "overlapped commits"
					: "one batch at a time";
		}
	}

	interface Run {

		LoadRun.Result run() throws Exception;
	}

	/** The platform's rows beside one floor run: in each mode asked for, the writer switched between them. */
	void rows(List<Row> rows, String label, LoadRun.Result floor, Modes modes, Run platform) throws Exception {
		LaneWriter writer = app.getBean(Auctioneer.class).writer;
		try {
			if (modes != Modes.ON) {
				writer.overlap = false;
				rows.add(new Row(label, floor, platform.run(), writerStages, sessionTraffic));
			}
			if (modes != Modes.OFF) {
				writer.overlap = true;
				rows.add(new Row(label + " overlapped", floor, platform.run(), writerStages, sessionTraffic));
			}
		}
		finally {
			writer.overlap = false;
		}
	}

	/** One line of the table: the floor and the platform at the same concurrency and seconds. */
	record Row(String label, LoadRun.Result floor, LoadRun.Result platform, String writer, String sessions,
			Writes floorWrites, Writes platformWrites) {

		Row(String label, LoadRun.Result floor, LoadRun.Result platform, String writer, String sessions) {
			this(label, floor, platform, writer, sessions, Writes.of(floor), Writes.of(platform));
		}

		String writes() {
			return String.format("writing transactions per decided bid %.3f (floor per request %.3f), WAL bytes per "
					+ "decided bid %.0f (floor %.0f)", platformWrites.transactions(), floorWrites.transactions(),
					platformWrites.walBytes(), floorWrites.walBytes());
		}

		boolean met() {
			return platform.decidedPerSecond() >= GOAL_RATIO * floor.decidedPerSecond()
					&& platform.p99Ms() - floor.p99Ms() <= GOAL_P99_MS;
		}

		String markdown() {
			return String.format("| %s | %.0f | %.0f | %.0f%% | %.1f | %.1f | %+.1f | %.2f | %.2f | %s | %.0f | %.1f |",
					label, floor.decidedPerSecond(), platform.decidedPerSecond(),
					100 * platform.decidedPerSecond() / floor.decidedPerSecond(), floor.p99Ms(), platform.p99Ms(),
					platform.p99Ms() - floor.p99Ms(), platform.cpuMsPerDecided(), floor.cpuMsPerDecided(),
					met() ? "yes" : "no", platform.durablePerSecond(), platform.load());
		}
	}

	/**
	 * What PostgreSQL wrote per decided attempt during a run: transactions that were given a transaction id (every
	 * one that wrote, hence a commit record to flush; read from the next id to assign, which reading does not move)
	 * and bytes of WAL. Exact at once, unlike the statistics views, which backends report up to a second late.
	 */
	record Writes(double transactions, double walBytes) {

		static final java.util.Map<LoadRun.Result, Writes> measured = new java.util.concurrent.ConcurrentHashMap<>();

		static Writes of(LoadRun.Result result) {
			return measured.getOrDefault(result, new Writes(Double.NaN, Double.NaN));
		}
	}

	/** The next transaction id and the WAL position now. */
	long[] databaseCounters() {
		try (var c = app.getBean("migrationDataSource", DataSource.class).getConnection(); var s = c.createStatement();
				var rs = s.executeQuery("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint, "
						+ "(pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint")) {
			rs.next();
			return new long[] { rs.getLong(1), rs.getLong(2) };
		}
		catch (java.sql.SQLException e) {
			return new long[] { -1, -1 };
		}
	}

	/** Runs one measured run and notes what PostgreSQL wrote per decided attempt during it. */
	LoadRun.Result counted(Run run) throws Exception {
		long[] before = databaseCounters();
		LoadRun.Result result = run.run();
		long[] after = databaseCounters();
		double n = Math.max(1, result.decided());
		Writes.measured.put(result, new Writes((after[0] - before[0]) / n, (after[1] - before[1]) / n));
		return result;
	}

	Path databaseDirectory() {
		return Path.of(app.getEnvironment().getProperty("yiwang.database.embedded-directory"));
	}

	/** The platform on a fresh embedded PostgreSQL in a temporary directory, on a free port, logging warnings to a file. */
	static ConfigurableApplicationContext start(String name, String... more) throws java.io.IOException {
		Path dir = Files.createTempDirectory(name);
		List<String> args = new ArrayList<>(List.of("--yiwang.database.embedded-directory=" + dir.resolve("pg"),
				"--yiwang.database.embedded-clean=true", "--yiwang.pki.key-secret-file=" + dir.resolve("pki-secret"),
				"--server.port=0", "--logging.file.name=" + dir.resolve("yiwang.log"), "--logging.level.root=WARN",
				// the bare floor's Tomcat, stopped after each row, warns of the pool threads its servlet started
				"--logging.level.org.apache.catalina.loader.WebappClassLoaderBase=ERROR"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(YiwangApplication.class).run(args.toArray(String[]::new));
	}

	record Setup(UUID listing, List<String> tokens, BigDecimal increment) {
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

	/** The session cookie as the Cookie header carries it: the container's JSESSIONID, or Spring Session's SESSION. */
	private static final java.util.regex.Pattern SESSION = java.util.regex.Pattern
		.compile("((?:JSESSIONID|SESSION)=[^;]+)");

	private static final java.util.regex.Pattern CSRF = java.util.regex.Pattern
		.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");

	String signIn(String user, UUID listing) throws Exception {
		return signIn(http, "http://localhost:" + port, user, listing);
	}

	/**
	 * Signs in through the login page at {@code base} as a browser does and returns "session cookie|CSRF token" for the
	 * live page's bid endpoint: a container's session costs no database work per request (a bearer token is looked up
	 * at each one; a cluster's JDBC session is read at each one).
	 */
	static String signIn(HttpClient http, String base, String user, UUID listing) throws Exception {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		String cookie = match(SESSION, String.join(";", page.headers().allValues("Set-Cookie")));
		String csrf = match(CSRF, page.body());
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD + "&_csrf=" + csrf))
			.build(), HttpResponse.BodyHandlers.ofString());
		String session = match(SESSION, String.join(";", login.headers().allValues("Set-Cookie")));
		HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create(base + "/auctions/" + listing))
			.header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
		return session + "|" + match(CSRF, live.body());
	}

	/** A bid as the live page posts it: form body, session cookie, CSRF header, JSON answer, an idempotency key. */
	static HttpRequest bidRequest(URI uri, String cookie, String csrf, String key, long amount) {
		return HttpRequest.newBuilder(uri).header("Cookie", cookie).header("X-CSRF-TOKEN", csrf)
			.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
			.header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString("amount=" + amount + ".00")).build();
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

	/** The floor's table: logged like the bids table, created by the owner; the application role only inserts. */
	void probeTable() throws java.sql.SQLException {
		try (var c = app.getBean("migrationDataSource", DataSource.class).getConnection(); var s = c.createStatement()) {
			s.execute(org.yiwang.bench.InsertFloorServlet.TABLE);
			s.execute(org.yiwang.bench.InsertFloorServlet.GRANT);
		}
	}

	private final AtomicLong keys = new AtomicLong();

	/**
	 * The floor under the auction's figure: the bidders' same requests (form body, session cookie, CSRF header), from the
	 * same client at the same concurrency, to a servlet alone in a bare Tomcat that inserts one row and commits through
	 * the application's pool, and answers 200. No Spring, no security, no session, no auction rules: less than the
	 * platform must do per bid, so its rate bounds the auction's from above on this machine.
	 */
	LoadRun.Result floor(int bidders, int seconds, int pacedRate, CpuMeter meter) throws Exception {
		return counted(() -> floorRun(bidders, seconds, pacedRate, meter));
	}

	private LoadRun.Result floorRun(int bidders, int seconds, int pacedRate, CpuMeter meter) throws Exception {
		jakarta.servlet.http.HttpServlet servlet = new org.yiwang.bench.InsertFloorServlet(app.getBean(DataSource.class));
		try (org.yiwang.bench.BareServlet bare = new org.yiwang.bench.BareServlet(servlet, Math.max(200, bidders + 20))) {
			URI uri = URI.create("http://localhost:" + bare.port() + "/auctions/bids");
			AtomicLong price = new AtomicLong();
			return LoadRun.run(bidders, seconds, pacedRate, meter, () -> {
				HttpResponse<String> r = http.send(bidRequest(uri, "JSESSIONID=bench", "bench",
						"bench-" + keys.incrementAndGet(), price.incrementAndGet()), HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() != 200) {
					throw new IllegalStateException("floor request failed: " + r.statusCode() + " " + r.body());
				}
				return LoadRun.Answer.ACCEPTED;
			});
		}
	}

	/** The auction writer's stages during the last platform run ({@link WriterTimings}). */
	String writerStages = "";

	/** With JDBC sessions: what the sessions cost the database in the last platform run, per request. */
	String sessionTraffic = "";

	private final AtomicLong requests = new AtomicLong();

	/** Bidders bid the next price they believe in; only accepted (durably committed) bids count. */
	LoadRun.Result bidding(Setup setup, int bidders, int seconds, int pacedRate, CpuMeter meter) throws Exception {
		WriterTimings timings = app.getBean(Auctioneer.class).timings;
		timings.reset();
		boolean jdbcSessions = app.getEnvironment().getProperty("yiwang.cluster.jdbc-sessions", Boolean.class, false);
		long[] before = jdbcSessions ? sessionTables() : null;
		long requestsBefore = requests.get();
		try {
			return counted(() -> bids(setup, bidders, seconds, pacedRate, meter));
		}
		finally {
			writerStages = timings.summary();
			if (jdbcSessions) {
				// PostgreSQL publishes an idle backend's counters within 10 s
				Thread.sleep(11_000);
				long[] after = sessionTables();
				double n = Math.max(1, requests.get() - requestsBefore);
				org.yiwang.system.CachedSessions node = app.getBeanProvider(org.yiwang.system.CachedSessions.class)
					.getIfAvailable();
				sessionTraffic = String.format("per request: spring_session %.3f scans, %.3f rows updated; "
						+ "spring_session_attributes %.3f scans (%d requests)%s", (after[0] - before[0]) / n,
						(after[1] - before[1]) / n, (after[2] - before[2]) / n, (long) n,
						node == null ? "" : "; node (since its start): " + node.counts());
			}
		}
	}

	/** Scans (sequential or by an index) and updated rows of the session table, scans of its attributes' table, so far. */
	private long[] sessionTables() throws java.sql.SQLException {
		try (var c = app.getBean("migrationDataSource", DataSource.class).getConnection(); var s = c.createStatement();
				var rs = s.executeQuery("select"
						+ " coalesce(sum(seq_scan + idx_scan) filter (where relname = 'spring_session'), 0),"
						+ " coalesce(sum(n_tup_upd) filter (where relname = 'spring_session'), 0),"
						+ " coalesce(sum(seq_scan + idx_scan) filter (where relname = 'spring_session_attributes'), 0)"
						+ " from pg_stat_user_tables where schemaname = 'system'")) {
			rs.next();
			return new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) };
		}
	}

	private LoadRun.Result bids(Setup setup, int bidders, int seconds, int pacedRate, CpuMeter meter) throws Exception {
		AtomicLong price = new AtomicLong(hall.auction(setup.listing).minimumBid().yuan().longValue());
		URI uri = uri("/auctions/" + setup.listing + "/bids");
		AtomicLong next = new AtomicLong();
		// Keys from a counter: UUID.randomUUID() takes the JVM's one SecureRandom lock, and 200 client threads queued on it
		return LoadRun.run(bidders, seconds, pacedRate, meter, () -> {
			requests.incrementAndGet();
			int who = (int) (next.getAndIncrement() % bidders);
			long amount = price.incrementAndGet();
			String[] session = setup.tokens.get(who).split("\\|");
			HttpResponse<String> r = http.send(bidRequest(uri, session[0], session[1], "bench-" + keys.incrementAndGet(),
					amount), HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() == 409) {
				// Overtaken by a higher bid in flight: learn the price and go on.
				return LoadRun.Answer.REFUSED;
			}
			if (r.statusCode() != 200) {
				throw new IllegalStateException("bid failed: " + r.statusCode() + " " + r.body());
			}
			return LoadRun.Answer.ACCEPTED;
		});
	}
}
