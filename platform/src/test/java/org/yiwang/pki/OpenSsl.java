package org.yiwang.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The system's OpenSSL 3, to test against other people's tools: keys and certificates it makes, signatures it makes
 * and checks. Under {@code CI} a missing openssl fails the test (.ci/run installs it); elsewhere the test is skipped.
 */
final class OpenSsl {

	static final Path BINARY = Path.of("/usr/bin/openssl");

	static final String DISTID = "distid:1234567812345678";

	record Outcome(int exitCode, String output) {
	}

	private OpenSsl() {
	}

	static void assumeInstalled() {
		boolean installed = Files.isExecutable(BINARY);
		if (System.getenv("CI") != null) {
			assertThat(installed).as(".ci/run installs openssl").isTrue();
		}
		Assumptions.assumeTrue(installed, "openssl is not installed here; .ci/run installs it (apt-get install openssl)");
	}

	/** Runs openssl in {@code dir}; fails the test when it exits non-zero. */
	static String run(Path dir, String... args) {
		Outcome outcome = attempt(dir, args);
		assertThat(outcome.exitCode()).as("openssl %s%n%s", String.join(" ", args), outcome.output()).isZero();
		return outcome.output();
	}

	static Outcome attempt(Path dir, String... args) {
		List<String> command = new ArrayList<>();
		command.add(BINARY.toString());
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
			process.getOutputStream().close();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("openssl did not finish: " + command);
			}
			return new Outcome(process.exitValue(), new String(output, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new AssertionError("cannot run " + command, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	/** A private key file: RSA (of {@code bits}), EC P-256 or SM2. */
	static Path key(Path dir, String name, KeyAlgorithm algorithm, int bits) {
		switch (algorithm) {
			case RSA -> run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:" + bits, "-out", name);
			case EC -> run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", name);
			case SM2 -> run(dir, "genpkey", "-algorithm", "SM2", "-out", name);
		}
		return dir.resolve(name);
	}

	static Path key(Path dir, String name, KeyAlgorithm algorithm) {
		return key(dir, name, algorithm, 2048);
	}

	/** How openssl signs with a key of this algorithm (SM2 with the GM/T 0009 signer ID). */
	static List<String> digest(KeyAlgorithm algorithm) {
		return algorithm == KeyAlgorithm.SM2 ? List.of("-sm3", "-sigopt", DISTID) : List.of("-sha256");
	}

	/** A self-signed CA certificate (Debian's v3_ca: basicConstraints critical CA:TRUE). */
	static Path rootCa(Path dir, String name, Path key, KeyAlgorithm algorithm, String subject) {
		List<String> args = new ArrayList<>(List.of("req", "-x509", "-new", "-key", key.toString(), "-utf8", "-subj",
				subject, "-days", "365", "-out", name));
		args.addAll(digest(algorithm));
		run(dir, args.toArray(String[]::new));
		return dir.resolve(name);
	}

	/** An end-entity certificate for {@code key}, issued by the CA, valid for ten years from now (a shared AdjustableClock context may stand months ahead). */
	static Path issue(Path dir, String name, Path key, KeyAlgorithm keyAlgorithm, String subject, Path caCertificate,
			Path caKey, KeyAlgorithm caAlgorithm) throws IOException {
		String csr = name + ".csr";
		List<String> request = new ArrayList<>(List.of("req", "-new", "-key", key.toString(), "-utf8", "-subj", subject,
				"-out", csr));
		request.addAll(digest(keyAlgorithm));
		run(dir, request.toArray(String[]::new));
		Path extensions = Files.writeString(dir.resolve(name + ".ext"),
				"basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n");
		List<String> sign = new ArrayList<>(List.of("x509", "-req", "-in", csr, "-CA", caCertificate.toString(), "-CAkey",
				caKey.toString(), "-set_serial", "0x" + Long.toHexString(System.nanoTime()), "-days", "3650", "-extfile",
				extensions.toString(), "-out", name));
		sign.addAll(digest(caAlgorithm));
		if (keyAlgorithm == KeyAlgorithm.SM2) {
			sign.addAll(List.of("-vfyopt", DISTID));
		}
		run(dir, sign.toArray(String[]::new));
		return dir.resolve(name);
	}
}
