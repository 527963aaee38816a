package org.yiwang.tendering;

import java.time.Instant;
import java.util.UUID;

/** A tender document as stored: its name, size and both hashes (SHA-256 names the blob, SM3 recorded beside it). */
public record DocumentView(UUID id, SectionId section, String fileName, String contentType, long size, String sha256,
		String sm3, String uploadedBy, Instant uploadedAt) {
}
