package org.yiwang.bench;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.yiwang.envelope.ContentCipher;
import org.yiwang.envelope.Crypto;
import org.yiwang.envelope.EnvelopeReader;
import org.yiwang.envelope.EnvelopeWriter;
import org.yiwang.envelope.MachineFingerprint;
import org.yiwang.envelope.PriceSheet;

/**
 * The unavoidable work per sealed bid, as a baseline for intake benchmarks: hashing the envelope with SM3 and SHA-256
 * and verifying one SM2 signature, in a tight loop on N threads; beside it, the envelope reader's whole check of a
 * real envelope of the same size (structure, both hashes in one pass, the bidder's SM2 signature, and the SM2
 * signature on the bidder's certificate that the trust store's chain validation checks). {@code envelope-baseline.sh}
 * runs it; other benchmarks call {@link #unavoidableWork} to print their figure beside it.
 */
public final class EnvelopeBaseline {

	/** Envelopes per second over {@code seconds}, with {@code operations} done in total. */
	public record Figure(String name, int threads, long operations, double seconds) {

		public double perSecond() {
			return operations / seconds;
		}

		@Override
		public String toString() {
			return String.format("%-58s %2d threads %10.1f envelopes/s", name, threads, perSecond());
		}
	}

	private EnvelopeBaseline() {
	}

	/** SM3 + SHA-256 of {@code bytes} bytes and one SM2 signature verification per envelope, on {@code threads}. */
	public static Figure unavoidableWork(int threads, int bytes, Duration duration) throws Exception {
		KeyPair keys = sm2();
		byte[] content = new byte[bytes];
		new Random(1).nextBytes(content);
		byte[] tbs = new byte[76];
		Signature signer = Signature.getInstance("SM3withSM2", Crypto.PROVIDER);
		signer.setParameter(new SM2ParameterSpec(Crypto.SM2_ID));
		signer.initSign(keys.getPrivate());
		signer.update(tbs);
		byte[] signature = signer.sign();
		return loop("SM3 + SHA-256 of " + (bytes >> 10) + " KB + 1 SM2 verify (baseline)", threads, duration, () -> {
			MessageDigest sm3 = Crypto.sm3();
			MessageDigest sha = Crypto.sha256();
			sm3.update(content);
			sha.update(content);
			byte[] s = sm3.digest();
			byte[] h = sha.digest();
			System.arraycopy(s, 0, tbs, 12, 32);
			System.arraycopy(h, 0, tbs, 44, 32);
			Signature verifier = Signature.getInstance("SM3withSM2", Crypto.PROVIDER);
			verifier.setParameter(new SM2ParameterSpec(Crypto.SM2_ID));
			verifier.initVerify(keys.getPublic());
			verifier.update(tbs);
			verifier.verify(signature); // over other bytes than signed: the work is the same, the answer irrelevant
		});
	}

	/** {@link EnvelopeReader#verify} of a real envelope of about {@code bytes} from disk, plus its certificate's signature check. */
	public static Figure readerVerify(int threads, int bytes, Duration duration) throws Exception {
		KeyPair ca = sm2();
		KeyPair bidder = sm2();
		KeyPair opening = sm2();
		X509Certificate certificate = certificate(bidder, ca);
		Path dir = Files.createTempDirectory("envelope-bench");
		Path document = dir.resolve("bid.pdf");
		byte[] content = new byte[bytes - 4096];
		new Random(2).nextBytes(content);
		Files.write(document, content);
		Path envelope = dir.resolve("bid.ywenv");
		EnvelopeWriter.seal(new EnvelopeWriter.Request("E5001000001001001",
				new PriceSheet("bench", "E5001000001001001", new BigDecimal("1.00"), 1, "q", List.of()), List.of(document),
				bidder.getPrivate(), certificate, opening.getPublic(), null, ContentCipher.SM4_GCM, 0,
				MachineFingerprint.of(Map.of("bench", "1")), null), envelope);
		long size = Files.size(envelope);
		Figure figure = loop("EnvelopeReader.verify of a " + (size >> 10) + " KB envelope + certificate check", threads,
				duration, () -> {
					try (InputStream in = new BufferedInputStream(Files.newInputStream(envelope), 256 * 1024)) {
						EnvelopeReader.verify(in).signer().verify(ca.getPublic(), Crypto.PROVIDER);
					}
				});
		Files.delete(envelope);
		Files.delete(document);
		Files.delete(dir);
		return figure;
	}

	interface Work {

		void run() throws Exception;
	}

	private static Figure loop(String name, int threads, Duration duration, Work work) throws Exception {
		// Warm-up: a quarter of the duration, not counted.
		run(threads, duration.dividedBy(4), work);
		AtomicLong[] counts = run(threads, duration, work);
		long total = 0;
		for (AtomicLong c : counts) {
			total += c.get();
		}
		return new Figure(name, threads, total, duration.toNanos() / 1e9);
	}

	private static AtomicLong[] run(int threads, Duration duration, Work work) throws Exception {
		AtomicLong[] counts = new AtomicLong[threads];
		List<Thread> workers = new ArrayList<>();
		List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
		long end = System.nanoTime() + duration.toNanos();
		for (int t = 0; t < threads; t++) {
			AtomicLong count = counts[t] = new AtomicLong();
			Thread worker = new Thread(() -> {
				try {
					while (System.nanoTime() < end) {
						work.run();
						count.incrementAndGet();
					}
				}
				catch (Exception e) {
					failures.add(e);
				}
			});
			workers.add(worker);
			worker.start();
		}
		for (Thread worker : workers) {
			worker.join();
		}
		if (!failures.isEmpty()) {
			throw failures.get(0);
		}
		return counts;
	}

	private static KeyPair sm2() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Crypto.PROVIDER);
		generator.initialize(new ECGenParameterSpec("sm2p256v1"));
		return generator.generateKeyPair();
	}

	private static X509Certificate certificate(KeyPair subject, KeyPair issuer) throws Exception {
		Instant now = Instant.now();
		var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=Bench CA"), BigInteger.ONE,
				Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(86_400)), new X500Name("CN=Bench Bidder"),
				subject.getPublic());
		return new JcaX509CertificateConverter().setProvider(Crypto.PROVIDER).getCertificate(
				builder.build(new JcaContentSignerBuilder("SM3withSM2").setProvider(Crypto.PROVIDER).build(issuer.getPrivate())));
	}

	/** {@code EnvelopeBaseline [threads] [seconds] [bytes]}: both figures, measured in the same run. */
	public static void main(String[] args) throws Exception {
		int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
		Duration duration = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
		int bytes = args.length > 2 ? Integer.parseInt(args[2]) : 1024 * 1024;
		System.out.printf("%s | %d cores | %d threads, %d s per figure%n", System.getProperty("java.vm.name") + " "
				+ System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), threads, duration.toSeconds());
		Figure baseline = unavoidableWork(threads, bytes, duration);
		System.out.println(baseline);
		Figure reader = readerVerify(threads, bytes, duration);
		System.out.println(reader);
		System.out.printf("reader / baseline: %.0f%%%n", 100 * reader.perSecond() / baseline.perSecond());
	}
}
