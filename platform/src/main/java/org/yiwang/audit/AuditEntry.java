package org.yiwang.audit;

import java.time.Instant;

/** One entry of the audit log, as stored. */
public record AuditEntry(long seq, Instant occurredAt, String actor, String role, String actorRegion, String region,
		String action, String target, String payload, String payloadHash, String previousHash, String hash) {

	/** The text the entry's hash is computed over; any change to a field changes it. */
	String canonical() {
		return String.join("\n", Long.toString(seq), occurredAt.toString(), actor, role,
				actorRegion == null ? "" : actorRegion, region, action, target, payloadHash, previousHash);
	}
}
