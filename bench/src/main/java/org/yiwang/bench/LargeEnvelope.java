package org.yiwang.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.yiwang.YiwangApplication;
import org.yiwang.account.AccountManagement;
import org.yiwang.envelope.ContentCipher;
import org.yiwang.envelope.EnvelopeWriter;
import org.yiwang.envelope.MachineFingerprint;
import org.yiwang.envelope.Pem;
import org.yiwang.envelope.PriceSheet;
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
import org.yiwang.tendering.SectionView;
import org.yiwang.tendering.TenderDocuments;

/**
 * One very large sealed envelope (default 2 GB) uploaded over HTTP on loopback to a platform started in this JVM,
 * which the script runs with {@code -Xmx256m}: the upload must be receipted, and the heap in use (the peak of every
 * heap pool, reset just before the upload) must stay under 256 MB. Beside it, measured in the same run on the same
 * disk: writing the same number of bytes to a file and forcing it (the disk's own pace), and the unavoidable hashing
 * (SM3 + SHA-256 of the file) — the platform streams the body to disk, then reads it back to check and hash it.
 *
 * <p>{@code bench/large-envelope.sh [megabytes=2048]}
 */
public final class LargeEnvelope {

	private LargeEnvelope() {
	}

	public static void main(String[] args) throws Exception {
		int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
		Path work = Files.createTempDirectory("yiwang-large");
		long maxHeap = Runtime.getRuntime().maxMemory();
		System.out.printf("Large envelope: %,d MB of content; heap limit of this JVM %d MB; work in %s%n", megabytes,
				maxHeap / (1024 * 1024), work);
		ConfigurableApplicationContext app = SpringApplication.run(YiwangApplication.class, "--server.port=0",
				"--yiwang.database.embedded-directory=" + work.resolve("postgres"), "--yiwang.database.embedded-clean=true",
				"--yiwang.pki.key-secret-file=" + work.resolve("pki-key-secret"),
				"--yiwang.tendering.blob-directory=" + work.resolve("blobs"), "--logging.file.name=" + work.resolve("log"),
				"--yiwang.portal.index-directory=" + work.resolve("index"), "--spring.main.banner-mode=off",
				"--logging.level.root=WARN");
		try {
			run(app, work, megabytes);
		}
		finally {
			app.close();
			deleteTree(work);
		}
		System.exit(0);
	}

