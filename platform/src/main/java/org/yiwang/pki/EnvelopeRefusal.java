package org.yiwang.pki;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.yiwang.system.Refusal;

/**
 * A sealed bid envelope that {@link Envelopes#inspect} does not accept, with the specific reason. The caller audits
 * it as it needs and answers with {@link #toRefusal()} (400, field {@code envelope}, the reason's message).
 */
public class EnvelopeRefusal extends RuntimeException {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final EnvelopeFailure failure;

	private final Instant revokedAt;

	EnvelopeRefusal(EnvelopeFailure failure, String detail, Instant revokedAt) {
		super(failure + ": " + detail, null, false, false);
		this.failure = failure;
		this.revokedAt = revokedAt;
	}

	public EnvelopeFailure failure() {
		return failure;
	}

	/** The revocation date when the failure is {@link EnvelopeFailure#SIGNER_REVOKED}. */
	public Instant revokedAt() {
		return revokedAt;
	}

	public Refusal toRefusal() {
		return Refusal.invalid("envelope", failure.messageKey(), revokedAt == null ? "" : SHOWN.format(revokedAt));
	}
}
