package org.yiwang.pki;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.cert.X509CertificateHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.RegionCode;
import org.yiwang.system.Deployment;
import org.yiwang.pki.PkiChanged.PlatformKeyCreated;
import org.yiwang.system.RegionScopes;

/**
 * The platform's private keys, stored in {@code pki.platform_keys} encrypted with AES-256-GCM under a key-encryption
 * key derived from a secret that is never in the database or the repository: a database dump alone opens no key.
 */
@Component
@EnableConfigurationProperties(PkiSettings.class)
class KeyVault {

	private static final Logger log = LoggerFactory.getLogger(KeyVault.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The secret is per deployment, so a fixed salt is enough; the iterations slow guessing a weak passphrase. */
	private static final byte[] SALT = "yiwang.pki.key-encryption-key.v1".getBytes(StandardCharsets.US_ASCII);

	private static final int ITERATIONS = 210_000;

	record StoredKey(String name, KeyAlgorithm algorithm, PrivateKey privateKey, X509CertificateHolder certificate) {
	}

	/** A freshly made key pair and its certificate, to be stored under a name. */
	record NewKey(KeyAlgorithm algorithm, KeyPair keys, X509CertificateHolder certificate) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RegionCode city;

	private final SecretKey keyEncryptionKey;

	KeyVault(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
			PkiSettings settings, Deployment deployment) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.city = deployment.cityCode();
		this.keyEncryptionKey = derive(secret(settings));
	}

	Optional<StoredKey> find(String name) {
		return jdbc.sql("select name, key_algorithm, encrypted_key, certificate from pki.platform_keys where name = ?")
			.param(name)
			.query((rs, row) -> open(rs.getString(1), KeyAlgorithm.valueOf(rs.getString(2)), rs.getBytes(3), rs.getBytes(4)))
			.optional();
	}

	/**
	 * The key stored under {@code name}, made by {@code create} and stored first when there is none. Two nodes
	 * starting at once both make one; the first insert wins and both use it. Call outside any transaction.
	 */
	StoredKey findOrCreate(String name, Supplier<NewKey> create) {
		Optional<StoredKey> existing = RegionScopes.callAsPlatform(() -> transactions.execute(status -> find(name)));
		if (existing.isPresent()) {
			return existing.get();
		}
		NewKey made = create.get();
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> {
			Instant now = clock.instant();
			byte[] certificate = ChainValidator.encoded(made.certificate());
			int inserted = jdbc.sql("insert into pki.platform_keys (name, key_algorithm, encrypted_key, certificate, "
					+ "created_at) values (?, ?, ?, ?, ?) on conflict (name) do nothing")
				.params(name, made.algorithm().name(), seal(name, made.keys().getPrivate().getEncoded()), certificate,
						Timestamp.from(now))
				.update();
			if (inserted == 1) {
				events.publishEvent(new PlatformKeyCreated(Actor.SYSTEM, name, made.algorithm(),
						CertificateBytes.fingerprint(certificate), city, now));
				log.info("Created platform key {} ({}), certificate {}", name, made.algorithm(),
						made.certificate().getSubject());
			}
			return find(name).orElseThrow();
		}));
	}

	private StoredKey open(String name, KeyAlgorithm algorithm, byte[] sealed, byte[] certificate) {
		try {
			byte[] pkcs8 = unseal(name, sealed);
			PrivateKey key = KeyFactory.getInstance(algorithm == KeyAlgorithm.RSA ? "RSA" : "EC", BouncyCastle.PROVIDER)
				.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
			return new StoredKey(name, algorithm, key, new X509CertificateHolder(certificate));
		}
		catch (GeneralSecurityException | IOException e) {
			throw new IllegalStateException("Cannot open the platform key " + name + ": the key secret "
					+ "(yiwang.pki.key-secret or its file) is not the one it was stored with", e);
		}
	}

	private byte[] seal(String name, byte[] plain) {
		try {
			byte[] nonce = new byte[12];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, keyEncryptionKey, new GCMParameterSpec(128, nonce));
			// The name is authenticated, so a sealed key copied into another row does not open.
			cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private byte[] unseal(String name, byte[] sealed) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, keyEncryptionKey, new GCMParameterSpec(128, sealed, 0, 12));
		cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
		return cipher.doFinal(sealed, 12, sealed.length - 12);
	}

	/**
	 * A key for another purpose derived from the key-encryption key (HMAC-SHA256 of the purpose under it): the one
	 * platform secret protects it too, and no two purposes share a key.
	 */
	SecretKey derivedKey(String purpose) {
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(keyEncryptionKey.getEncoded(), "HmacSHA256"));
			return new SecretKeySpec(mac.doFinal(("yiwang.pki.derived.v1|" + purpose).getBytes(StandardCharsets.UTF_8)),
					"AES");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static SecretKey derive(char[] secret) {
		try {
			byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
				.generateSecret(new PBEKeySpec(secret, SALT, ITERATIONS, 256)).getEncoded();
			return new SecretKeySpec(key, "AES");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static char[] secret(PkiSettings settings) {
		if (settings.keySecret() != null && !settings.keySecret().isBlank()) {
			return settings.keySecret().toCharArray();
		}
		Path file = settings.keySecretFile().toAbsolutePath();
		try {
			if (!Files.exists(file)) {
				byte[] random = new byte[32];
				RANDOM.nextBytes(random);
				Files.createDirectories(file.getParent());
				try {
					Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
					Files.writeString(file, Base64.getEncoder().encodeToString(random) + "\n");
				}
				catch (FileAlreadyExistsException raced) {
					// another process made it first: use theirs
				}
				log.warn("No yiwang.pki.key-secret set: generated a random one in {}. Production must set "
						+ "YIWANG_PKI_KEY_SECRET (and keep it safe: without it the platform keys cannot be opened).", file);
			}
			return Files.readString(file).strip().toCharArray();
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read or create the PKI key secret file " + file
					+ "; set YIWANG_PKI_KEY_SECRET instead", e);
		}
	}
}
