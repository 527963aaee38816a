package org.yiwang.procurement;

import java.time.Instant;
import java.util.UUID;

/**
 * What a supplier gets back for an offer it sealed itself: the hashes the platform recorded at submission (the offer is
 * checked against them when it is opened) and the platform's signed receipt (a transparency-log leaf, JSON as the bid
 * tool verifies it with {@code bidtool verify-receipt}).
 *
 * @param stage {@code first} for a request for quotations' quote, {@code final} for a final offer
 */
public record OfferReceipt(UUID procurement, String stage, String sha256, String sm3, long size,
		String signerFingerprint, Instant receivedAt, byte[] receipt) {
}
