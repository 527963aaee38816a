package org.yiwang.intermediary;

import java.time.Instant;
import java.util.UUID;

/** An owner's rating of one delivered service (1–5 each). */
public record RatingView(UUID request, String tradeCode, String title, String ownerName, int quality, int timeliness,
		int attitude, String comment, Instant ratedAt) {
}
