package org.yiwang.pki;

import java.security.cert.X509Certificate;
import java.time.Instant;

import org.yiwang.envelope.EnvelopeHeader;

/**
 * A sealed bid envelope the platform accepted: well formed, signed by a certificate valid in the trust store, and
 * sealed to the section's opening key. Its content stays encrypted.
 *
 * @param sm3 SM3 of the whole file, lower-case hex
 * @param sha256 SHA-256 of the whole file, lower-case hex
 * @param size bytes of the whole file
 * @param tradeCode the trade code (统一交易标识码) the header names; the caller checks it is its section's
 * @param signer the signer certificate as the trust store sees it (its fingerprint binds it to an entity)
 * @param header the clear-text header (cipher, recipients, sizes, sealing time the bidder's machine claims)
 */
public record SealedEnvelope(String sm3, String sha256, long size, String tradeCode, CertificateView signer,
		X509Certificate signerCertificate, Instant sealedAt, EnvelopeHeader header) {
}
