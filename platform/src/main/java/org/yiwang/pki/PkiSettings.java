package org.yiwang.pki;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keySecret the secret the key-encryption key is derived from ({@code YIWANG_PKI_KEY_SECRET}); when unset, a
 * random one is kept in {@code keySecretFile}
 */
@ConfigurationProperties("yiwang.pki")
record PkiSettings(String keySecret, @DefaultValue("data/secrets/pki-key-secret") Path keySecretFile) {
}
