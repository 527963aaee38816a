package org.yiwang.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.yiwang.YiwangApplication;
import org.yiwang.envelope.ContentCipher;
import org.yiwang.envelope.Crypto;
import org.yiwang.envelope.EnvelopeReader;
import org.yiwang.envelope.EnvelopeWriter;
import org.yiwang.envelope.MachineFingerprint;
import org.yiwang.envelope.Pem;
import org.yiwang.envelope.PriceSheet;
import org.yiwang.envelope.VerifiedEnvelope;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;
import org.yiwang.pki.IssuedCredentials;
import org.yiwang.pki.OpeningKeys;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.tendering.BidBox;
import org.yiwang.tendering.NewTender;
import org.yiwang.tendering.NoticeDraft;
import org.yiwang.tendering.OpeningHall;
import org.yiwang.tendering.OpeningView;
import org.yiwang.tendering.SectionDetails;
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDesk;
import org.yiwang.tendering.TenderDocuments;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Opening N envelopes of M MB each through the platform's real opening code path ({@link OpeningHall#checkIn} and
 * {@link OpeningHall#decrypt} with each bidder's content key: the stored envelope is read from disk, verified, decrypted
 * to disk and its price sheet recorded in PostgreSQL), on as many threads as cores, beside the raw decryption
 * throughput of the same cipher (SM4-GCM, BouncyCastle, the envelope's 64 KB chunks, in memory) on the same threads,
 * measured in the same run. Prints both and their ratio (the issue's goal: at least 60% of the raw bound).
 *
 * <p>{@code bench/opening.sh [envelopes=50] [megabytes=10] [threads=cores]} (the issue's size: 500 10).
 */
public final class OpeningBenchmark {

	private OpeningBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int count = args.length > 0 ? Integer.parseInt(args[0]) : 50;
		int megabytes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
		int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
		Path work = Files.createTempDirectory("yiwang-opening");
		System.out.printf("Opening: %d envelopes x %d MB, %d threads; work in %s%n", count, megabytes, threads, work);
		ConfigurableApplicationContext app = SpringApplication.run(YiwangApplication.class, "--server.port=0",
				"--yiwang.database.embedded-directory=" + work.resolve("postgres"), "--yiwang.database.embedded-clean=true",
				"--yiwang.pki.key-secret-file=" + work.resolve("pki-key-secret"),
				"--yiwang.tendering.blob-directory=" + work.resolve("blobs"), "--logging.file.name=" + work.resolve("log"),
				"--yiwang.tendering.opening-check-seconds=0", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN");
		try {
			run(app, work, count, megabytes, threads);
		}
		finally {
			app.close();
		}
		System.exit(0);
	}

	private record Bidder(Acting acting, Path envelope, String contentKey) {
	}

	private static void run(ConfigurableApplicationContext app, Path work, int count, int megabytes, int threads)
			throws Exception {
		EntityRegistry registry = app.getBean(EntityRegistry.class);
		EntityCertificates certificates = app.getBean(EntityCertificates.class);
		TenderDesk desk = app.getBean(TenderDesk.class);
		TenderDocuments documents = app.getBean(TenderDocuments.class);
		BidBox bids = app.getBean(BidBox.class);
		OpeningHall hall = app.getBean(OpeningHall.class);
		OpeningKeys openingKeys = app.getBean(OpeningKeys.class);
		Clock clock = app.getBean(Clock.class);
		String run = UUID.randomUUID().toString().substring(0, 6);
		Acting staff = DeadlineRush.actor("staff.yuzhong", Role.CENTER_STAFF, RegionScope.of(RegionCode.of("500103")));

		long setupStart = System.nanoTime();
		DeadlineRush.approved(registry, staff, "open.t" + run, "开标招标人" + run, EntityRole.TENDERER);
		Acting party = DeadlineRush.actor("open.t" + run, Role.TENDERER, RegionScope.none());
		SectionView registered = DeadlineRush.as(party, () -> desk.registerTender(new NewTender("开标项目" + run, null,
				"开标招标" + run, null, new SectionDetails("一标段", "500103", "ENG_BUILDING", new BigDecimal("10000000"),
						BigDecimal.ZERO, 90, List.of()), DeadlineRush.facts())));
		SectionView approved = DeadlineRush.as(staff, () -> desk.approve(registered.id(), registered.version()));
		DeadlineRush.signedDocuments(app, party, approved, "开标");
		Instant now = clock.instant();
		SectionView drafted = DeadlineRush.as(party, () -> desk.submitNotice(approved.id(), new NoticeDraft("开标公告",
				"正文", now, now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(25)), false)));
		SectionView section = DeadlineRush.as(staff, () -> desk.publish(drafted.id(), drafted.version()));
		Path openingKey = Files.writeString(work.resolve("opening.pem"),
				openingKeys.find(section.openingKey()).orElseThrow().publicKeyPem());
		Path content = work.resolve("bid-content.bin");
		byte[] random = new byte[megabytes * 1024 * 1024];
		new Random(11).nextBytes(random);
		Files.write(content, random);

		// bidders: each its own SM2 certificate, its envelope sealed and submitted; its content key as the bid tool prints it
		List<Bidder> all = Collections.synchronizedList(new ArrayList<>());
		ExecutorService setup = Executors.newFixedThreadPool(threads);
		List<Future<?>> setups = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int n = i;
			setups.add(setup.submit(() -> {
				String user = "open.b" + run + "." + n;
				EntityView bidder = DeadlineRush.approved(registry, staff, user, "开标投标人" + run + "-" + n,
						EntityRole.BIDDER);
				Acting member = DeadlineRush.actor(user, Role.BIDDER, RegionScope.none());
				IssuedCredentials credentials = DeadlineRush.as(member, certificates::issueDemoCertificate);
				DeadlineRush.as(member, () -> documents.registerInterest(section.id()));
				Path key = DeadlineRush.write(work.resolve(user + ".key"), credentials.privateKeyPem());
				Path cert = DeadlineRush.write(work.resolve(user + ".pem"), credentials.certificatePem());
				Path envelope = work.resolve(user + ".ywenv");
				String contentKey;
				try {
					EnvelopeWriter.seal(new EnvelopeWriter.Request(section.tradeCode().value(),
							new PriceSheet(bidder.name(), section.tradeCode().value(),
									new BigDecimal(9_000_000 + n * 100).setScale(2), 365, "合格", List.of()),
							List.of(content), Pem.privateKey(key), Pem.certificate(cert), Pem.publicKey(openingKey), null,
							ContentCipher.SM4_GCM, 0, MachineFingerprint.of(Map.of("mac", user)), null), envelope);
					VerifiedEnvelope verified = EnvelopeReader.verify(envelope);
					contentKey = Base64.getEncoder().encodeToString(EnvelopeReader.contentKey(verified.header(),
							Pem.privateKey(key), Pem.certificate(cert).getPublicKey()));
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
				DeadlineRush.as(member, () -> {
					try (InputStream in = Files.newInputStream(envelope)) {
						return bids.submit(section.id(), "open-" + user, "127.0.0.1", "bench", in);
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
				});
				Files.delete(envelope); // the bidder's copy: only the platform's stored envelope stays on disk
				all.add(new Bidder(member, envelope, contentKey));
				return null;
			}));
		}
		for (Future<?> f : setups) {
			f.get();
		}
		setup.shutdown();
		System.out.printf("Set up %d bidders, sealed and submitted their envelopes in %.1f s%n", all.size(),
				(System.nanoTime() - setupStart) / 1e9);
		// the deadline passes: the platform moves the section to opening
		try (Connection c = app.getBean("migrationDataSource", HikariDataSource.class).getConnection();
				PreparedStatement s = c.prepareStatement(
						"update tendering.sections set bid_deadline = ?, documents_until = ? where id = ?")) {
			Instant deadline = clock.instant().minusMillis(1);
			s.setTimestamp(1, java.sql.Timestamp.from(deadline));
			s.setTimestamp(2, java.sql.Timestamp.from(deadline.minusSeconds(1)));
			s.setObject(3, section.id().value());
			s.executeUpdate();
		}
		hall.openDue();

		// baseline: raw SM4-GCM decryption (BouncyCastle) of the same bytes, same chunks, same threads, in memory
		double raw = rawDecryption(threads, (long) count * random.length);

		// the opening through the platform: check-in and decryption of every bid, on the same threads
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicInteger opened = new AtomicInteger();
		List<Future<?>> openings = new ArrayList<>();
		long start = System.nanoTime();
		for (Bidder b : all) {
			openings.add(pool.submit(() -> DeadlineRush.as(b.acting(), () -> {
				hall.checkIn(section.id());
				hall.decrypt(section.id(), b.contentKey());
				opened.incrementAndGet();
				return null;
			})));
		}
		for (Future<?> f : openings) {
			f.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		OpeningView view = DeadlineRush.as(staff, () -> hall.view(section.id()));
		double platform = (double) count * random.length / seconds / 1e6;
		System.out.println();
		System.out.printf("%-62s %10.1f MB/s%n", "baseline: raw SM4-GCM decryption, BouncyCastle [" + threads + " threads]",
				raw);
		System.out.printf("%-62s %10.1f MB/s  (%.0f%% of the raw bound)%n",
				"opening through the platform [" + threads + " threads]", platform, 100 * platform / raw);
		System.out.printf("%-62s %.1f s for %d envelopes (%d decrypted, %d recorded)%n", "total opening time", seconds,
				count, opened.get(), view.decrypted());
	}

	/** MB/s of SM4-GCM decryption of 64 KB chunks in memory, {@code bytes} in all, split over the threads. */
	private static double rawDecryption(int threads, long bytes) throws Exception {
		int chunk = EnvelopeWriter.DEFAULT_CHUNK;
		byte[] key = new byte[16];
		byte[] nonce = new byte[12];
		new Random(3).nextBytes(key);
		byte[] plain = new byte[chunk];
		new Random(5).nextBytes(plain);
		Cipher encrypt = Cipher.getInstance("SM4/GCM/NoPadding", Crypto.PROVIDER);
		encrypt.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "SM4"), new GCMParameterSpec(128, nonce));
		byte[] sealed = encrypt.doFinal(plain);
		long chunks = bytes / chunk;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<Long>> parts = new ArrayList<>();
		long start = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			long mine = chunks / threads + (t < chunks % threads ? 1 : 0);
			parts.add(pool.submit(() -> {
				Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", Crypto.PROVIDER);
				byte[] out = new byte[chunk];
				long done = 0;
				for (long i = 0; i < mine; i++) {
					cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "SM4"), new GCMParameterSpec(128, nonce));
					done += cipher.doFinal(sealed, 0, sealed.length, out, 0);
				}
				return done;
			}));
		}
		long total = 0;
		for (Future<Long> part : parts) {
			total += part.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		return total / seconds / 1e6;
	}
}