	private static void run(ConfigurableApplicationContext app, Path work, int megabytes) throws Exception {
		int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
		EntityRegistry registry = app.getBean(EntityRegistry.class);
		EntityCertificates certificates = app.getBean(EntityCertificates.class);
		TenderDocuments documents = app.getBean(TenderDocuments.class);
		AccountManagement accounts = app.getBean(AccountManagement.class);
		OpeningKeys openingKeys = app.getBean(OpeningKeys.class);
		String run = UUID.randomUUID().toString().substring(0, 6);
		Acting staff = DeadlineRush.actor("staff.yuzhong", Role.CENTER_STAFF, RegionScope.of(RegionCode.of("500103")));
		SectionView section = DeadlineRush.publishedSection(app, "large" + run);

		String user = "large.b" + run;
		EntityView bidder = DeadlineRush.approved(registry, staff, user, "大文件投标人" + run, EntityRole.BIDDER);
		Acting member = DeadlineRush.actor(user, Role.BIDDER, RegionScope.none());
		IssuedCredentials credentials = DeadlineRush.as(member, certificates::issueDemoCertificate);
		DeadlineRush.as(member, () -> documents.registerInterest(section.id()));
		Path key = DeadlineRush.write(work.resolve("bidder.key"), credentials.privateKeyPem());
		Path cert = DeadlineRush.write(work.resolve("bidder.pem"), credentials.certificatePem());
		Path openingKey = Files.writeString(work.resolve("opening.pem"),
				openingKeys.find(section.openingKey()).orElseThrow().publicKeyPem());

		long t0 = System.nanoTime();
		Path content = work.resolve("drawings.bin");
		writeRandom(content, (long) megabytes * 1024 * 1024);
		Path envelope = work.resolve("bid.ywenv");
		EnvelopeWriter.seal(new EnvelopeWriter.Request(section.tradeCode().value(),
				new PriceSheet(bidder.name(), section.tradeCode().value(), new BigDecimal("9000000.00"), 365, "合格",
						List.of()),
				List.of(content), Pem.privateKey(key), Pem.certificate(cert), Pem.publicKey(openingKey), null,
				ContentCipher.SM4_GCM, 0, MachineFingerprint.of(Map.of("mac", user)), null), envelope);
		Files.delete(content);
		long size = Files.size(envelope);
		System.out.printf("Sealed a %,d-byte envelope in %.1f s%n", size, (System.nanoTime() - t0) / 1e9);

		// baselines, same run, same disk: the disk's own pace writing and forcing that many bytes; the hashing
		double diskSeconds = writeAndForce(envelope, work.resolve("copy.bin"));
		EnvelopeBaseline.Figure hashing = EnvelopeBaseline.unavoidableWork(1, (int) Math.min(size, 64L * 1024 * 1024),
				Duration.ofSeconds(5));
		double hashSeconds = size / (hashing.perSecond() * Math.min(size, 64L * 1024 * 1024));

		String token = DeadlineRush.as(DeadlineRush.actor(user, Role.BIDDER, RegionScope.wholeCity()),
				() -> accounts.issueOwnToken("large", 1).secret());
		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter(p -> p.getType() == MemoryType.HEAP).toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long start = System.nanoTime();
		HttpResponse<String> response = DeadlineRush.send(HttpClient.newHttpClient(), port, section,
				new DeadlineRush.Bidder(user, token, envelope), Duration.ofMinutes(30));
		double seconds = (System.nanoTime() - start) / 1e9;
		long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

		System.out.println();
		System.out.printf("%-62s %8.1f s  (%.0f MB/s)%n", "baseline: write " + mb(size) + " MB to disk and force it",
				diskSeconds, size / 1e6 / diskSeconds);
		System.out.printf("%-62s %8.1f s  (%.0f MB/s)%n", "baseline: " + hashing.name() + ", 1 thread", hashSeconds,
				size / 1e6 / hashSeconds);
		System.out.printf("%-62s %8.1f s  (%.0f MB/s)  HTTP %d%n", "upload over HTTP until the receipt", seconds,
				size / 1e6 / seconds, response.statusCode());
		System.out.printf("%-62s %8d MB  (limit 256 MB) -> %s%n", "peak heap in use during the upload (all heap pools)",
				peak / (1024 * 1024), peak < 256L * 1024 * 1024 && response.statusCode() == 201 ? "met" : "NOT met");
		if (response.statusCode() != 201) {
			System.out.println(response.body());
		}
	}

	private static void writeRandom(Path file, long bytes) throws IOException {
		Random random = new Random(2026);
		byte[] chunk = new byte[1024 * 1024];
		try (OutputStream out = Files.newOutputStream(file)) {
			for (long written = 0; written < bytes; written += chunk.length) {
				random.nextBytes(chunk);
				out.write(chunk, 0, (int) Math.min(chunk.length, bytes - written));
			}
		}
	}

	private static double writeAndForce(Path from, Path to) throws IOException {
		long start = System.nanoTime();
		try (InputStream in = Files.newInputStream(from);
				FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			byte[] buffer = new byte[64 * 1024];
			int n;
			while ((n = in.read(buffer)) > 0) {
				out.write(java.nio.ByteBuffer.wrap(buffer, 0, n));
			}
			out.force(true);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Files.delete(to);
		return seconds;
	}

	private static long mb(long bytes) {
		return bytes / (1024 * 1024);
	}

	private static void deleteTree(Path root) {
		try (var paths = Files.walk(root)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			// a temporary directory: left for the system to clean
		}
	}
}
