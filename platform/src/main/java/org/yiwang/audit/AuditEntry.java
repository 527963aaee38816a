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
		return seq + "\n" + canonicalBody() + "\n" + previousHash + canonicalTail();
	}

	/** What {@link #canonical} holds between the sequence number and the previous hash (the head gives those two). */
	String canonicalBody() {
		return String.join("\n", occurredAt.toString(), actor, role, actorRegion == null ? "" : actorRegion, region, action,
				target, payloadHash);
	}

	/** What {@link #canonical} holds after the previous hash. */
	String canonicalTail() {
		return supportedBy == null ? "" : "\nsupportedBy:" + supportedBy;
	}
}
