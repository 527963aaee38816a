package org.yiwang.supervision;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yiwang.system.ClusterLocks;
import org.yiwang.system.Ticker;

/**
 * Looks for late complaint steps every {@code yiwang.supervision.overdue-check-seconds} (60 by default, 0 turns it
 * off), and once at start, so steps that fell due while the platform was down are flagged after a restart.
 */
@Component
class OverdueWatch extends Ticker {

	private final Complaints complaints;

	OverdueWatch(Complaints complaints, @Value("${yiwang.supervision.overdue-check-seconds:60}") long seconds, ClusterLocks locks) {
		super("supervision-overdue", seconds, locks);
		this.complaints = complaints;
	}

	@Override
	protected void tick() {
		complaints.flagOverdue();
	}
}
