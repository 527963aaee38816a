package org.yiwang.guarantee;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Money;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;

/**
 * A released guarantee letter, as its issuer fetches it and staff see it.
 *
 * @param acknowledgedAt when the issuer's system acknowledged it; empty while it waits on the issuer's feed
 */
public record ReleaseView(UUID id, String letterNumber, TradeCode tradeCode, EntityId issuer, EntityId applicant,
		Money amount, ReleaseReason reason, Instant releasedAt, Instant acknowledgedAt) {
}
