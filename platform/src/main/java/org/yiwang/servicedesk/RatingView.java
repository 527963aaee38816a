package org.yiwang.servicedesk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record RatingView(UUID request, SatisfactionLevel level, List<RatingReason> reasons, String comment, String staff,
		String ratedBy, Instant ratedAt) {
}
