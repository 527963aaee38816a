package org.yiwang.pki;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start: the platform keys exist (made on the first start); without demo data the demo CAs (made and trusted by the
 * demo module's stand-in CA) are withdrawn, like the demo accounts.
 */
@Component
@Order(20)
class PkiStartup implements ApplicationRunner {

	private final PlatformKeys keys;

	private final CertificateAuthorityKeys authorityKeys;

	private final boolean demoEnabled;

	PkiStartup(PlatformKeys keys, CertificateAuthorityKeys authorityKeys, @Value("${yiwang.demo:true}") boolean demoEnabled) {
		this.keys = keys;
		this.authorityKeys = authorityKeys;
		this.demoEnabled = demoEnabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		keys.ensureCreated();
		if (!demoEnabled) {
			authorityKeys.withdrawAll();
		}
	}
}
