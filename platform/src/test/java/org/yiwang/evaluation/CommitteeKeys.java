package org.yiwang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.yiwang.TestActor;
import org.yiwang.pki.TrustStore;

/**
 * Committee members' keys and certificates made by the system's OpenSSL under an SM2 test CA the administrator
 * trusts, and their signatures over files ({@code openssl dgst -sm3 -sign}, which is what {@code bidtool sign} makes).
 */
final class CommitteeKeys {

	static final String ID = "distid:1234567812345678";

	private final Path dir;

	private CommitteeKeys(Path dir) {
		this.dir = dir;
	}

	/** A trusted SM2 CA in {@code dir}. */
	static CommitteeKeys trusted(Path dir, TrustStore trustStore) {
		boolean installed = Files.isExecutable(Path.of("/usr/bin/openssl"));
		if (System.getenv("CI") != null) {
			assertThat(installed).as(".ci/run installs openssl").isTrue();
		}
		Assumptions.assumeTrue(installed, "openssl is not installed here");
		CommitteeKeys keys = new CommitteeKeys(dir);
		String name = "Evaluation Test CA " + UUID.randomUUID();
		keys.openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", "ca.key");
		keys.openssl("req", "-x509", "-new", "-key", "ca.key", "-sm3", "-sigopt", ID, "-subj", "/CN=" + name, "-days", "3650",
				"-out", "ca.pem", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
				"keyUsage=critical,keyCertSign,cRLSign");
		TestActor.admin().run(() -> trustStore.addCa(keys.read("ca.pem")));
		return keys;
	}

	/** A member's key {@code <name>.key} and certificate {@code <name>.pem}; returns the certificate. */
	byte[] issue(String name) {
		openssl("ecparam", "-genkey", "-name", "SM2", "-noout", "-out", name + ".key");
		openssl("req", "-new", "-key", name + ".key", "-sm3", "-sigopt", ID, "-subj", "/CN=" + name, "-out", name + ".csr");
		openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-sm3", "-sigopt", ID, "-vfyopt",
				ID, "-days", "3650", "-out", name + ".pem", "-CAcreateserial");
		return read(name + ".pem");
	}

	byte[] certificate(String name) {
		return read(name + ".pem");
	}

	/** The member's SM2 signature over the content, as {@code bidtool sign} makes it. */
	byte[] sign(String name, byte[] content) {
		String file = "content-" + UUID.randomUUID();
		try {
			Files.write(dir.resolve(file), content);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		openssl("dgst", "-sm3", "-sign", name + ".key", "-sigopt", ID, "-out", file + ".sig", file);
		return read(file + ".sig");
	}

	byte[] read(String file) {
		try {
			return Files.readAllBytes(dir.resolve(file));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void openssl(String... args) {
		List<String> command = new ArrayList<>(List.of("/usr/bin/openssl"));
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as("openssl " + String.join(" ", args) + "\n" + output).isZero();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}
}
