package org.yiwang.registry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.CreditCode;
import org.yiwang.pki.CertificateView;
import org.yiwang.pki.TrialCertificateDesk;
import org.yiwang.pki.IssuedCredentials;
import org.yiwang.pki.KeyAlgorithm;
import org.yiwang.pki.SignatureAlgorithm;
import org.yiwang.pki.SignatureVerification;
import org.yiwang.pki.Signatures;
import org.yiwang.pki.TrustStore;
import org.yiwang.pki.VerificationFailure;
import org.yiwang.registry.RegistryChanged.CertificateBindingDecided;
import org.yiwang.registry.RegistryChanged.CertificateBindingRequested;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * CA mutual recognition for entities: a certificate from any CA in the trust store binds to the entity it names (by
 * credit code) at once, or, naming none, once staff confirm it; an entity may hold certificates of several CAs. A
 * signature counts as the entity's only when it is valid under a trusted certificate bound to that entity.
 */
@Service
public class EntityCertificates {

	private final Entities entities;

	private final Bindings bindings;

	private final TrustStore trustStore;

	private final Signatures signatures;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TrialCertificateDesk demoCertificates;

	EntityCertificates(Entities entities, Bindings bindings, TrustStore trustStore, Signatures signatures,
			ApplicationEventPublisher events, Clock clock, TrialCertificateDesk demoCertificates) {
		this.demoCertificates = demoCertificates;
		this.entities = entities;
		this.bindings = bindings;
		this.trustStore = trustStore;
		this.signatures = signatures;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A member binds a certificate (PEM or DER) to its entity. The certificate must be valid in the trust store now.
	 * One naming another entity's credit code is refused; one naming none waits for staff.
	 */
	@Transactional
	public CertificateBinding bind(byte[] certificate) {
		Acting member = Actors.required();
		MarketEntity entity = entities.entityOf(member.actor().username()).flatMap(entities::byId)
			.orElseThrow(() -> Refusal.notFound("registry.entity.none"));
		if (entity.status != EntityStatus.APPROVED) {
			throw Refusal.conflict("certificate", "registry.certificate.entityNotApproved");
		}
		CertificateView view = trustStore.validate(certificate);
		if (view.authority()) {
			throw Refusal.invalid("certificate", "registry.certificate.isAuthority");
		}
		bindings.byFingerprint(view.fingerprint()).ifPresent(existing -> {
			throw Refusal.conflict("certificate", existing.entity().equals(entity.id) ? "registry.certificate.alreadyBound"
					: "registry.certificate.boundElsewhere");
		});
		if (view.creditCode() != null && !view.creditCode().equals(entity.creditCode)) {
			throw Refusal.invalid("certificate", "registry.certificate.otherCode", view.creditCode());
		}
		boolean byCode = view.creditCode() != null;
		Instant now = clock.instant();
		CertificateBinding binding = new CertificateBinding(view.fingerprint(), entity.id, view.subject(), view.issuer(),
				view.serial(), view.keyAlgorithm().name(), view.notAfter(), view.creditCode(),
				byCode ? "CREDIT_CODE" : "STAFF_APPROVED", byCode ? BindingStatus.ACTIVE : BindingStatus.PENDING,
				member.actor().username(), now, byCode ? "platform" : null, byCode ? now : null, null, null);
		bindings.add(binding, pem(certificate));
		events.publishEvent(new CertificateBindingRequested(member.actor(), entity.id, view.fingerprint(), view.subject(),
				binding.status(), entity.registeredRegion, now));
		return binding;
	}

	/**
	 * With demo data on, an approved organisation gets a demo-CA SM2 certificate for its own credit code, bound at
	 * once, and the private key to sign with (shown to it this once, never kept).
	 */
	@Transactional
	public IssuedCredentials issueDemoCertificate() {
		Acting member = Actors.required();
		MarketEntity entity = entities.entityOf(member.actor().username()).flatMap(entities::byId)
			.orElseThrow(() -> Refusal.notFound("registry.entity.none"));
		if (entity.status != EntityStatus.APPROVED || entity.creditCode == null) {
			throw Refusal.conflict(null, "registry.certificate.demoOrganisationsOnly");
		}
		IssuedCredentials credentials = demoCertificates.issue(entity.name, CreditCode.of(entity.creditCode), KeyAlgorithm.SM2);
		bind(credentials.certificatePem().getBytes(StandardCharsets.US_ASCII));
		return credentials;
	}

	public boolean demoCertificatesAvailable() {
		return demoCertificates.available();
	}

	/** The entity's certificates, each with its revocation by the trust store's CRLs now. */
	@Transactional(readOnly = true)
	public List<CertificateBinding> bindings(EntityId entity) {
		Actors.required();
		return bindings.of(entity).stream().map(this::withRevocation).toList();
	}

	/**
	 * Whether the certificate with this fingerprint is bound to the entity and the binding active: one read, for a
	 * caller that has just had the certificate itself judged by the trust store (revocation included), as a bid's
	 * envelope signer is.
	 */
	@Transactional(readOnly = true)
	public boolean activelyBound(EntityId entity, String fingerprint) {
		Actors.required();
		return bindings.byFingerprint(fingerprint)
			.filter(b -> b.entity().equals(entity) && b.status() == BindingStatus.ACTIVE)
			.isPresent();
	}

	/**
	 * What a bid asks of the registry about its bidder, in one read (issue 25; it was three: the member's entity, the
	 * signer's binding, the credit records): the signed-in member's entity, whether the certificate with this
	 * fingerprint (SHA-256 of its DER encoding, as {@link CertificateView#fingerprint}) is bound to it and active, and
	 * whether a blacklisting of it runs on {@code day} anywhere. Only when one runs does the caller need
	 * {@link EntityRegistry#isBarred} for its region and category. Empty when the member has no entity.
	 */
	@Transactional(readOnly = true)
	public Optional<BidderStanding> bidderStanding(String fingerprint, java.time.LocalDate day) {
		Acting acting = Actors.required();
		return entities.standingOfMember(acting.actor().username(), fingerprint, day)
			.map(s -> new BidderStanding(s.entity().view(), s.signerBound(), s.blacklisted()));
	}

	/**
	 * @param signerBound the certificate asked about is bound to the entity, the binding active (its validity and
	 *        revocation are the trust store's to judge)
	 * @param blacklistedSomewhere a blacklisting of the entity runs on the day asked about, in some region or category
	 */
	public record BidderStanding(EntityView entity, boolean signerBound, boolean blacklistedSomewhere) {
	}

	private CertificateBinding withRevocation(CertificateBinding binding) {
		return bindings.certificate(binding.fingerprint())
			.flatMap(pem -> trustStore.revokedAt(pem.getBytes(StandardCharsets.US_ASCII)))
			.map(binding::revokedAt).orElse(binding);
	}

	/** Bindings waiting for the acting staff: those of entities registered in their regions. */
	@Transactional(readOnly = true)
	public List<CertificateBinding> pending() {
		Acting staff = requireStaff();
		return bindings.pending().stream()
			.filter(b -> entities.byId(b.entity()).map(e -> staff.regionScope().covers(e.registeredRegion)).orElse(false))
			.toList();
	}

	@Transactional
	public CertificateBinding decide(String fingerprint, boolean approve, String reason) {
		Acting staff = requireStaff();
		CertificateBinding binding = bindings.byFingerprint(fingerprint == null ? "" : fingerprint)
			.filter(b -> entities.byId(b.entity()).map(e -> staff.regionScope().covers(e.registeredRegion)).orElse(false))
			.orElseThrow(() -> Refusal.notFound("registry.certificate.notFound"));
		if (binding.status() != BindingStatus.PENDING) {
			throw Refusal.conflict(null, "registry.review.notPending");
		}
		if (!approve && (reason == null || reason.isBlank() || reason.length() > 500)) {
			throw Refusal.invalid("reason", "registry.review.reason");
		}
		BindingStatus status = approve ? BindingStatus.ACTIVE : BindingStatus.REFUSED;
		Instant now = clock.instant();
		bindings.decide(fingerprint, status, staff.actor().username(), now, approve ? null : reason.strip());
		MarketEntity entity = entities.byId(binding.entity()).orElseThrow();
		events.publishEvent(new CertificateBindingDecided(staff.actor(), binding.entity(), fingerprint, status,
				approve ? null : reason.strip(), entity.registeredRegion, now));
		return bindings.byFingerprint(fingerprint).orElseThrow();
	}

	/**
	 * Is this signature over this content the entity's? With a certificate, that certificate must verify the
	 * signature, be valid in the trust store, and be bound to the entity; without one, any of the entity's bound
	 * certificates that verifies it will do. A signature by a revoked certificate is refused as revoked, with the date
	 * (not as signed by no bound certificate).
	 */
	@Transactional(readOnly = true)
	public EntitySignature verify(EntityId entityId, byte[] content, byte[] signature, SignatureAlgorithm algorithm,
			byte[] certificate) {
		Actors.required();
		entities.byId(entityId).orElseThrow(() -> Refusal.notFound("registry.entity.notFound"));
		if (content == null || signature == null || signature.length == 0) {
			throw Refusal.invalid("signature", "registry.signature.missing");
		}
		if (certificate != null && certificate.length > 0) {
			SignatureVerification checked = signatures.verify(content, signature, certificate, algorithm);
			if (checked.failure() == VerificationFailure.REVOKED) {
				return revoked(entityId, checked);
			}
			if (!checked.valid()) {
				return new EntitySignature(false, entityId, checked.signer(), checked.algorithm(), checked.messageKey(), null);
			}
			boolean bound = bindings.byFingerprint(checked.signer().fingerprint())
				.filter(b -> b.entity().equals(entityId) && b.status() == BindingStatus.ACTIVE).isPresent();
			return new EntitySignature(bound, entityId, checked.signer(), checked.algorithm(),
					bound ? "registry.signature.accepted" : "registry.signature.notBound", null);
		}
		SignatureVerification revoked = null;
		for (String bound : bindings.activeCertificates(entityId)) {
			SignatureVerification checked = signatures.verify(content, signature, bound.getBytes(StandardCharsets.US_ASCII),
					algorithm);
			if (checked.valid()) {
				return new EntitySignature(true, entityId, checked.signer(), checked.algorithm(), "registry.signature.accepted",
						null);
			}
			// The key matched but its certificate is revoked; another bound certificate of the same key may still hold.
			if (checked.failure() == VerificationFailure.REVOKED && revoked == null) {
				revoked = checked;
			}
		}
		if (revoked != null) {
			return revoked(entityId, revoked);
		}
		return new EntitySignature(false, entityId, null, algorithm.jcaName(), "registry.signature.noBoundMatch", null);
	}

	private static EntitySignature revoked(EntityId entity, SignatureVerification checked) {
		return new EntitySignature(false, entity, checked.signer(), checked.algorithm(), "registry.signature.revoked",
				checked.revokedAt());
	}

	/** The certificate as PEM text: kept as uploaded when it is PEM, wrapped when it is DER. */
	static String pem(byte[] certificate) {
		String text = new String(certificate, StandardCharsets.US_ASCII);
		if (text.contains("-----BEGIN CERTIFICATE-----")) {
			int start = text.indexOf("-----BEGIN CERTIFICATE-----");
			int end = text.indexOf("-----END CERTIFICATE-----", start);
			return text.substring(start, end + "-----END CERTIFICATE-----".length()) + "\n";
		}
		return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(certificate) + "\n-----END CERTIFICATE-----\n";
	}

	private static Acting requireStaff() {
		return Actors.requireAnyRole("registry.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
	}
}
