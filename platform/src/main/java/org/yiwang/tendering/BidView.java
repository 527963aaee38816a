package org.yiwang.tendering;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.TradeCode;

/**
 * A sealed bid as its bidder sees it: the envelope's hashes and size, the certificate that signed it, when the platform
 * received its last byte, and whether it stands (receipted), waits for its receipt, or was withdrawn.
 *
 * @param sealedAt the sealing time the bidder's machine wrote into the envelope (informative; receivedAt counts)
 */
public record BidView(UUID id, SectionId section, TradeCode tradeCode, String bidderName, String sha256, String sm3,
		long size, String signerFingerprint, Instant sealedAt, Instant receivedAt, BidStatus status, Instant receiptedAt,
		Instant withdrawnAt) {
}
