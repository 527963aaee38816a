package org.yiwang.pki;

/**
 * A demo certificate and its private key, both PEM (the key PKCS#8), issued by a demo CA. Only with demo data on:
 * a real entity gets its key from a real CA and never through the platform.
 */
public record DemoCredentials(String certificatePem, String privateKeyPem, CertificateView certificate) {
}
