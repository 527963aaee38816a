package org.yiwang.account;

import java.time.Instant;
import java.util.UUID;

/** An API token as its owner's administrators see it: its name and first characters, never the secret. */
public record ApiTokenView(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant revokedAt,
		Instant lastUsedAt) {

	public boolean activeAt(Instant now) {
		return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
	}
}
