package org.yiwang.guarantee;

import java.time.Instant;

import org.yiwang.registry.EntityId;

/**
 * A registered guarantee issuer and the machine account that acts for it over the API.
 *
 * @param clientUsername shown to staff only; empty for everyone else
 */
public record IssuerView(EntityId entity, String name, String creditCode, String clientUsername, Instant registeredAt) {
}
