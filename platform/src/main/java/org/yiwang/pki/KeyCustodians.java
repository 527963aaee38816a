package org.yiwang.pki;

import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.envelope.KeyWrap;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;
import org.yiwang.system.Deployment;
import org.yiwang.system.RegionScopes;
import org.yiwang.system.Refusal;

/**
 * The accounts that hold shares of sections' opening keys, each with an encryption certificate valid in the trust
 * store. The administrator adds and withdraws them; with demo data on, the demo staff accounts {@code staff},
 * {@code staff.yuzhong} and {@code staff.wanzhou} are custodians with demo-CA SM2 certificates whose keys they can
 * download.
 */
@Service
public class KeyCustodians {

	/** The demo staff accounts that are custodians with demo data on. */
	public static final List<String> DEMO_CUSTODIANS = List.of("staff", "staff.yuzhong", "staff.wanzhou");

	private final JdbcClient jdbc;

	private final TrustStore trustStore;

	private final CertificateAuthorityKeys authorityKeys;

	private final KeyVault vault;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Deployment deployment;

	private final boolean demo;

	KeyCustodians(JdbcClient jdbc, TrustStore trustStore, CertificateAuthorityKeys authorityKeys, KeyVault vault,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock, Deployment deployment,
			@Value("${yiwang.demo:true}") boolean demo) {
		this.jdbc = jdbc;
		this.trustStore = trustStore;
		this.authorityKeys = authorityKeys;
		this.vault = vault;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.deployment = deployment;
		this.demo = demo;
	}

