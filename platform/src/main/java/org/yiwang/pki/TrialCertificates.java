package org.yiwang.pki;

import org.yiwang.kernel.CreditCode;

/**
 * Certificates for newcomers who have none yet, so they can sign without buying one: offered by a stand-in CA (the
 * demo module implements this) and absent in production, where {@link TrialCertificateDesk#available()}
 * says no. The desk checks the
 * caller (a signed-in account) and the entity name before it asks.
 */
public interface TrialCertificates {

	/** A fresh key pair and a signing certificate for the entity, from the stand-in CA that issues this algorithm. */
	IssuedCredentials issue(String entityName, CreditCode creditCode, KeyAlgorithm algorithm);
}
