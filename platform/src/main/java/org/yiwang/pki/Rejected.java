package org.yiwang.pki;

import java.time.Instant;

/** Inside the module: a certificate or signature check failed for this reason. Callers get a record or a Refusal. */
final class Rejected extends Exception {

	private final VerificationFailure failure;

	private final Instant revokedAt;

	Rejected(VerificationFailure failure) {
		this(failure, null);
	}

	Rejected(VerificationFailure failure, Instant revokedAt) {
		super(failure.name(), null, false, false);
		this.failure = failure;
		this.revokedAt = revokedAt;
	}

	VerificationFailure failure() {
		return failure;
	}

	Instant revokedAt() {
		return revokedAt;
	}
}
