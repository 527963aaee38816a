package org.yiwang.bidtool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/**
 * The log commands against a log built here from docs/transparency-log.md alone (RFC 6962 tree, the leaf and tree
 * head texts, an SM2 key of the test's own): valid proofs pass; an altered leaf, a forged signature, a fork, a gap and a
 * rollback are refused with exit code 6.
 */
class LogCommandsTests {

	private static final BouncyCastleProvider BC = new BouncyCastleProvider();

	private static final HexFormat HEX = HexFormat.of();

	static KeyPair platform;

	static Path certificate;

	@TempDir
	static Path dir;

	@BeforeAll
	static void platformKey() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
		generator.initialize(new ECGenParameterSpec("sm2p256v1"));
		platform = generator.generateKeyPair();
		X500Name name = new X500Name("CN=Test Platform SM2");
		var holder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(), new Date(System.currentTimeMillis()
				+ 86_400_000L), name, platform.getPublic())
			.build(new JcaContentSignerBuilder("SM3withSM2").setProvider(BC).build(platform.getPrivate()));
		certificate = dir.resolve("platform.pem");
		Files.writeString(certificate, "-----BEGIN CERTIFICATE-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(holder.getEncoded()) + "\n-----END CERTIFICATE-----\n");
	}

	/** A log as the documentation describes it. */
	static final class Log {

		final List<Map<String, Object>> leaves = new ArrayList<>();

		final List<byte[]> hashes = new ArrayList<>();

		void add(String kind, String id, byte[] content) {
			String sha = HEX.formatHex(sha256(content));
			String time = "2026-12-07T02:" + String.format("%02d", leaves.size() % 60) + ":00.123456Z";
			byte[] hash = sha256(new byte[] { 0 }, ("yiwang-log-leaf v1\nkind: " + kind + "\nid: " + id + "\nsha256: " + sha
					+ "\ntime: " + time + "\n").getBytes(StandardCharsets.UTF_8));
			leaves.add(Map.of("index", (long) leaves.size(), "kind", kind, "identifier", id, "contentHash", sha,
					"enteredAt", time, "leafHash", HEX.formatHex(hash)));
			hashes.add(hash);
		}

		byte[] root(int from, int to) {
			if (to - from == 1) {
				return hashes.get(from);
			}
			int k = Integer.highestOneBit(to - from - 1);
			return sha256(new byte[] { 1 }, root(from, from + k), root(from + k, to));
		}

		List<String> path(int m, int from, int to) {
			List<String> out = new ArrayList<>();
			if (to - from > 1) {
				int k = Integer.highestOneBit(to - from - 1);
				if (m < k) {
					out.addAll(path(m, from, from + k));
					out.add(HEX.formatHex(root(from + k, to)));
				}
				else {
					out.addAll(path(m - k, from + k, to));
					out.add(HEX.formatHex(root(from, from + k)));
				}
			}
			return out;
		}

		List<String> subproof(int m, int from, int to, boolean complete) {
			List<String> out = new ArrayList<>();
			int n = to - from;
			if (m == n) {
				if (!complete) {
					out.add(HEX.formatHex(root(from, to)));
				}
				return out;
			}
			int k = Integer.highestOneBit(n - 1);
			if (m <= k) {
				out.addAll(subproof(m, from, from + k, complete));
				out.add(HEX.formatHex(root(from + k, to)));
			}
			else {
				out.addAll(subproof(m - k, from + k, to, false));
				out.add(HEX.formatHex(root(from, from + k)));
			}
			return out;
		}

		Map<String, Object> sth(int size) throws Exception {
			String root = HEX.formatHex(root(0, size));
			String text = "yiwang-log-tree-head v1\ntree-size: " + size + "\nroot: " + root + "\ntime: 2026-12-07T03:00:00Z\n";
			Signature signer = Signature.getInstance("SM3withSM2", BC);
			signer.setParameter(new SM2ParameterSpec("1234567812345678".getBytes(StandardCharsets.US_ASCII)));
			signer.initSign(platform.getPrivate());
			signer.update(text.getBytes(StandardCharsets.UTF_8));
			return Map.of("treeSize", size, "root", root, "treeHead", text, "signature",
					Base64.getEncoder().encodeToString(signer.sign()), "mergeDelaySeconds", 60);
		}

		Map<String, Object> inclusion(int index, int size) {
			return Map.of("leaf", leaves.get(index), "treeSize", size, "auditPath", path(index, 0, size));
		}

		Map<String, Object> consistency(int first, int second) {
			return Map.of("first", first, "second", second, "path", subproof(first, 0, second, true));
		}
	}

	static byte[] sha256(byte[]... parts) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (byte[] p : parts) {
				sha.update(p);
			}
			return sha.digest();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	static Path write(String name, Object json) throws Exception {
		Path file = dir.resolve(name);
		Files.write(file, tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(json));
		return file;
	}

	record Run(int code, String out, String err) {
	}

	static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = BidTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	static Log log(int size) {
		Log log = new Log();
		for (int i = 0; i < size; i++) {
			log.add(i % 2 == 0 ? "record" : "receipt", "fact-" + i, ("content " + i).getBytes(StandardCharsets.UTF_8));
		}
		return log;
	}

	/** The first ten leaves of {@link #log}, then records up to {@code size}: every such log extends the others. */
	static Log grown(int size) {
		Log log = log(10);
		for (int i = 10; i < size; i++) {
			log.add("record", "fact-" + i, ("content " + i).getBytes(StandardCharsets.UTF_8));
		}
		return log;
	}

	@Test
	void verifies_the_inclusion_of_a_published_record_and_refuses_an_altered_one() throws Exception {
		Log log = log(13);
		Path sth = write("sth.json", log.sth(13));
		Path content = dir.resolve("content-6.txt");
		Files.writeString(content, "content 6");
		for (int i = 0; i < 13; i++) {
			Run ok = run("verify-inclusion", "--sth", sth.toString(), "--proof", write("p" + i + ".json",
					log.inclusion(i, 13)).toString(), "--platform-cert", certificate.toString());
			assertThat(ok.code()).as(ok.err()).isZero();
		}
		Run withContent = run("verify-inclusion", "--sth", sth.toString(), "--proof", dir.resolve("p6.json").toString(),
				"--platform-cert", certificate.toString(), "--content", content.toString());
		assertThat(withContent.code()).as(withContent.err()).isZero();
		assertThat(withContent.out()).contains("valid: included");
		Files.writeString(content, "content 6, edited");
		Run edited = run("verify-inclusion", "--sth", sth.toString(), "--proof", dir.resolve("p6.json").toString(),
				"--platform-cert", certificate.toString(), "--content", content.toString());
		assertThat(edited.code()).isEqualTo(BidTool.LOG_ALERT);
		Map<String, Object> proof = new java.util.HashMap<>(log.inclusion(6, 13));
		Map<String, Object> leaf = new java.util.HashMap<>(log.leaves.get(7)); // another leaf under the same path
		proof.put("leaf", leaf);
		Run swapped = run("verify-inclusion", "--sth", sth.toString(), "--proof", write("swapped.json", proof).toString(),
				"--platform-cert", certificate.toString());
		assertThat(swapped.code()).isEqualTo(BidTool.LOG_ALERT);
		assertThat(swapped.err()).contains("audit path");
	}

	@Test
	void refuses_a_tree_head_whose_signature_or_fields_do_not_hold() throws Exception {
		Log log = log(8);
		Map<String, Object> sth = new java.util.HashMap<>(log.sth(8));
		sth.put("treeHead", ((String) sth.get("treeHead")).replace("tree-size: 8", "tree-size: 9"));
		Run forged = run("verify-inclusion", "--sth", write("forged.json", sth).toString(), "--proof",
				write("p.json", log.inclusion(2, 8)).toString(), "--platform-cert", certificate.toString());
		assertThat(forged.code()).isEqualTo(BidTool.LOG_ALERT);
		assertThat(forged.err()).contains("signature");
		Run notJson = run("verify-inclusion", "--sth", certificate.toString(), "--proof", dir.resolve("p.json").toString(),
				"--platform-cert", certificate.toString());
		assertThat(notJson.code()).isEqualTo(BidTool.USAGE);
	}

	@Test
	void verifies_consistency_between_heads_and_catches_a_fork() throws Exception {
		Log log = log(21);
		for (int first : new int[] { 1, 4, 7, 8, 13, 20 }) {
			Run ok = run("verify-consistency", "--old", write("old.json", log.sth(first)).toString(), "--new",
					write("new.json", log.sth(21)).toString(), "--proof", write("c.json", log.consistency(first, 21)).toString(),
					"--platform-cert", certificate.toString());
			assertThat(ok.code()).as(first + ": " + ok.err()).isZero();
		}
		Log forked = log(21);
		forked.hashes.set(3, sha256("rewritten".getBytes(StandardCharsets.UTF_8)));
		Run fork = run("verify-consistency", "--old", write("old.json", log.sth(13)).toString(), "--new",
				write("new.json", forked.sth(21)).toString(), "--proof", write("c.json", forked.consistency(13, 21)).toString(),
				"--platform-cert", certificate.toString());
		assertThat(fork.code()).isEqualTo(BidTool.LOG_ALERT);
		assertThat(fork.err()).contains("FORK");
	}

	/** The monitor follows a log served over HTTP; the log is then forked, then rolled back, then given a gap. */
	@Test
	void the_monitor_follows_the_log_and_alerts_on_a_fork_a_rollback_and_a_gap() throws Exception {
		AtomicReference<Log> served = new AtomicReference<>(log(10));
		AtomicReference<Integer> size = new AtomicReference<>(10);
		AtomicReference<Boolean> gap = new AtomicReference<>(false);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		var json = tools.jackson.databind.json.JsonMapper.builder().build();
		server.createContext("/api/transparency/log/", exchange -> {
			try {
				String path = exchange.getRequestURI().getPath();
				Map<String, String> q = new java.util.HashMap<>();
				if (exchange.getRequestURI().getQuery() != null) {
					for (String p : exchange.getRequestURI().getQuery().split("&")) {
						q.put(p.split("=")[0], p.split("=")[1]);
					}
				}
				Log log = served.get();
				Object body = switch (path) {
					case "/api/transparency/log/sth" -> log.sth(size.get());
					case "/api/transparency/log/consistency" -> log.consistency(Integer.parseInt(q.get("first")),
							Integer.parseInt(q.get("second")));
					case "/api/transparency/log/entries" -> {
						int start = Integer.parseInt(q.get("start"));
						int end = Math.min(Integer.parseInt(q.get("end")), size.get());
						List<Map<String, Object>> page = new ArrayList<>(log.leaves.subList(start, end));
						if (gap.get() && page.size() > 1) {
							page.remove(0);
						}
						yield Map.of("entries", page);
					}
					default -> null;
				};
				byte[] bytes = json.writeValueAsBytes(body);
				exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
				exchange.getResponseBody().write(bytes);
			}
			catch (Exception e) {
				exchange.sendResponseHeaders(500, -1);
			}
			finally {
				exchange.close();
			}
		});
		server.start();
		try {
			String url = "http://127.0.0.1:" + server.getAddress().getPort();
			Path state = dir.resolve("monitor-state.json");
			String[] monitor = { "monitor-log", "--url", url, "--platform-cert", certificate.toString(), "--state",
					state.toString(), "--rounds", "1" };
			assertThat(run(monitor).code()).isZero();
			Log grown = grown(25);
			served.set(grown);
			size.set(25);
			Run follows = run(monitor);
			assertThat(follows.code()).as(follows.err()).isZero();
			assertThat(follows.out()).contains("tree head 25");
			Log forked = grown(30);
			forked.hashes.set(3, sha256("rewritten".getBytes(StandardCharsets.UTF_8)));
			served.set(forked);
			size.set(30);
			Run fork = run(monitor);
			assertThat(fork.code()).isEqualTo(BidTool.LOG_ALERT);
			assertThat(fork.err()).contains("FORK");
			served.set(grown);
			size.set(20);
			Run rollback = run(monitor);
			assertThat(rollback.code()).isEqualTo(BidTool.LOG_ALERT);
			assertThat(rollback.err()).contains("ROLLBACK");
			served.set(grown(40));
			size.set(40);
			gap.set(true);
			Run gapped = run(monitor);
			assertThat(gapped.code()).isEqualTo(BidTool.LOG_ALERT);
			assertThat(gapped.err()).contains("GAP");
		}
		finally {
			server.stop(0);
		}
	}
}
