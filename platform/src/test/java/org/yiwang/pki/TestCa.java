package org.yiwang.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.yiwang.TestActor;

/** A root CA made by OpenSSL in a test's directory, optionally uploaded to the trust store by the administrator. */
record TestCa(Path dir, String name, Path certificate, Path key, KeyAlgorithm algorithm) {

	static final String CREDIT_CODE = "91350100M000100Y43";

	static TestCa make(Path dir, KeyAlgorithm algorithm) {
		String name = "ca-" + algorithm.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		Path key = OpenSsl.key(dir, name + ".key", algorithm);
		Path certificate = OpenSsl.rootCa(dir, name + ".pem", key, algorithm,
				"/CN=Test " + algorithm + " Root " + name + "/O=Yiwang Tests/C=CN");
		return new TestCa(dir, name, certificate, key, algorithm);
	}

	static TestCa trusted(TrustStore trustStore, Path dir, KeyAlgorithm algorithm) {
		TestCa ca = make(dir, algorithm);
		TestActor.admin().run(() -> trustStore.addCa(read(ca.certificate())));
		return ca;
	}

	/** An end-entity certificate for a new key of {@code algorithm}; the key is {@code <file>.key}. */
	Path issue(String file, KeyAlgorithm keyAlgorithm) {
		return issue(file, keyAlgorithm, 2048);
	}

	Path issue(String file, KeyAlgorithm keyAlgorithm, int rsaBits) {
		Path key = OpenSsl.key(dir, file + ".key", keyAlgorithm, rsaBits);
		try {
			return OpenSsl.issue(dir, file + ".pem", key, keyAlgorithm,
					"/CN=重庆测试建设有限公司/O=重庆测试建设有限公司/serialNumber=" + CREDIT_CODE + "/C=CN", certificate, this.key,
					algorithm);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Revokes the certificates with {@code openssl ca -revoke} (key compromise) and returns the PEM CRL that
	 * {@code openssl ca -gencrl} signs with this CA's key.
	 */
	Path revoke(Path... certificates) {
		try {
			Path database = Files.createDirectories(dir.resolve(name + "-db"));
			Files.writeString(database.resolve("index.txt"), "");
			Files.writeString(database.resolve("crlnumber"), "01\n");
			Files.writeString(database.resolve("ca.cnf"), "[ ca ]\ndefault_ca = test\n[ test ]\ndatabase = index.txt\n"
					+ "crlnumber = crlnumber\ndefault_md = " + (algorithm == KeyAlgorithm.SM2 ? "sm3" : "sha256")
					+ "\ndefault_crl_days = 7\n");
			java.util.List<String> sigopt = algorithm == KeyAlgorithm.SM2 ? java.util.List.of("-sigopt", OpenSsl.DISTID)
					: java.util.List.of();
			for (Path certificate : certificates) {
				OpenSsl.run(database, "ca", "-config", "ca.cnf", "-keyfile", key.toString(), "-cert", this.certificate.toString(),
						"-revoke", certificate.toString(), "-crl_reason", "keyCompromise");
			}
			java.util.List<String> crl = new java.util.ArrayList<>(java.util.List.of("ca", "-config", "ca.cnf", "-gencrl",
					"-keyfile", key.toString(), "-cert", this.certificate.toString(), "-out", "crl.pem"));
			crl.addAll(sigopt);
			OpenSsl.run(database, crl.toArray(String[]::new));
			return database.resolve("crl.pem");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
