package org.yiwang.pki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bouncycastle.jce.spec.ECPrivateKeySpec;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.envelope.Crypto;
import org.yiwang.envelope.EnvelopeException;
import org.yiwang.envelope.KeyWrap;
import org.yiwang.envelope.Shamir;
import org.yiwang.system.Actors;
import org.yiwang.system.Deployment;
import org.yiwang.system.Refusal;

/**
 * Sections' opening keys: an SM2 key pair per section whose private key is split k-of-n (Shamir over GF(256)) among
 * the key custodians, each share encrypted to that custodian's certificate, and then forgotten. So no one,
 * database administrator included, can open a bid before enough custodians bring their shares.
 */
@Service
public class OpeningKeys {

	public static final int DEFAULT_THRESHOLD = 2;

	private final JdbcClient jdbc;

	private final KeyCustodians custodians;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Deployment deployment;

	OpeningKeys(JdbcClient jdbc, KeyCustodians custodians, ApplicationEventPublisher events, Clock clock,
			Deployment deployment) {
		this.jdbc = jdbc;
		this.custodians = custodians;
		this.events = events;
		this.clock = clock;
		this.deployment = deployment;
	}

	/**
	 * Makes an opening key for {@code label} (e.g. the section's trade code), shared among all current custodians, of
	 * whom {@code threshold} reassemble it. Refused when there are fewer custodians than the threshold.
	 */
	@Transactional
	public OpeningKeyView create(String label, int threshold) {
		if (label == null || label.isBlank() || label.strip().length() > 200) {
			throw Refusal.invalid("label", "pki.openingKey.label");
		}
		List<KeyCustodians.Holder> holders = custodians.holders();
		if (threshold < 1 || threshold > holders.size() || holders.size() > 255) {
			throw Refusal.conflict("threshold", "pki.openingKey.tooFewCustodians", threshold, holders.size());
		}
		KeyPair pair = CertificateIssuer.generate(KeyAlgorithm.SM2);
		byte[] secret = scalar((ECPrivateKey) pair.getPrivate());
		List<Shamir.Share> shares = Shamir.split(secret, threshold, holders.size());
		Arrays.fill(secret, (byte) 0);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		byte[] publicKey = pair.getPublic().getEncoded();
		String keyId = Crypto.keyId(pair.getPublic());
		String createdBy = Actors.actor().username();
		jdbc.sql("insert into pki.opening_keys (id, label, public_key, key_id, threshold, share_count, created_at, created_by) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, label.strip(), publicKey, keyId, threshold, holders.size(), Timestamp.from(now), createdBy)
			.update();
		for (int i = 0; i < holders.size(); i++) {
			KeyCustodians.Holder holder = holders.get(i);
			Shamir.Share share = shares.get(i);
			byte[] encrypted;
			try {
				encrypted = KeyWrap.wrap(holder.publicKey(), share.encoded());
			}
			catch (EnvelopeException e) {
				throw new IllegalStateException("A custodian's certificate cannot receive a share", e);
			}
			jdbc.sql("insert into pki.opening_key_shares (opening_key_id, share_index, custodian, certificate_fingerprint, "
					+ "encrypted_share) values (?, ?, ?, ?, ?)")
				.params(id, share.x(), holder.username(), holder.certificateFingerprint(), encrypted)
				.update();
		}
		events.publishEvent(new PkiChanged.OpeningKeyCreated(Actors.actor(), id, label.strip(), keyId, threshold,
				holders.size(), deployment.cityCode(), now));
		return find(id).orElseThrow();
	}

	public OpeningKeyView create(String label) {
		return create(label, DEFAULT_THRESHOLD);
	}

	@Transactional(readOnly = true)
	public Optional<OpeningKeyView> find(UUID id) {
		List<OpeningKeyView.Share> shares = jdbc.sql("select share_index, custodian, certificate_fingerprint, encrypted_share "
				+ "from pki.opening_key_shares where opening_key_id = ? order by share_index")
			.param(id)
			.query((rs, row) -> new OpeningKeyView.Share(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
			.list();
		return jdbc.sql("select id, label, public_key, key_id, threshold, share_count, created_at from pki.opening_keys "
				+ "where id = ?")
			.param(id)
			.query((rs, row) -> new OpeningKeyView(rs.getObject(1, UUID.class), rs.getString(2),
					CertificateBytes.pem("PUBLIC KEY", rs.getBytes(3)), rs.getBytes(3), rs.getString(4), rs.getInt(5),
					rs.getInt(6), shares, rs.getTimestamp(7).toInstant()))
			.optional();
	}

	/**
	 * Reassembles the private key from decrypted shares ({@code x || y}, as {@link org.yiwang.envelope.Shamir.Share}
	 * encodes them), in memory only; the caller decides when this is allowed (after the bid deadline, at opening).
	 * Refused when the shares are too few or do not give the key whose public half is stored.
	 */
	@Transactional(readOnly = true)
	public PrivateKey reassemble(UUID openingKey, List<byte[]> decryptedShares) {
		OpeningKeyView view = find(openingKey).orElseThrow(() -> Refusal.notFound("pki.openingKey.notFound"));
		if (decryptedShares == null || decryptedShares.size() < view.threshold()) {
			throw Refusal.invalid("shares", "pki.openingKey.tooFewShares", view.threshold());
		}
		List<Shamir.Share> shares = new ArrayList<>();
		try {
			for (byte[] share : decryptedShares) {
				shares.add(Shamir.Share.decode(share));
			}
			byte[] secret = Shamir.combine(shares);
			PrivateKey key = privateKey(secret);
			Arrays.fill(secret, (byte) 0);
			if (!Crypto.keyId(publicKeyOf(key)).equals(view.keyId())) {
				throw Refusal.invalid("shares", "pki.openingKey.wrongShares");
			}
			return key;
		}
		catch (IllegalArgumentException | ArithmeticException e) {
			throw Refusal.invalid("shares", "pki.openingKey.wrongShares");
		}
	}

	private static byte[] scalar(ECPrivateKey key) {
		byte[] bytes = key.getS().toByteArray();
		byte[] out = new byte[32];
		int copy = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - copy, out, 32 - copy, copy);
		return out;
	}

	private static PrivateKey privateKey(byte[] scalar) {
		try {
			var spec = org.bouncycastle.jce.ECNamedCurveTable.getParameterSpec("sm2p256v1");
			BigInteger d = new BigInteger(1, scalar);
			if (d.signum() == 0 || d.compareTo(spec.getN()) >= 0) {
				throw new IllegalArgumentException("not a private key");
			}
			return java.security.KeyFactory.getInstance("EC", BouncyCastle.PROVIDER).generatePrivate(new ECPrivateKeySpec(d, spec));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalArgumentException(e);
		}
	}

	/** The public key of an SM2 private key: d·G. */
	static PublicKey publicKeyOf(PrivateKey key) {
		try {
			var spec = org.bouncycastle.jce.ECNamedCurveTable.getParameterSpec("sm2p256v1");
			var q = spec.getG().multiply(((ECPrivateKey) key).getS()).normalize();
			return java.security.KeyFactory.getInstance("EC", BouncyCastle.PROVIDER)
				.generatePublic(new org.bouncycastle.jce.spec.ECPublicKeySpec(q, spec));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
