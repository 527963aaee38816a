package org.yiwang.pki;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.yiwang.kernel.CreditCode;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * Where the registry and the expert pool ask for a trial certificate: through whatever {@link TrialCertificates} the
 * application has (the demo's stand-in CA), and a refusal when it has none (production, {@code yiwang.demo=false}).
 * Production code depends on this, never on the demo module.
 */
@Service
public class TrialCertificateDesk {

	private final ObjectProvider<TrialCertificates> issuers;

	TrialCertificateDesk(ObjectProvider<TrialCertificates> issuers) {
		this.issuers = issuers;
	}

	public boolean available() {
		return issuers.getIfAvailable() != null;
	}

	/** Only for a signed-in account, and only when a stand-in CA is present. */
	public IssuedCredentials issue(String entityName, CreditCode creditCode, KeyAlgorithm algorithm) {
		Actors.required();
		TrialCertificates issuer = issuers.getIfAvailable();
		if (issuer == null) {
			throw Refusal.forbidden("pki.demo.off");
		}
		if (entityName == null || entityName.isBlank() || entityName.length() > 100) {
			throw Refusal.invalid("entityName", "pki.demo.name");
		}
		return issuer.issue(entityName.strip(), creditCode, algorithm);
	}
}
