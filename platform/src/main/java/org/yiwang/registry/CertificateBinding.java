package org.yiwang.registry;

import java.time.Instant;

/**
 * A certificate bound to an entity.
 *
 * @param basis {@code CREDIT_CODE} when the certificate names the entity's credit code, {@code STAFF_APPROVED} when
 *        staff confirmed a certificate that names none
 * @param revokedAt when the certificate's CA revoked it, by the CRLs in the trust store now (null: not revoked); a
 *        revoked certificate shows as revoked whatever its binding's status, and signs nothing the platform accepts
 */
public record CertificateBinding(String fingerprint, EntityId entity, String subject, String issuer, String serial,
		String keyAlgorithm, Instant notAfter, String creditCode, String basis, BindingStatus status, String requestedBy,
		Instant requestedAt, String decidedBy, Instant decidedAt, String reason, Instant revokedAt) {

	public boolean revoked() {
		return revokedAt != null;
	}

	CertificateBinding revokedAt(Instant at) {
		return new CertificateBinding(fingerprint, entity, subject, issuer, serial, keyAlgorithm, notAfter, creditCode,
				basis, status, requestedBy, requestedAt, decidedBy, decidedAt, reason, at);
	}
}
