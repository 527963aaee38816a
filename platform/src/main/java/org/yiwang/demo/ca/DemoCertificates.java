package org.yiwang.demo.ca;

import org.springframework.stereotype.Component;
import org.yiwang.demo.DemoOn;
import org.yiwang.kernel.CreditCode;
import org.yiwang.pki.IssuedCredentials;
import org.yiwang.pki.KeyAlgorithm;
import org.yiwang.pki.TrialCertificates;

/**
 * The demo CAs as pki's {@link TrialCertificates}: the registry hands an approved entity a certificate for its own
 * credit code, the expert pool an expert one for the employer's. pki's {@code TrialCertificateDesk} checks the caller.
 */
@Component
@DemoOn
class DemoCertificates implements TrialCertificates {

	private final DemoAuthorities authorities;

	DemoCertificates(DemoAuthorities authorities) {
		this.authorities = authorities;
	}

	@Override
	public IssuedCredentials issue(String entityName, CreditCode creditCode, KeyAlgorithm algorithm) {
		return authorities.credentials(entityName, creditCode.value(), algorithm);
	}
}