	/** The custodians now (withdrawn ones left out), by name. */
	@Transactional(readOnly = true)
	public List<CustodianView> list() {
		return jdbc.sql("select username, certificate, origin, added_at, added_by from pki.custodians "
				+ "where withdrawn_at is null order by username")
			.query((rs, row) -> new CustodianView(rs.getString(1), viewOf(rs.getBytes(2)), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
	}

	/**
	 * Registers (or replaces) an account's encryption certificate; platform administrator only. The certificate must
	 * be valid in the trust store now and carry a key shares can be encrypted to (SM2, RSA, ECDSA P-256).
	 */
	@Transactional
	public CustodianView add(String username, byte[] certificate) {
		Acting acting = Actors.requireAnyRole("pki.adminOnly", Role.PLATFORM_ADMIN);
		if (username == null || username.isBlank() || username.strip().length() > 100) {
			throw Refusal.invalid("username", "pki.custodian.username");
		}
		CertificateView view = trustStore.validate(certificate);
		X509CertificateHolder holder = holder(certificate);
		return store(username.strip(), holder, view, "upload", acting.actor());
	}

	/** Withdraws a custodian: new opening keys no longer give it a share. Platform administrator only. */
	@Transactional
	public void withdraw(String username) {
		Acting acting = Actors.requireAnyRole("pki.adminOnly", Role.PLATFORM_ADMIN);
		Instant now = clock.instant();
		int updated = jdbc.sql("update pki.custodians set withdrawn_at = ?, withdrawn_by = ? where username = ? "
				+ "and withdrawn_at is null")
			.params(Timestamp.from(now), acting.actor().username(), username)
			.update();
		if (updated == 0) {
			throw Refusal.notFound("pki.custodian.notFound", username);
		}
		events.publishEvent(new PkiChanged.CustodianWithdrawn(acting.actor(), username, deployment.cityCode(), now));
	}

	/**
	 * The signed-in demo custodian's own key and certificate (PKCS#8 PEM), to decrypt its shares with; only with demo
	 * data on. A real custodian's key never passes through the platform.
	 */
	public IssuedCredentials demoKey() {
		Acting acting = Actors.required();
		String username = acting.actor().username();
		if (!demo) {
			throw Refusal.forbidden("pki.demo.off");
		}
		if (!DEMO_CUSTODIANS.contains(username)) {
			throw Refusal.notFound("pki.custodian.noDemoKey");
		}
		KeyVault.StoredKey key = vault.find(vaultName(username)).orElseThrow(() -> Refusal.notFound("pki.custodian.noDemoKey"));
		return new IssuedCredentials(CertificateBytes.pem("CERTIFICATE", ChainValidator.encoded(key.certificate())),
				CertificateBytes.pem("PRIVATE KEY", key.privateKey().getEncoded()), viewOf(ChainValidator.encoded(key.certificate())));
	}

	/**
	 * With demo data on, at start (the demo's stand-in CA calls it): the demo staff accounts become custodians with SM2
	 * encryption certificates from the stand-in root {@code caName}. Refused with demo data off.
	 */
	public void ensureDemo(String caName) {
		if (!demo) {
			throw new IllegalStateException("Demo custodians exist only with yiwang.demo=true");
		}
		for (String username : DEMO_CUSTODIANS) {
			KeyVault.StoredKey key = vault.findOrCreate(vaultName(username), () -> authorityKeys.encryptionKey(caName,
					new X500Name("CN=" + username + " (key custodian),O=Yiwang Demo (not for production),C=CN")));
			RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(status -> {
				boolean present = jdbc.sql("select count(*) from pki.custodians where username = ? and withdrawn_at is null")
					.param(username).query(Integer.class).single() > 0;
				if (!present) {
					store(username, key.certificate(), viewOf(ChainValidator.encoded(key.certificate())), "demo", Actor.SYSTEM);
				}
			}));
		}
	}

	/** The current custodians with their certificates' public keys, for a new opening key. */
	List<Holder> holders() {
		return jdbc.sql("select username, certificate from pki.custodians where withdrawn_at is null order by username")
			.query((rs, row) -> {
				byte[] der = rs.getBytes(2);
				return new Holder(rs.getString(1), CertificateBytes.fingerprint(der), publicKey(der));
			})
			.list();
	}

	record Holder(String username, String certificateFingerprint, PublicKey publicKey) {
	}

	private CustodianView store(String username, X509CertificateHolder holder, CertificateView view, String origin,
			Actor actor) {
		PublicKey key = publicKey(ChainValidator.encoded(holder));
		if (KeyWrap.algorithmFor(key) == null) {
			throw Refusal.invalid("certificate", "pki.custodian.keyUnsupported");
		}
		Instant now = clock.instant();
		jdbc.sql("insert into pki.custodians (username, certificate, certificate_fingerprint, subject, origin, added_at, "
				+ "added_by) values (?, ?, ?, ?, ?, ?, ?) on conflict (username) do update set certificate = excluded.certificate, "
				+ "certificate_fingerprint = excluded.certificate_fingerprint, subject = excluded.subject, "
				+ "origin = excluded.origin, added_at = excluded.added_at, added_by = excluded.added_by, "
				+ "withdrawn_at = null, withdrawn_by = null")
			.params(username, ChainValidator.encoded(holder), view.fingerprint(), view.subject(), origin, Timestamp.from(now),
					actor.username())
			.update();
		events.publishEvent(new PkiChanged.CustodianAdded(actor, username, view.fingerprint(), deployment.cityCode(), now));
		return new CustodianView(username, view, origin, now, actor.username());
	}

	private static String vaultName(String username) {
		return "custodian-" + username.replace('.', '-');
	}

	private static X509CertificateHolder holder(byte[] certificate) {
		try {
			return CertificateBytes.certificate(certificate);
		}
		catch (Rejected rejected) {
			throw TrustStore.refusal("certificate", rejected);
		}
	}

	private static CertificateView viewOf(byte[] der) {
		try {
			return TrustStore.view(new X509CertificateHolder(der));
		}
		catch (Rejected | java.io.IOException e) {
			throw new IllegalStateException("A stored custodian certificate cannot be read", e);
		}
	}

	static PublicKey publicKey(byte[] der) {
		try {
			return Keys.publicKey(new X509CertificateHolder(der).getSubjectPublicKeyInfo());
		}
		catch (Rejected | java.io.IOException e) {
			throw new IllegalStateException("A stored certificate's key cannot be read", e);
		}
	}
}
