package org.yiwang.servicedesk;

import java.time.Instant;
import java.util.UUID;

/** A document handed in with a request: its name, size and SHA-256 (the file itself stays in the store). */
public record DocumentView(UUID id, String fileName, long size, String sha256, String uploadedBy, Instant uploadedAt) {
}
