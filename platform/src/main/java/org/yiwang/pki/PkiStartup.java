package org.yiwang.pki;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start: the platform keys exist (made on the first start); with demo data the demo CAs are trusted, without it
 * they are withdrawn, like the demo accounts.
 */
@Component
@Order(20)
class PkiStartup implements ApplicationRunner {

	private final PlatformKeys keys;

	private final DemoAuthorities demo;

	private final KeyCustodians custodians;

	private final boolean demoEnabled;

	PkiStartup(PlatformKeys keys, DemoAuthorities demo, KeyCustodians custodians,
			@Value("${yiwang.demo:true}") boolean demoEnabled) {
		this.keys = keys;
		this.demo = demo;
		this.custodians = custodians;
		this.demoEnabled = demoEnabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		keys.ensureCreated();
		if (demoEnabled) {
			demo.ensureCreated();
			custodians.ensureDemo();
		}
		else {
			demo.withdraw();
		}
	}
}
