package org.yiwang.servicedesk;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yiwang.system.ClusterLocks;
import org.yiwang.system.Ticker;

/**
 * Escalates open requests one working day before their limit every {@code yiwang.servicedesk.escalation-check-seconds}
 * (60 by default, 0 turns it off), and once at start, so what fell due while the platform was down is escalated.
 */
@Component
class EscalationWatch extends Ticker {

	private final ServiceDesk desk;

	EscalationWatch(ServiceDesk desk, @Value("${yiwang.servicedesk.escalation-check-seconds:60}") long seconds, ClusterLocks locks) {
		super("servicedesk-escalation", seconds, locks);
		this.desk = desk;
	}

	@Override
	protected void tick() {
		desk.escalateDue();
	}
}
