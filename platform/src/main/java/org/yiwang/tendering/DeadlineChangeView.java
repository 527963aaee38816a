package org.yiwang.tendering;

import java.time.Instant;

/** One move of a section's bid deadline and why: publication, an amendment, an objection's pause. */
public record DeadlineChangeView(Instant previous, Instant deadline, String reason, String changedBy, Instant changedAt) {
}
