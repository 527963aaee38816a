package org.yiwang.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yiwang.YiwangApplication;
import org.yiwang.account.AccountManagement;
import org.yiwang.envelope.ContentCipher;
import org.yiwang.envelope.Crypto;
import org.yiwang.envelope.EnvelopeWriter;
import org.yiwang.envelope.MachineFingerprint;
import org.yiwang.envelope.Pem;
import org.yiwang.envelope.PriceSheet;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.pki.IssuedCredentials;
import org.yiwang.pki.OpeningKeys;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.Registration;
import org.yiwang.tendering.NewTender;
import org.yiwang.tendering.NoticeDraft;
import org.yiwang.tendering.SectionDetails;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDesk;
import org.yiwang.tendering.TenderDocuments;

import com.zaxxer.hikari.HikariDataSource;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The deadline rush: N bidders, each with its own SM2 certificate bound in the registry, submit one sealed envelope
 * each over HTTP on loopback, as fast as the server takes them, to a platform started in this JVM on a fresh embedded
 * PostgreSQL (fsync on). Prints receipts per second and p50/p99 latency beside two baselines measured in the same run:
 * the unavoidable work per envelope in a tight loop (SM3 + SHA-256 of the envelope size + one SM2 verification,
 * {@link EnvelopeBaseline#unavoidableWork}), and single-row inserts with commit into the same PostgreSQL at the same
 * concurrency. Afterwards every receipt must match a stored, receipted bid.
 *
 * <p>{@code bench/deadline-rush.sh [bidders=200] [kilobytes=1024] [concurrency=16]} (the issue's size is 2000 x 1024).
 */
public final class DeadlineRush {

	private static final String PASSWORD = "Rush-bench-2026";

	private DeadlineRush() {
	}

	public static void main(String[] args) throws Exception {
		int bidders = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		int kilobytes = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
		int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
		Path work = Files.createTempDirectory("yiwang-rush");
		System.out.printf("Deadline rush: %d bidders x %d KB envelopes, %d concurrent uploads; work in %s%n", bidders,
				kilobytes, concurrency, work);
		ConfigurableApplicationContext app = SpringApplication.run(YiwangApplication.class, "--server.port=0",
				"--yiwang.database.embedded-directory=" + work.resolve("postgres"), "--yiwang.database.embedded-clean=true",
				"--yiwang.pki.key-secret-file=" + work.resolve("pki-key-secret"),
				"--yiwang.tendering.blob-directory=" + work.resolve("blobs"), "--logging.file.name=" + work.resolve("log"),
				"--spring.main.banner-mode=off", "--logging.level.root=WARN");
		try {
			run(app, work, bidders, kilobytes, concurrency);
		}
		finally {
			app.close();
		}
		// the HTTP client's and the pools' threads are not daemons: the figures are printed, so end here
		System.exit(0);
	}

	record Bidder(String username, String token, Path envelope) {
	}

	/** A published section and its bidders, each with a bound certificate, a sealed envelope and an API token. */
	record Prepared(SectionView section, List<Bidder> bidders) {
	}

	private static void run(ConfigurableApplicationContext app, Path work, int count, int kilobytes, int concurrency)
			throws Exception {
		int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
		long setupStart = System.nanoTime();
		Prepared prepared = prepare(app, work, count, kilobytes);
		SectionView section = prepared.section();
		List<Bidder> ready = prepared.bidders();
		long envelopeBytes = Files.size(ready.get(0).envelope());
		System.out.printf("Set up %d bidders with bound SM2 certificates and sealed %d-byte envelopes in %.1f s%n",
				ready.size(), envelopeBytes, (System.nanoTime() - setupStart) / 1e9);
		// the platform is warmed as the floor is (JIT, per-process caches) by a first rush of other bidders on a section
		// of their own; -Drush.warmup=0 measures it cold, as before 2026-12-07 evening
		int warmCount = Integer.getInteger("rush.warmup", Math.min(count, 100));
		Prepared warm = warmCount > 0 ? prepare(app, work, warmCount, kilobytes) : null;
		CpuMeter cpu = CpuMeter.forDatabaseIn(work.resolve("postgres"));
		// baseline 1: the unavoidable work per envelope, tight loop, same machine, same run
		CpuMeter.Sample cryptoStart = cpu.sample();
		EnvelopeBaseline.Figure crypto = EnvelopeBaseline.unavoidableWork(Runtime.getRuntime().availableProcessors(),
				(int) envelopeBytes, Duration.ofSeconds(8));
		CpuMeter.Sample cryptoCpu = cpu.sample().minus(cryptoStart);
		double cryptoEnvelopes = crypto.operations();
		// baseline 2: one-row insert + commit into the same PostgreSQL at the same concurrency
		CpuMeter.Sample insertStart = cpu.sample();
		double inserts = insertBaseline(app.getBean("migrationDataSource", HikariDataSource.class), concurrency,
				Duration.ofSeconds(8));
		CpuMeter.Sample insertCpu = cpu.sample().minus(insertStart);

		// the floor: the same client and uploads to a bare servlet doing only the unavoidable work (see FloorServlet)
		HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(concurrency)).build();
		Path floorFiles = Files.createDirectories(work.resolve("floor"));
		Rush floor;
		CpuMeter.Sample floorCpu;
		try (BareServlet bare = new BareServlet(new FloorServlet(floorFiles), 200)) {
			rush(http, bare.port(), section, ready.subList(0, Math.min(ready.size(), 100)), concurrency); // warm-up
			CpuMeter.Sample floorStart = cpu.sample();
			floor = rush(http, bare.port(), section, ready, concurrency);
			floorCpu = cpu.sample().minus(floorStart);
		}
		try (var files = Files.list(floorFiles)) {
			for (Path f : (Iterable<Path>) files::iterator) {
				Files.delete(f);
			}
		}

		// the statements and transactions counted on the request threads (Tomcat's http-nio-*-exec-*) and on every
		// thread of this JVM (the receipt batches, the listeners; the client sends none): in a last third of the warm-up's
		// bidders after the timed rush, or in the rush itself when there is no warm-up. The counter reads pgjdbc's FINEST
		// trace, which formats every statement's parameters: CPU the platform does not spend without it, so the rush
		// with a warm-up is timed uncounted.
		HikariDataSource owner = app.getBean("migrationDataSource", HikariDataSource.class);
		// the warm-up's first two thirds run before the timed rush, uncounted; its last third is counted after it: the
		// counter's trace changes what the JIT sees, so counting first left the timed rush recompiling pgjdbc
		List<Bidder> warmUp = warm == null ? List.of() : warm.bidders().subList(0, warm.bidders().size() * 2 / 3);
		List<Bidder> countedAfter = warm == null ? List.of()
				: warm.bidders().subList(warm.bidders().size() * 2 / 3, warm.bidders().size());
		if (!warmUp.isEmpty()) {
			rush(http, port, warm.section(), warmUp, concurrency);
			Thread.sleep(2_000); // the warm-up's batches and listeners finish before the timed rush
		}
		JdbcTraffic traffic = countedAfter.isEmpty() ? new JdbcTraffic(app.getBean("transactionManager"),
				thread -> thread.getName().startsWith("http-nio-") && thread.getName().contains("-exec-")) : null;
		long databaseCommits = 0;
		double counted = 0;
		String countedIn = null;
		long commitsBefore = databaseTransactions(owner);
		CpuMeter.Sample rushStart = cpu.sample();
		java.util.Map<String, Double> threadsBefore = CpuMeter.threads();
		java.util.Map<String, Double> jvmBefore = CpuMeter.jvmThreads();
		Rush rush = rush(http, port, section, ready, concurrency);
		double seconds = rush.seconds();
		long[] latencies = rush.latencies();
		AtomicInteger receipted = rush.receipted();
		AtomicInteger failed = rush.failed();
		CpuMeter.Sample rushCpu = cpu.sample().minus(rushStart);
		java.util.Map<String, Double> threadsAfter = CpuMeter.threads();
		java.util.Map<String, Double> jvmAfter = CpuMeter.jvmThreads();
		Thread.sleep(2_000); // the batches' listeners finish, and PostgreSQL publishes its counters (about once a second)
		if (countedAfter.isEmpty()) {
			traffic.close();
			databaseCommits = databaseTransactions(owner) - commitsBefore - 1;
			counted = Math.max(1, receipted.get());
			countedIn = "the rush itself, counter on";
		}
		if (!countedAfter.isEmpty()) {
			commitsBefore = databaseTransactions(owner);
			traffic = new JdbcTraffic(app.getBean("transactionManager"),
					thread -> thread.getName().startsWith("http-nio-") && thread.getName().contains("-exec-"));
			Rush countedRush = rush(http, port, warm.section(), countedAfter, concurrency);
			Thread.sleep(2_000); // the batches' listeners finish, and PostgreSQL publishes its counters
			traffic.close();
			databaseCommits = databaseTransactions(owner) - commitsBefore - 1;
			counted = Math.max(1, countedRush.receipted().get());
			countedIn = "after the rush, " + countedRush.receipted().get() + " receipts, " + countedRush.failed().get()
					+ " errors";
		}
		long stored;
		try (Connection c = owner.getConnection(); Statement s = c.createStatement();
				var rs = s.executeQuery("select count(*) from tendering.bids where section_id = '" + section.id()
						+ "' and status = 'RECEIPTED' and receipt is not null")) {
			rs.next();
			stored = rs.getLong(1);
		}
		double perSecond = receipted.get() / seconds;
		double lower = Math.min(crypto.perSecond(), inserts);
		System.out.println();
		System.out.printf("%-58s %10.1f /s%n", "baseline: " + crypto.name() + " [" + crypto.threads() + " threads]",
				crypto.perSecond());
		System.out.printf("%-58s %10.1f /s%n", "baseline: 1-row insert + commit, " + concurrency + " connections", inserts);
		double floorPerSecond = floor.receipted().get() / floor.seconds();
		System.out.printf("%-58s %10.1f /s  (%.0f%% of the lower baseline; p99 %.0f ms, %d errors)%n",
				"floor: bare servlet, same client, hash+fsync+verify" + (FloorServlet.ONE_KEY ? " (one key)" : " (a key each)"),
				floorPerSecond, 100 * floorPerSecond / lower, ms(floor.latencies(), 0.99), floor.failed().get());
		System.out.printf("%-58s %10.1f /s  (%.0f%% of the lower baseline)%n", "deadline rush: receipts over HTTP"
				+ (MULTIPART ? " (multipart)" : " (plain body)"),
				perSecond, 100 * perSecond / lower);
		System.out.printf("%-58s p50 %.0f ms  p99 %.0f ms  max %.0f ms%n", "latency per upload", ms(latencies, 0.50),
				ms(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
		System.out.printf("%-58s %d receipted, %d errors, %d receipted bids stored%n", "outcome", receipted.get(),
				failed.get(), stored);
		System.out.printf("%-58s %.0f%% of the floor's receipts/s; p99 %.2f x the floor's p99%n", "against the floor",
				100 * perSecond / floorPerSecond, ms(latencies, 0.99) / ms(floor.latencies(), 0.99));
		double n = counted;
		System.out.printf("%-58s %.2f statements, %.2f transactions (and %.2f liveness checks of the pool) [%s]%n",
				"per receipt, request threads (JDBC)", traffic.chosen().statements() / n,
				traffic.chosen().transactions() / n, traffic.chosen().livenessChecks() / n, countedIn);
		System.out.printf("%-58s %.2f statements, %.2f transactions (PostgreSQL's own count: %.2f)%n",
				"per receipt, every thread of this JVM (JDBC)", traffic.all().statements() / n,
				traffic.all().transactions() / n, databaseCommits / n);
		if (Boolean.getBoolean("rush.tableStats")) {
			try (Connection c = owner.getConnection(); Statement s = c.createStatement();
					var rs = s.executeQuery("select schemaname||'.'||relname, seq_scan, seq_tup_read, idx_scan, n_tup_ins, "
							+ "n_tup_upd, n_tup_del from pg_stat_user_tables order by seq_tup_read desc limit 25")) {
				while (rs.next()) {
					System.out.printf("  %-50s seq %6d read %10d idx %8d ins %6d upd %6d del %6d%n", rs.getString(1),
							rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));
				}
			}
		}
		// CPU per envelope: comparable between runs even when other work shares the machine
		System.out.printf("%-58s %.1f ms in this JVM (%.1f ms in PostgreSQL)%n", "CPU per envelope, baseline 1",
				1000 * cryptoCpu.jvm() / cryptoEnvelopes, 1000 * cryptoCpu.database() / cryptoEnvelopes);
		System.out.printf("%-58s %.1f ms in this JVM, %.1f of it in the kernel; %.2f of %d cores busy%n",
				"CPU per upload, floor", 1000 * floorCpu.jvm() / Math.max(1, floor.receipted().get()),
				1000 * floorCpu.jvmSystem() / Math.max(1, floor.receipted().get()), floorCpu.jvm() / floor.seconds(),
				Runtime.getRuntime().availableProcessors());
		System.out.printf("%-58s %.2f ms in this JVM (%.2f ms in PostgreSQL)%n", "CPU per row, baseline 2",
				1000 * insertCpu.jvm() / (inserts * 8), 1000 * insertCpu.database() / (inserts * 8));
		System.out.printf("%-58s %.1f ms in this JVM, server and client, %.1f of it in the kernel (%.1f ms in "
				+ "PostgreSQL)%n", "CPU per receipt, rush" + (warm != null ? " (warmed, uncounted)" : " (cold, counted)"),
				1000 * rushCpu.jvm() / Math.max(1, receipted.get()),
				1000 * rushCpu.jvmSystem() / Math.max(1, receipted.get()),
				1000 * rushCpu.database() / Math.max(1, receipted.get()));
		double listed = 0;
		StringBuilder byThread = new StringBuilder();
		for (var e : threadsAfter.entrySet()) {
			double ms = 1000 * (e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0.0)) / Math.max(1, receipted.get());
			listed += ms;
			if (ms >= 0.1) {
				byThread.append(String.format("%s %.1f, ", e.getKey(), ms));
			}
		}
		for (var e : jvmAfter.entrySet()) {
			double ms = 1000 * (e.getValue() - jvmBefore.getOrDefault(e.getKey(), 0.0)) / Math.max(1, receipted.get());
			listed += ms;
			byThread.append(String.format("%s %.1f, ", e.getKey(), ms));
		}
		System.out.printf("%-58s %sended threads and the rest %.1f%n", "  of which by thread (ms)", byThread,
				1000 * rushCpu.jvm() / Math.max(1, receipted.get()) - listed);
	}

	/** Transactions committed and rolled back in this database so far, as PostgreSQL counts them. */
	private static long databaseTransactions(HikariDataSource owner) throws Exception {
		try (Connection c = owner.getConnection(); Statement s = c.createStatement();
				var rs = s.executeQuery("select xact_commit + xact_rollback from pg_stat_database "
						+ "where datname = current_database()")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** A works section published by staff of 渝中区 for a new tenderer named after {@code run}, bids due in 25 days. */
	static SectionView publishedSection(ConfigurableApplicationContext app, String run) {
		EntityRegistry registry = app.getBean(EntityRegistry.class);
		TenderDesk desk = app.getBean(TenderDesk.class);
		Clock clock = app.getBean(Clock.class);
		Acting staff = actor("staff.yuzhong", Role.CENTER_STAFF, RegionScope.of(RegionCode.of("500103")));
		approved(registry, staff, run + ".t", "招标人" + run, EntityRole.TENDERER);
		Acting party = actor(run + ".t", Role.TENDERER, RegionScope.none());
		SectionView registered = as(party, () -> desk.registerTender(new NewTender("项目" + run, null, "招标" + run,
				null, new SectionDetails("一标段", "500103", "ENG_BUILDING", new BigDecimal("10000000"), BigDecimal.ZERO, 90,
						List.of()), facts())));
		SectionView approved = as(staff, () -> desk.approve(registered.id(), registered.version()));
		signedDocuments(app, party, approved, "招标文件");
		Instant now = clock.instant();
		SectionView drafted = as(party, () -> desk.submitNotice(approved.id(), new NoticeDraft("招标公告", "正文", now,
				now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(25)), false)));
		return as(staff, () -> desk.publish(drafted.id(), drafted.version()));
	}

	/**
	 * Uploads the section's tender documents and signs them as the tenderer, with a demo-CA certificate bound to it: a
	 * notice is published only with its documents signed.
	 */
	static void signedDocuments(ConfigurableApplicationContext app, Acting party, SectionView section, String content) {
		TenderDocuments documents = app.getBean(TenderDocuments.class);
		byte[] text = content.getBytes(StandardCharsets.UTF_8);
		var document = as(party, () -> documents.upload(section.id(), "招标文件.txt", "text/plain",
				new ByteArrayInputStream(text)));
		IssuedCredentials credentials = as(party, app.getBean(EntityCertificates.class)::issueDemoCertificate);
		as(party, () -> documents.sign(document.id(), credentials.sign(text), credentials.certificateBytes(),
				credentials.signatureAlgorithm().jcaName()));
	}

	/** Sets up a published section and {@code count} bidders with {@code kilobytes}-KB sealed envelopes. */
	static Prepared prepare(ConfigurableApplicationContext app, Path work, int count, int kilobytes) throws Exception {
		EntityRegistry registry = app.getBean(EntityRegistry.class);
		EntityCertificates certificates = app.getBean(EntityCertificates.class);
		TenderDocuments documents = app.getBean(TenderDocuments.class);
		AccountManagement accounts = app.getBean(AccountManagement.class);
		OpeningKeys openingKeys = app.getBean(OpeningKeys.class);
		String run = UUID.randomUUID().toString().substring(0, 6);
		Acting staff = actor("staff.yuzhong", Role.CENTER_STAFF, RegionScope.of(RegionCode.of("500103")));

		SectionView section = publishedSection(app, "rush" + run);
		Path openingKey = Files.writeString(work.resolve("opening.pem"),
				openingKeys.find(section.openingKey()).orElseThrow().publicKeyPem());
		Path content = work.resolve("bid-content.bin");
		byte[] random = new byte[Math.max(1, kilobytes * 1024 - 4096)];
		new Random(7).nextBytes(random);
		Files.write(content, random);

		List<Bidder> all = Collections.synchronizedList(new ArrayList<>());
		ExecutorService setup = Executors.newFixedThreadPool(2);
		List<Future<?>> setups = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int n = i;
			setups.add(setup.submit(() -> {
				String user = "rush.b" + run + "." + n;
				EntityView bidder = approved(registry, staff, user, "冲刺投标人" + run + "-" + n, EntityRole.BIDDER);
				Acting member = actor(user, Role.BIDDER, RegionScope.none());
				IssuedCredentials credentials = as(member, certificates::issueDemoCertificate);
				as(member, () -> documents.registerInterest(section.id()));
				Path key = write(work.resolve(user + ".key"), credentials.privateKeyPem());
				Path cert = write(work.resolve(user + ".pem"), credentials.certificatePem());
				Path envelope = work.resolve(user + ".ywenv");
				try {
					EnvelopeWriter.seal(new EnvelopeWriter.Request(section.tradeCode().value(),
							new PriceSheet(bidder.name(), section.tradeCode().value(), new BigDecimal("9000000.00"), 365, "合格",
									List.of()),
							List.of(content), Pem.privateKey(key), Pem.certificate(cert), Pem.publicKey(openingKey), null,
							ContentCipher.SM4_GCM, 0, MachineFingerprint.of(Map.of("mac", user)), null), envelope);
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
				all.add(new Bidder(user, null, envelope));
				return null;
			}));
		}
		for (Future<?> f : setups) {
			f.get();
		}
		setup.shutdown();
		List<Bidder> ready = new ArrayList<>();
		for (Bidder b : all) {
			// a person's API token is the person's own (staff cannot issue one): the bidder issues it (its account row is
			// region-scoped: the bench's actor sees the whole city)
			String token = as(actor(b.username(), Role.BIDDER, RegionScope.wholeCity()),
					() -> accounts.issueOwnToken("rush", 1).secret());
			ready.add(new Bidder(b.username(), token, b.envelope()));
		}
		return new Prepared(section, ready);

	}

	static int upload(HttpClient http, int port, SectionView section, Bidder b) throws Exception {
		return send(http, port, section, b).statusCode();
	}

	/** One upload of the bidder's envelope under its idempotency key; the response as it came. */
	static HttpResponse<String> send(HttpClient http, int port, SectionView section, Bidder b) throws Exception {
		return send(http, port, section, b, Duration.ofMinutes(2));
	}

	/** Envelopes go as the plain request body, or with {@code -Drush.multipart=true} as the page's multipart form. */
	static final boolean MULTIPART = Boolean.getBoolean("rush.multipart");

	static HttpResponse<String> send(HttpClient http, int port, SectionView section, Bidder b, Duration timeout)
			throws Exception {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/tendering/sections/" + section.id() + "/bids"))
			.header("Authorization", "Bearer " + b.token()).header("Idempotency-Key", "rush-" + b.username())
			.timeout(timeout);
		if (!MULTIPART) {
			builder.header("Content-Type", "application/octet-stream")
				.POST(HttpRequest.BodyPublishers.ofFile(b.envelope()));
		}
		else {
			String boundary = "rush" + UUID.randomUUID().toString().replace("-", "");
			byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"envelope\"; "
					+ "filename=\"bid.ywenv\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII);
			byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
			long length = head.length + Files.size(b.envelope()) + tail.length;
			builder.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
					try {
						InputStream file = Files.newInputStream(b.envelope());
						return new SequenceInputStream(new ByteArrayInputStream(head),
								new SequenceInputStream(file, new ByteArrayInputStream(tail)));
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				}), length));
		}
		HttpRequest request = builder.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201 && response.statusCode() != 200) {
			System.out.println("upload " + b.username() + " -> " + response.statusCode() + " " + response.body());
		}
		return response;
	}

	/** What one pass of uploads got: latencies sorted, receipts (201), errors, seconds from first to last. */
	record Rush(long[] latencies, AtomicInteger receipted, AtomicInteger failed, double seconds) {
	}

	/** Every bidder uploads its envelope once to {@code port}, {@code concurrency} at a time. */
	static Rush rush(HttpClient http, int port, SectionView section, List<Bidder> bidders, int concurrency)
			throws Exception {
		return rush(http, new int[] { port }, section, bidders, concurrency);
	}

	/** The same spread over nodes: the k-th bidder of the list to {@code ports[k % ports.length]}. */
	static Rush rush(HttpClient http, int[] ports, SectionView section, List<Bidder> bidders, int concurrency)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		long[] latencies = new long[bidders.size()];
		AtomicInteger receipted = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicLong index = new AtomicLong();
		List<Future<?>> uploads = new ArrayList<>();
		long start = System.nanoTime();
		for (int k = 0; k < bidders.size(); k++) {
			Bidder b = bidders.get(k);
			int port = ports[k % ports.length];
			uploads.add(pool.submit(() -> {
				long t0 = System.nanoTime();
				int status = upload(http, port, section, b);
				latencies[(int) index.getAndIncrement()] = System.nanoTime() - t0;
				if (status == 201) {
					receipted.incrementAndGet();
				}
				else {
					failed.incrementAndGet();
				}
				return null;
			}));
		}
		for (Future<?> f : uploads) {
			f.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		java.util.Arrays.sort(latencies);
		return new Rush(latencies, receipted, failed, seconds);
	}

	/**
	 * The floor under the rush: a servlet alone in a bare Tomcat that streams the body to a file hashing SM3 and
	 * SHA-256 in the same pass, forces the file to disk, verifies one SM2 signature (as the crypto baseline does) and
	 * answers 201 with both hashes. No database, no sign-in, no envelope parsing, no receipt signature: less than the
	 * platform must do, so its rate bounds the rush's from above on this machine with this client.
	 *
	 * <p>Each upload's signature is checked under a public key decoded for it, as every bidder's is (its own key, read
	 * from its certificate): BouncyCastle keeps a point's precomputed multiples on the key object, so one key verified
	 * again and again (the floor before 2026-12-07 night, {@code -Drush.floorOneKey=true}) skipped the table a new
	 * bidder's key costs on every real receipt.
	 */
	static final class FloorServlet extends HttpServlet {

		private static final boolean ONE_KEY = Boolean.getBoolean("rush.floorOneKey");

		private final Path directory;

		private final AtomicLong files = new AtomicLong();

		/** Bidders' public keys (X.509 SubjectPublicKeyInfo) and a signature by each. */
		private final List<byte[]> publicKeys = new ArrayList<>();

		private final List<byte[]> signatures = new ArrayList<>();

		private final java.security.PublicKey oneKey;

		FloorServlet(Path directory) throws Exception {
			this.directory = directory;
			var generator = KeyPairGenerator.getInstance("EC", Crypto.PROVIDER);
			generator.initialize(new ECGenParameterSpec("sm2p256v1"));
			for (int i = 0; i < 64; i++) {
				KeyPair keys = generator.generateKeyPair();
				Signature signer = sm2();
				signer.initSign(keys.getPrivate());
				signer.update(new byte[64]);
				signatures.add(signer.sign());
				publicKeys.add(keys.getPublic().getEncoded());
			}
			oneKey = publicKey(0);
		}

		private static Signature sm2() throws GeneralSecurityException {
			Signature s = Signature.getInstance("SM3withSM2", Crypto.PROVIDER);
			s.setParameter(new SM2ParameterSpec(Crypto.SM2_ID));
			return s;
		}

		private java.security.PublicKey publicKey(int index) throws GeneralSecurityException {
			return java.security.KeyFactory.getInstance("EC", Crypto.PROVIDER)
				.generatePublic(new java.security.spec.X509EncodedKeySpec(publicKeys.get(index)));
		}

		@Override
		protected void doPost(HttpServletRequest request,
				HttpServletResponse response) throws IOException {
			MessageDigest sm3 = Crypto.sm3();
			MessageDigest sha256 = Crypto.sha256();
			byte[] buffer = new byte[64 * 1024];
			long upload = files.incrementAndGet();
			int key = (int) (upload % publicKeys.size());
			Path file = directory.resolve("envelope-" + upload);
			try (InputStream in = request.getInputStream();
					var out = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
							StandardOpenOption.WRITE)) {
				for (int n; (n = in.read(buffer)) > 0;) {
					sm3.update(buffer, 0, n);
					sha256.update(buffer, 0, n);
					out.write(ByteBuffer.wrap(buffer, 0, n));
				}
				out.force(true);
			}
			byte[] sm3Hash = sm3.digest();
			byte[] shaHash = sha256.digest();
			try {
				Signature verifier = sm2();
				verifier.initVerify(ONE_KEY ? oneKey : publicKey(key));
				verifier.update(sm3Hash);
				verifier.update(shaHash);
				verifier.verify(signatures.get(key)); // other bytes than signed: the work is the same, the answer irrelevant
			}
			catch (GeneralSecurityException e) {
				throw new IOException(e);
			}
			response.setStatus(201);
			response.setContentType("application/json");
			response.getWriter().write("{\"sm3\":\"" + Crypto.hex(sm3Hash) + "\",\"sha256\":\""
					+ Crypto.hex(shaHash) + "\"}");
		}
	}

	private static double insertBaseline(HikariDataSource owner, int concurrency, Duration duration) throws Exception {
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl(owner.getJdbcUrl());
			pool.setUsername(owner.getUsername());
			pool.setPassword(owner.getPassword());
			pool.setMaximumPoolSize(concurrency);
			try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
				s.execute("create table if not exists public.rush_baseline (id uuid primary key, payload text not null)");
			}
			AtomicLong done = new AtomicLong();
			long end = System.nanoTime() + duration.toNanos();
			ExecutorService threads = Executors.newFixedThreadPool(concurrency);
			List<Future<?>> workers = new ArrayList<>();
			long start = System.nanoTime();
			for (int t = 0; t < concurrency; t++) {
				workers.add(threads.submit(() -> {
					try (Connection c = pool.getConnection();
							PreparedStatement insert = c.prepareStatement(
									"insert into public.rush_baseline (id, payload) values (?, ?)")) {
						c.setAutoCommit(false);
						while (System.nanoTime() < end) {
							insert.setObject(1, UUID.randomUUID());
							insert.setString(2, "receipt");
							insert.executeUpdate();
							c.commit();
							done.incrementAndGet();
						}
					}
					return null;
				}));
			}
			for (Future<?> w : workers) {
				w.get();
			}
			threads.shutdown();
			return done.get() / ((System.nanoTime() - start) / 1e9);
		}
	}

	private static double ms(long[] sorted, double quantile) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

	static EntityView approved(EntityRegistry registry, Acting staff, String username, String name,
			EntityRole role) {
		String first17 = "91500103" + UUID.randomUUID().toString().replace("-", "").toUpperCase()
			.replaceAll("[^0-9A-H]", "0").substring(0, 9);
		EntityView registered = registry.register(new Registration(EntityKind.ORGANIZATION, name,
				first17 + CreditCode.checkCharacter(first17), null, "张三", "李四", "023-12345678", "bench@example.cn", "重庆市渝中区", "150", "500103",
				Set.of(role), username, PASSWORD));
		return as(staff, () -> registry.approve(registered.id(), registered.version()));
	}

	static Path write(Path file, String text) {
		try {
			return Files.writeString(file, text);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Acting actor(String username, Role role, RegionScope scope) {
		return new BenchActor(new Actor(username, role.name(), "500103"), username, Set.of(role), scope, Set.of());
	}

	private record BenchActor(Actor actor, String displayName, Set<Role> roles, RegionScope regionScope,
			Set<CategoryCode> industries) implements Acting {
	}

	static <T> T as(Acting acting, Supplier<T> work) {
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(acting, null,
				acting.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/** The project's and tender project's facts the registration asks (national datasets 500 and 501). */
	static org.yiwang.tendering.ProjectFacts facts() {
		return new org.yiwang.tendering.ProjectFacts("重庆市渝中区示范路 1 号", "重庆市渝中区示范建设管理中心", "E", "FISCAL", null,
				"道路改造全长 1.2 公里", "关于示范道路改造项目可行性研究报告的批复", true, "WORKS",
				"示范道路改造工程施工；公开招标，一个标段", "重庆市渝中区住房和城乡建设委员会", "重庆市渝中区发展和改革委员会");
	}
}
