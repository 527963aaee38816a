package org.yiwang.tendering;

import java.time.Instant;
import java.util.UUID;

/**
 * A tender document as stored: its name, size and both hashes (SHA-256 names the blob, SM3 recorded beside it), and
 * the tenderer's or agency's signature over its exact bytes once given.
 *
 * @param signerEntityName the tenderer or agency whose bound certificate signed it; null while unsigned
 * @param signerSubject the subject of the certificate the signature was checked under
 * @param signatureAlgorithm e.g. {@code SM3withSM2}
 */
public record DocumentView(UUID id, SectionId section, String fileName, String contentType, long size, String sha256,
		String sm3, String uploadedBy, Instant uploadedAt, String signerEntityName, String signerSubject,
		String signerFingerprint, String signatureAlgorithm, Instant signedAt) {

	public boolean signed() {
		return signedAt != null;
	}
}
