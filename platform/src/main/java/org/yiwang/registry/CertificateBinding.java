package org.yiwang.registry;

import java.time.Instant;

/**
 * A certificate bound to an entity.
 *
 * @param basis {@code CREDIT_CODE} when the certificate names the entity's credit code, {@code STAFF_APPROVED} when
 *        staff confirmed a certificate that names none
 */
public record CertificateBinding(String fingerprint, EntityId entity, String subject, String issuer, String serial,
		String keyAlgorithm, Instant notAfter, String creditCode, String basis, BindingStatus status, String requestedBy,
		Instant requestedAt, String decidedBy, Instant decidedAt, String reason) {
}
