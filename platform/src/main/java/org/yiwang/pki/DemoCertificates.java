package org.yiwang.pki;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.yiwang.kernel.CreditCode;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * Demo certificates for newcomers, so they can sign without buying a certificate: with {@code yiwang.demo=true}
 * only, and only for a signed-in account. The registry hands them to an approved entity for its own credit code.
 */
@Service
public class DemoCertificates {

	private final DemoAuthorities authorities;

	private final boolean demo;

	DemoCertificates(DemoAuthorities authorities, @Value("${yiwang.demo:true}") boolean demo) {
		this.authorities = authorities;
		this.demo = demo;
	}

	public boolean available() {
		return demo;
	}

	public DemoCredentials issue(String entityName, CreditCode creditCode, KeyAlgorithm algorithm) {
		Actors.required();
		if (!demo) {
			throw Refusal.forbidden("pki.demo.off");
		}
		if (entityName == null || entityName.isBlank() || entityName.length() > 100) {
			throw Refusal.invalid("entityName", "pki.demo.name");
		}
		return authorities.credentials(entityName.strip(), creditCode.value(), algorithm);
	}
}
