package org.yiwang.demo.ca;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.demo.DemoOn;
import org.yiwang.pki.KeyCustodians;

/**
 * On start in demo mode, before anything is sealed: the demo CAs are trusted and the demo staff accounts hold opening
 * key shares with certificates from the SM2 demo CA (pki's platform keys are made at order 20).
 */
@Component
@DemoOn
@Order(21)
class DemoCaStartup implements ApplicationRunner {

	private final DemoAuthorities authorities;

	private final KeyCustodians custodians;

	DemoCaStartup(DemoAuthorities authorities, KeyCustodians custodians) {
		this.authorities = authorities;
		this.custodians = custodians;
	}

	@Override
	public void run(ApplicationArguments args) {
		authorities.ensureCreated();
		custodians.ensureDemo(DemoAuthorities.SM2_CA);
	}
}
