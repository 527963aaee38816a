package org.yiwang.registry;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.yiwang.pki.CertificateView;

/**
 * Whether a signature is the entity's: valid under a trusted certificate that is bound to it.
 *
 * @param signer the certificate checked, when one could be read
 * @param messageKey why the signature is accepted or refused, for pages and problem details; its arguments are
 *        {@link #messageArguments(String)}
 * @param revokedAt when the signing certificate was revoked, if that is why the signature is refused
 */
public record EntitySignature(boolean accepted, EntityId entity, CertificateView signer, String algorithm,
		String messageKey, Instant revokedAt) {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	/** The message's arguments: the entity's name, the signer's subject, the revocation date (Asia/Shanghai). */
	public Object[] messageArguments(String entityName) {
		return new Object[] { entityName == null ? "" : entityName, signer == null ? "" : signer.subject(),
				revokedAt == null ? "" : SHOWN.format(revokedAt) };
	}
}
