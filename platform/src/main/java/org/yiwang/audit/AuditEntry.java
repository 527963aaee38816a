package org.yiwang.audit;

import java.time.Instant;

/**
 * One entry of the audit log, as stored.
 *
 * @param supportedBy the staff member who acted for {@code actor} under support access; null when the actor acted
 */
public record AuditEntry(long seq, Instant occurredAt, String actor, String role, String actorRegion, String region,
		String action, String target, String payload, String payloadHash, String previousHash, String hash,
		String supportedBy) {

	/**
	 * The text the entry's hash is computed over; any change to a field changes it. The supporting staff member is
	 * appended only when there is one, so entries written before the field existed keep their hashes.
	 */
	String canonical() {
		String fields = String.join("\n", Long.toString(seq), occurredAt.toString(), actor, role,
				actorRegion == null ? "" : actorRegion, region, action, target, payloadHash, previousHash);
		return supportedBy == null ? fields : fields + "\nsupportedBy:" + supportedBy;
	}
}
