package org.yiwang.demo.ca;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.yiwang.demo.DemoOn;
import org.yiwang.pki.CertificateAuthorityKeys;
import org.yiwang.pki.CertificateView;
import org.yiwang.pki.IssuedCredentials;
import org.yiwang.pki.KeyAlgorithm;

/**
 * Two demo CAs, "Yiwang Demo SM2 CA" and "Yiwang Demo RSA CA", standing in for the commercial CAs a real entity buys
 * its certificate from, so that a newcomer can issue a certificate for a made-up company and sign with OpenSSL. Their
 * keys are kept by pki like the platform's ({@link CertificateAuthorityKeys}); with demo data off this class does not
 * exist and pki withdraws them from the trust store.
 */
@Component
@DemoOn
public class DemoAuthorities {

	public static final String SM2_CA = CertificateAuthorityKeys.NAME_PREFIX + "sm2";

	public static final String RSA_CA = CertificateAuthorityKeys.NAME_PREFIX + "rsa";

	/** What the demo command wrote for one algorithm. */
	public record Issued(String algorithm, Path certificate, Path privateKey, Path caCertificate, CertificateView view) {
	}

	private final CertificateAuthorityKeys keys;

	DemoAuthorities(CertificateAuthorityKeys keys) {
		this.keys = keys;
	}

	/** Both demo CAs made (once) and trusted. Call outside any transaction. */
	public void ensureCreated() {
		keys.ensureRoot(SM2_CA, KeyAlgorithm.SM2, "Yiwang Demo SM2 CA");
		keys.ensureRoot(RSA_CA, KeyAlgorithm.RSA, "Yiwang Demo RSA CA");
	}

	/**
	 * Issues an SM2 certificate (from the SM2 demo CA) and an ECDSA P-256 and an RSA-2048 certificate (from the RSA
	 * demo CA) for a demo entity, and writes each with its PKCS#8 PEM private key into {@code out}.
	 */
	public List<Issued> issue(String entityName, String creditCode, Path out) throws IOException {
		Files.createDirectories(out);
		Path sm2CaFile = write(out.resolve("demo-sm2-ca.pem"), keys.rootPem(SM2_CA), false);
		Path rsaCaFile = write(out.resolve("demo-rsa-ca.pem"), keys.rootPem(RSA_CA), false);
		List<Issued> issued = new ArrayList<>();
		for (KeyAlgorithm algorithm : List.of(KeyAlgorithm.SM2, KeyAlgorithm.EC, KeyAlgorithm.RSA)) {
			IssuedCredentials credentials = credentials(entityName, creditCode, algorithm);
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

	/** A fresh key pair of the algorithm and its certificate for a demo entity: SM2 from the SM2 CA, ECDSA and RSA from the RSA CA. */
	public IssuedCredentials credentials(String entityName, String creditCode, KeyAlgorithm algorithm) {
		return keys.issueSigning(algorithm == KeyAlgorithm.SM2 ? SM2_CA : RSA_CA, entityName, creditCode, algorithm);
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
