package org.yiwang.venue;

import java.time.Instant;
import java.util.UUID;

/** A booking staff make by hand: the room, why, a title, an optional reference (a trade code) and the times. */
public record NewBooking(UUID room, String purpose, String title, String reference, Instant startsAt, Instant endsAt) {
}
