package org.yiwang.supervision.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert as the regulator's and the operator's pages show it.
 *
 * @param colour GREEN, YELLOW or RED by the time it has been open (CLOSED alerts are GREY)
 */
public record AlertView(UUID id, String rule, String tradeCode, String subject, String region, String category,
		String evidence, String status, Instant raisedAt, String dispatchedBy, Instant dispatchedAt, String instruction,
		String answeredBy, Instant answeredAt, String feedback, String closedBy, Instant closedAt, String conclusion,
		String colour, long ageHours) {
}
