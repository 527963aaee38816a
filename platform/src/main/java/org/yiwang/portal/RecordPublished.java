package org.yiwang.portal;

import java.time.Instant;
import java.util.UUID;

/**
 * The portal took a public record in (once per record): its id, type, and the SHA-256 (lower-case hex) of the exact
 * text the platform signed ({@link PublicRecord#signedContent()}, UTF-8), which anyone can fetch from
 * {@code /notices/{id}/signed-content}. The transparency log logs it.
 */
public record RecordPublished(UUID id, RecordType type, String tradeCode, String signedContentSha256,
		Instant publishedAt) {
}
