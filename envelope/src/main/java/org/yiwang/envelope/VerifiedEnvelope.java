package org.yiwang.envelope;

import java.security.cert.X509Certificate;

/**
 * An envelope whose structure and signature were checked (cryptographically, against the certificate in its header;
 * whether that certificate is trusted is the caller's question).
 *
 * @param size bytes of the whole file
 * @param sm3 SM3 of the whole file, lower-case hex
 * @param sha256 SHA-256 of the whole file, lower-case hex
 */
public record VerifiedEnvelope(EnvelopeHeader header, X509Certificate signer, long size, String sm3, String sha256) {
}
