package org.yiwang.supervision;

import java.time.Instant;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;

/**
 * An alert (预警) was raised by a rule, dispatched by the regulator to a party (the operator or a department),
 * acknowledged, followed up, answered, or closed. One event type for the steps: the audit log records each with its note.
 *
 * @param step RAISED, DISPATCHED, ACKNOWLEDGED, FOLLOWED_UP, ANSWERED or CLOSED
 * @param rule the rule that raised it (see docs/supervision-alerts.md)
 * @param note the evidence (raised), the instruction (dispatched and acknowledged), the follow-up record, the feedback
 *        (answered) or the conclusion (closed)
 */
public record AlertChanged(Actor actor, UUID alert, String step, String rule, String tradeCode, RegionCode region,
		CategoryCode category, String note, Instant occurredAt) implements Auditable {

	@Override
	public String action() {
		return "supervision.alert." + step.toLowerCase(java.util.Locale.ROOT);
	}

	@Override
	public String target() {
		return "alert:" + alert;
	}
}
