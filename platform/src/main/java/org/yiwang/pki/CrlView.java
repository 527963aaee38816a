package org.yiwang.pki;

import java.time.Instant;

/**
 * A certificate revocation list in the trust store.
 *
 * @param issuerFingerprint the trusted CA certificate whose key signed it
 * @param nextUpdate null when the CA gave none
 */
public record CrlView(String fingerprint, String issuer, String issuerFingerprint, Instant thisUpdate,
		Instant nextUpdate, int revokedCount, Instant addedAt, String addedBy) {
}
