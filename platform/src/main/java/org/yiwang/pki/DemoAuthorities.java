package org.yiwang.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.pki.CertificateIssuer.Profile;
import org.yiwang.pki.KeyVault.NewKey;
import org.yiwang.pki.KeyVault.StoredKey;
import org.yiwang.system.RegionScopes;

/**
 * Two demo CAs, "Yiwang Demo SM2 CA" and "Yiwang Demo RSA CA", made and trusted when {@code yiwang.demo=true}, so
 * that a newcomer can issue a certificate for a made-up company and sign with OpenSSL without a real CA. Their keys
 * are kept like the platform's, but they are demo CAs: with demo data off they are withdrawn from the trust store.
 */
@Component
class DemoAuthorities {

	private static final Logger log = LoggerFactory.getLogger(DemoAuthorities.class);

	static final String SM2_CA = "demo-ca-sm2";

	static final String RSA_CA = "demo-ca-rsa";

	/** What the demo command wrote for one algorithm. */
	record Issued(String algorithm, Path certificate, Path privateKey, Path caCertificate, CertificateView view) {
	}

	private final KeyVault vault;

	private final TrustStore trustStore;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DemoAuthorities(KeyVault vault, TrustStore trustStore, TransactionTemplate transactions, Clock clock) {
		this.vault = vault;
		this.trustStore = trustStore;
		this.transactions = transactions;
		this.clock = clock;
	}

	void ensureCreated() {
		for (StoredKey ca : List.of(ca(SM2_CA, KeyAlgorithm.SM2, "Yiwang Demo SM2 CA"),
				ca(RSA_CA, KeyAlgorithm.RSA, "Yiwang Demo RSA CA"))) {
			RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(status -> trustStore.trustOwn(ca.certificate(), "demo")));
		}
	}

	/** What {@code yiwang.demo=false} does at start: the demo CAs, and whatever they issued, are no longer trusted. */
	int withdraw() {
		int withdrawn = RegionScopes.callAsPlatform(
				() -> transactions.execute(status -> trustStore.withdraw("demo", "yiwang.demo=false")));
		if (withdrawn > 0) {
			log.info("Withdrew {} demo CAs from the trust store (yiwang.demo=false)", withdrawn);
		}
		return withdrawn;
	}

	private StoredKey ca(String name, KeyAlgorithm algorithm, String commonName) {
		return vault.findOrCreate(name, () -> {
			Instant now = clock.instant().minus(Duration.ofMinutes(5));
			var keys = CertificateIssuer.generate(algorithm);
			return new NewKey(algorithm, keys, CertificateIssuer.selfSigned(
					new X500Name("CN=" + commonName + ",O=Yiwang Demo (not for production),C=CN"), keys, algorithm,
					Profile.ROOT_CA, now, now.plus(Duration.ofDays(3650))));
		});
	}

	/**
	 * Issues an SM2 certificate (from the SM2 demo CA) and an ECDSA P-256 and an RSA-2048 certificate (from the RSA
	 * demo CA) for a demo entity, and writes each with its PKCS#8 PEM private key into {@code out}.
	 */
	List<Issued> issue(String entityName, String creditCode, Path out) throws IOException {
		Files.createDirectories(out);
		Path sm2CaFile = write(out.resolve("demo-sm2-ca.pem"), pem(vaultCa(KeyAlgorithm.SM2)), false);
		Path rsaCaFile = write(out.resolve("demo-rsa-ca.pem"), pem(vaultCa(KeyAlgorithm.RSA)), false);
		List<Issued> issued = new ArrayList<>();
		for (KeyAlgorithm algorithm : List.of(KeyAlgorithm.SM2, KeyAlgorithm.EC, KeyAlgorithm.RSA)) {
			DemoCredentials credentials = credentials(entityName, creditCode, algorithm);
			String prefix = switch (algorithm) {
				case SM2 -> "sm2";
				case EC -> "ecdsa";
				case RSA -> "rsa";
			};
			Path certificateFile = write(out.resolve(prefix + "-cert.pem"), credentials.certificatePem(), false);
			Path keyFile = write(out.resolve(prefix + "-key.pem"), credentials.privateKeyPem(), true);
			issued.add(new Issued(prefix, certificateFile, keyFile, algorithm == KeyAlgorithm.SM2 ? sm2CaFile : rsaCaFile,
					credentials.certificate()));
		}
		return issued;
	}

	/** A fresh key pair of the algorithm and its certificate for a demo entity, from the matching demo CA. */
	DemoCredentials credentials(String entityName, String creditCode, KeyAlgorithm algorithm) {
		StoredKey ca = vaultCa(algorithm);
		X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
			.addRDN(BCStyle.C, "CN")
			.addRDN(BCStyle.O, entityName)
			.addRDN(CreditCodes.ORGANIZATION_IDENTIFIER, creditCode)
			.addRDN(BCStyle.CN, entityName)
			.build();
		Instant now = clock.instant().minus(Duration.ofMinutes(5));
		var keys = CertificateIssuer.generate(algorithm);
		var certificate = CertificateIssuer.issue(subject, keys.getPublic(), ca.certificate(), ca.certificate().getSubject(),
				ca.privateKey(), ca.algorithm(), Profile.SIGNING, now, now.plus(Duration.ofDays(730)));
		try {
			return new DemoCredentials(CertificateBytes.pem("CERTIFICATE", ChainValidator.encoded(certificate)),
					CertificateBytes.pem("PRIVATE KEY", keys.getPrivate().getEncoded()), TrustStore.view(certificate));
		}
		catch (Rejected rejected) {
			throw new IllegalStateException(rejected);
		}
	}

	/** A fresh SM2 key pair with an encryption certificate from the SM2 demo CA, for a demo key custodian. */
	NewKey encryptionKey(X500Name subject) {
		StoredKey ca = vaultCa(KeyAlgorithm.SM2);
		Instant now = clock.instant().minus(Duration.ofMinutes(5));
		var keys = CertificateIssuer.generate(KeyAlgorithm.SM2);
		return new NewKey(KeyAlgorithm.SM2, keys, CertificateIssuer.issue(subject, keys.getPublic(), ca.certificate(),
				ca.certificate().getSubject(), ca.privateKey(), ca.algorithm(), Profile.ENCRYPTION, now,
				now.plus(Duration.ofDays(730))));
	}

	/** The demo CA that issues keys of this algorithm: SM2 from the SM2 CA, ECDSA and RSA from the RSA CA. */
	private StoredKey vaultCa(KeyAlgorithm algorithm) {
		String name = algorithm == KeyAlgorithm.SM2 ? SM2_CA : RSA_CA;
		// Made at start with demo data on; making them here would open a transaction inside the caller's.
		return vault.find(name).orElseGet(() -> {
			ensureCreated();
			return vault.find(name).orElseThrow();
		});
	}

	private static String pem(StoredKey ca) {
		return CertificateBytes.pem("CERTIFICATE", ChainValidator.encoded(ca.certificate()));
	}

	private static Path write(Path file, String content, boolean secret) throws IOException {
		Files.deleteIfExists(file);
		if (secret) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		Files.writeString(file, content);
		return file;
	}
}
