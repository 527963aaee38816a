package org.yiwang.registry;

import org.yiwang.pki.CertificateView;

/**
 * Whether a signature is the entity's: valid under a trusted certificate that is bound to it.
 *
 * @param signer the certificate checked, when one could be read
 * @param messageKey why the signature is accepted or refused, for pages and problem details
 */
public record EntitySignature(boolean accepted, EntityId entity, CertificateView signer, String algorithm,
		String messageKey) {
}
