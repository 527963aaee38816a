package org.yiwang.procurement;

import java.time.Instant;
import java.util.UUID;

/** An objection to a single-source notice and its answer. */
public record ObjectionView(UUID id, UUID procurement, String objectorName, String text, Instant raisedAt,
		String status, String answer, Instant answeredAt) {

	public boolean open() {
		return "OPEN".equals(status);
	}
}
