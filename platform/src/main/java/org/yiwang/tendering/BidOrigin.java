package org.yiwang.tendering;

import java.util.UUID;

import org.yiwang.registry.EntityId;

/**
 * Where an opened bid came from, for the supervision rules that look for bids sent from one place: the IP address the
 * platform received it from (after the trusted reverse proxy's {@code X-Forwarded-For}, see
 * {@code yiwang.proxy.trusted}) and the certificate that signed its envelope.
 */
public record BidOrigin(UUID bid, EntityId bidder, String bidderName, String sourceIp, String signerFingerprint) {
}
