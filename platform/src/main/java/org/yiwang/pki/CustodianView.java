package org.yiwang.pki;

import java.time.Instant;

/**
 * A key custodian: an account holding an encryption certificate to which shares of opening keys are encrypted.
 *
 * @param origin {@code upload} (the administrator registered it) or {@code demo} (a demo staff account)
 */
public record CustodianView(String username, CertificateView certificate, String origin, Instant addedAt,
		String addedBy) {
}
