package org.yiwang.pki;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.RegionCode;
import org.yiwang.system.Deployment;
import org.yiwang.kernel.Role;
import org.yiwang.pki.PkiChanged.CaTrusted;
import org.yiwang.pki.PkiChanged.CaWithdrawn;
import org.yiwang.pki.PkiChanged.CrlAdded;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * The CAs the platform recognises (CA mutual recognition: a certificate from any of them is good everywhere on the
 * platform) and their revocation lists. The platform administrator uploads both; anyone may ask whether a
 * certificate is valid, which other modules do before binding a certificate to a market entity.
 */
@Service
public class TrustStore {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RegionCode city;

	private volatile Snapshot snapshot;

	TrustStore(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			Deployment deployment) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.city = deployment.cityCode();
	}

	/**
	 * Parses and validates a certificate (PEM or DER) against the trust store now: path to a trusted root, validity,
	 * revocation, key strength.
	 *
	 * @throws Refusal (400, field {@code certificate}) with the reason's message key
	 */
	@Transactional(readOnly = true)
	public CertificateView validate(byte[] certificate) {
		try {
			return validate(CertificateBytes.certificate(certificate));
		}
		catch (Rejected rejected) {
			throw refusal("certificate", rejected);
		}
	}

	/**
	 * The date a CA in the trust store revoked this certificate (PEM or DER), if one did by now: pages show a bound
	 * certificate's standing from it, whatever else may be wrong with the certificate.
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> revokedAt(byte[] certificate) {
		X509CertificateHolder holder;
		try {
			holder = CertificateBytes.certificate(certificate);
		}
		catch (Rejected rejected) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return revocations().stream().filter(list -> list.crl().getIssuer().equals(holder.getIssuer()))
			.map(list -> list.crl().getRevokedCertificate(holder.getSerialNumber())).filter(Objects::nonNull)
			.map(entry -> entry.getRevocationDate().toInstant()).filter(at -> !at.isAfter(now)).min(Instant::compareTo);
	}

	/** Reads a certificate without any trust decision, e.g. to show what was uploaded. */
	public CertificateView inspect(byte[] certificate) {
		try {
			return view(CertificateBytes.certificate(certificate));
		}
		catch (Rejected rejected) {
			throw refusal("certificate", rejected);
		}
	}

	@Transactional(readOnly = true)
	public List<TrustedCa> cas() {
		return jdbc.sql("select der, origin, added_at, added_by from pki.trusted_certificates where withdrawn_at is null "
				+ "order by added_at, fingerprint")
			.query((rs, row) -> new TrustedCa(viewOfStored(rs.getBytes(1)), rs.getString(2),
					rs.getTimestamp(3).toInstant(), rs.getString(4)))
			.list();
	}

	@Transactional(readOnly = true)
	public List<CrlView> crls() {
		return jdbc.sql("select fingerprint, issuer, issuer_fingerprint, this_update, next_update, revoked_count, "
				+ "added_at, added_by from pki.crls order by added_at desc, fingerprint")
			.query((rs, row) -> new CrlView(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(),
					rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getInt(6),
					rs.getTimestamp(7).toInstant(), rs.getString(8)))
			.list();
	}

	/**
	 * Adds a CA certificate: a self-signed root, or an intermediate whose path to a trusted root validates now.
	 * Platform administrator only.
	 */
	@Transactional
	public TrustedCa addCa(byte[] bytes) {
		Acting acting = requireAdmin();
		requireSize(bytes);
		X509CertificateHolder certificate;
		CertificateView view;
		try {
			certificate = CertificateBytes.certificate(bytes);
			view = view(certificate);
		}
		catch (Rejected rejected) {
			throw refusal("file", rejected);
		}
		if (!ChainValidator.mayIssue(certificate, 0)) {
			throw Refusal.invalid("file", "pki.ca.notAuthority", view.subject());
		}
		if (!ChainValidator.isSelfSigned(certificate)) {
			try {
				ChainValidator.validate(certificate, anchors(), revocations(), clock.instant());
			}
			catch (Rejected rejected) {
				throw refusal("file", rejected);
			}
		}
		else if (clock.instant().isAfter(view.notAfter())) {
			throw refusal("file", new Rejected(VerificationFailure.EXPIRED));
		}
		if (exists(view.fingerprint())) {
			throw Refusal.conflict("file", "pki.ca.duplicate", view.subject());
		}
		return store(certificate, view, "upload", acting.actor());
	}

	/** Adds a revocation list signed by a CA in the trust store. Platform administrator only. */
	@Transactional
	public CrlView addCrl(byte[] bytes) {
		Acting acting = requireAdmin();
		requireSize(bytes);
		X509CRLHolder crl;
		try {
			crl = CertificateBytes.crl(bytes);
		}
		catch (Rejected rejected) {
			throw Refusal.invalid("file", "pki.crl.malformed");
		}
		ChainValidator.Anchor issuer = anchors().stream()
			.filter(a -> ChainValidator.crlSignedBy(crl, a.certificate()))
			.findFirst()
			.orElseThrow(() -> Refusal.invalid("file", "pki.crl.unknownIssuer", crl.getIssuer().toString()));
		byte[] der = encoded(crl);
		String fingerprint = CertificateBytes.fingerprint(der);
		if (jdbc.sql("select count(*) from pki.crls where fingerprint = ?").param(fingerprint).query(Integer.class).single() > 0) {
			throw Refusal.conflict("file", "pki.crl.duplicate");
		}
		Instant now = clock.instant();
		int revoked = crl.getRevokedCertificates().size();
		Instant nextUpdate = crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
		jdbc.sql("insert into pki.crls (fingerprint, issuer_fingerprint, issuer, der, this_update, next_update, "
				+ "revoked_count, added_at, added_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(fingerprint, issuer.fingerprint(), crl.getIssuer().toString(), der,
					Timestamp.from(crl.getThisUpdate().toInstant()), nextUpdate == null ? null : Timestamp.from(nextUpdate),
					revoked, Timestamp.from(now), acting.actor().username())
			.update();
		events.publishEvent(new CrlAdded(acting.actor(), fingerprint, issuer.fingerprint(), crl.getIssuer().toString(),
				revoked, city, now));
		return new CrlView(fingerprint, crl.getIssuer().toString(), issuer.fingerprint(),
				crl.getThisUpdate().toInstant(), nextUpdate, revoked, now, acting.actor().username());
	}

	/**
	 * For the demo CAs: trusts a root the platform made itself, once, or again after it was withdrawn. Runs inside
	 * the caller's transaction.
	 */
	void trustOwn(X509CertificateHolder certificate, String origin) {
		try {
			CertificateView view = view(certificate);
			if (!exists(view.fingerprint())) {
				store(certificate, view, origin, Actor.SYSTEM);
			}
			else if (jdbc.sql("update pki.trusted_certificates set withdrawn_at = null where fingerprint = ? "
					+ "and withdrawn_at is not null").param(view.fingerprint()).update() == 1) {
				events.publishEvent(new CaTrusted(Actor.SYSTEM, view.fingerprint(), view.subject(), view.keyAlgorithm(),
						origin, city, clock.instant()));
			}
		}
		catch (Rejected rejected) {
			throw new IllegalStateException("The platform made a certificate it does not accept: " + rejected.failure());
		}
	}

	/**
	 * Withdraws every CA of this origin from the trust store (what {@code yiwang.demo=false} does to the demo CAs):
	 * certificates they issued are no longer trusted. Runs inside the caller's transaction.
	 */
	int withdraw(String origin, String reason) {
		Instant now = clock.instant();
		List<CertificateView> withdrawn = jdbc.sql("update pki.trusted_certificates set withdrawn_at = ? "
				+ "where origin = ? and withdrawn_at is null returning der")
			.params(Timestamp.from(now), origin)
			.query((rs, row) -> viewOfStored(rs.getBytes(1)))
			.list();
		withdrawn.forEach(view -> events.publishEvent(new CaWithdrawn(Actor.SYSTEM, view.fingerprint(), view.subject(),
				reason, city, now)));
		return withdrawn.size();
	}

	CertificateView validate(X509CertificateHolder certificate) throws Rejected {
		Snapshot trusted = snapshot(); // one read of the trust store's version for the anchors and the CRLs alike
		ChainValidator.validate(certificate, trusted.anchors(), trusted.revocations(), clock.instant());
		return view(certificate);
	}

	static CertificateView view(X509CertificateHolder certificate) throws Rejected {
		Keys.Facts key = Keys.facts(certificate.getSubjectPublicKeyInfo());
		BasicConstraints constraints = BasicConstraints.fromExtensions(certificate.getExtensions());
		return new CertificateView(CertificateBytes.fingerprint(ChainValidator.encoded(certificate)),
				certificate.getSubject().toString(), certificate.getIssuer().toString(),
				certificate.getSerialNumber().toString(16).toUpperCase(), key.algorithm(), key.bits(),
				certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
				CreditCodes.find(certificate.getSubject()), constraints != null && constraints.isCA());
	}

	static Refusal refusal(String field, Rejected rejected) {
		if (rejected.failure() == VerificationFailure.REVOKED) {
			return Refusal.invalid(field, rejected.failure().messageKey(), SHOWN.format(rejected.revokedAt()));
		}
		return Refusal.invalid(field, rejected.failure().messageKey());
	}

	private TrustedCa store(X509CertificateHolder certificate, CertificateView view, String origin, Actor actor) {
		Instant now = clock.instant();
		jdbc.sql("insert into pki.trusted_certificates (fingerprint, der, subject, issuer, serial, key_algorithm, "
				+ "not_before, not_after, origin, added_at, added_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(view.fingerprint(), ChainValidator.encoded(certificate), view.subject(), view.issuer(), view.serial(),
					view.keyAlgorithm().name(), Timestamp.from(view.notBefore()), Timestamp.from(view.notAfter()), origin,
					Timestamp.from(now), actor.username())
			.update();
		events.publishEvent(new CaTrusted(actor, view.fingerprint(), view.subject(), view.keyAlgorithm(), origin, city, now));
		return new TrustedCa(view, origin, now, actor.username());
	}

	private boolean exists(String fingerprint) {
		return jdbc.sql("select count(*) from pki.trusted_certificates where fingerprint = ?").param(fingerprint)
			.query(Integer.class).single() > 0;
	}

	private List<ChainValidator.Anchor> anchors() {
		return snapshot().anchors();
	}

	private List<ChainValidator.Revocations> revocations() {
		return snapshot().revocations();
	}

	/**
	 * The parsed trust store, reused while nothing in it changed: signed intake validates a certificate per request,
	 * and parsing every CA certificate and CRL each time would cost more than the check. The version is read in the
	 * caller's transaction, from what it sees, so a snapshot never outlives the rows it was made from, and a change
	 * committed by another node is seen at the next call.
	 */
	private Snapshot snapshot() {
		String version = jdbc.sql("select (select count(*) || ':' || coalesce(max(added_at)::text, '') || ':' "
				+ "|| count(withdrawn_at) || ':' || coalesce(max(withdrawn_at)::text, '') from pki.trusted_certificates) "
				+ "|| '/' || (select count(*) || ':' || coalesce(max(added_at)::text, '') from pki.crls)")
			.query(String.class).single();
		Snapshot current = snapshot;
		if (current != null && current.version().equals(version)) {
			return current;
		}
		List<ChainValidator.Anchor> anchors = jdbc
			.sql("select der, fingerprint from pki.trusted_certificates where withdrawn_at is null")
			.query((rs, row) -> new ChainValidator.Anchor(holder(rs.getBytes(1)), rs.getString(2)))
			.list();
		List<ChainValidator.Revocations> revocations = jdbc.sql("select der, issuer_fingerprint from pki.crls")
			.query((rs, row) -> new ChainValidator.Revocations(crlHolder(rs.getBytes(1)), rs.getString(2)))
			.list();
		Snapshot made = new Snapshot(version, List.copyOf(anchors), List.copyOf(revocations));
		snapshot = made;
		return made;
	}

	private record Snapshot(String version, List<ChainValidator.Anchor> anchors,
			List<ChainValidator.Revocations> revocations) {
	}

	private static void requireSize(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw Refusal.invalid("file", "pki.upload.empty");
		}
		if (bytes.length > CertificateBytes.MAX_BYTES) {
			throw Refusal.invalid("file", "pki.upload.tooLarge", CertificateBytes.MAX_BYTES / 1024);
		}
	}

	private static Acting requireAdmin() {
		return Actors.requireAnyRole("pki.adminOnly", Role.PLATFORM_ADMIN);
	}

	private static CertificateView viewOfStored(byte[] der) {
		try {
			return view(holder(der));
		}
		catch (Rejected rejected) {
			throw new IllegalStateException("A stored CA certificate no longer parses", rejected);
		}
	}

	private static X509CertificateHolder holder(byte[] der) {
		try {
			return new X509CertificateHolder(der);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static X509CRLHolder crlHolder(byte[] der) {
		try {
			return new X509CRLHolder(der);
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] encoded(X509CRLHolder crl) {
		try {
			return crl.getEncoded();
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
