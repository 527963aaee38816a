/**
 * Certificates and signatures the platform can rely on: the trust store of recognised CAs (RSA, ECDSA, SM2), path
 * validation with revocation lists, signature verification, the platform's own SM2 signing key and its RFC 3161
 * timestamp authority.
 */
@org.springframework.modulith.ApplicationModule(displayName = "PKI")
package org.yiwang.pki;
