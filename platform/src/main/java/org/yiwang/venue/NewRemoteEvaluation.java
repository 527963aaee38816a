package org.yiwang.venue;

import java.time.Instant;
import java.util.UUID;

/**
 * A remote evaluation (远程异地评标): the committee split between a main and a secondary evaluation room in another
 * district, both booked for the same times together or not at all.
 */
public record NewRemoteEvaluation(UUID mainRoom, UUID secondaryRoom, String title, String reference, Instant startsAt,
		Instant endsAt) {
}
