package org.yiwang.guarantee;

import java.time.Instant;

/** A settlement bank's machine account, allowed to report deposit arrivals. */
public record BankView(String clientUsername, String name, Instant registeredAt) {
}
