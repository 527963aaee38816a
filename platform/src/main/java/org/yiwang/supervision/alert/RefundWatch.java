package org.yiwang.supervision.alert;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yiwang.system.ClusterLocks;
import org.yiwang.system.Ticker;

/**
 * Looks for deposit refunds past their due day on the complaints' watch period
 * ({@code yiwang.supervision.overdue-check-seconds}, 60 by default, 0 turns it off), and once at start.
 */
@Component
class RefundWatch extends Ticker {

	private final RefundRules refunds;

	RefundWatch(RefundRules refunds, @Value("${yiwang.supervision.overdue-check-seconds:60}") long seconds, ClusterLocks locks) {
		super("supervision-refunds", seconds, locks);
		this.refunds = refunds;
	}

	@Override
	protected void tick() {
		refunds.flagOverdue();
	}
}
