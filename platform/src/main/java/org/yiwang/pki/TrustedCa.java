package org.yiwang.pki;

import java.time.Instant;

/**
 * A CA certificate in the trust store, with who put it there.
 *
 * @param origin {@code upload} (the administrator) or {@code demo} (the demo CAs)
 */
public record TrustedCa(CertificateView certificate, String origin, Instant addedAt, String addedBy) {
}
