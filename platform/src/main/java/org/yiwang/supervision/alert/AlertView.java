package org.yiwang.supervision.alert;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert as the regulator's and the operator's pages show it.
 *
 * @param colour GREEN, YELLOW or RED by the time it has been open (CLOSED alerts are GREY)
 * @param dispatchedTo the party it was dispatched to: {@code OPERATOR} or a {@code Department}'s code; null before
 *        dispatch (and for alerts dispatched before parties were recorded, which went to the operator)
 */
public record AlertView(UUID id, String rule, String tradeCode, String subject, String region, String category,
		String evidence, String status, Instant raisedAt, String dispatchedBy, Instant dispatchedAt, String instruction,
		String answeredBy, Instant answeredAt, String feedback, String closedBy, Instant closedAt, String conclusion,
		String colour, long ageHours, String dispatchedTo, String acknowledgedBy, Instant acknowledgedAt) {
}
