package org.yiwang.evaluation;

import java.time.Instant;
import java.util.UUID;

/** A person the tenderer asked the draw to avoid for a section; the ID number is masked. */
public record DrawAvoidance(UUID id, String name, String maskedIdNumber, String reason, String addedBy,
		Instant addedAt) {
}
