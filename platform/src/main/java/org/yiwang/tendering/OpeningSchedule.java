package org.yiwang.tendering;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yiwang.system.ClusterLocks;
import org.yiwang.system.Ticker;

/**
 * Moves sections to opening at their deadlines: every few seconds ({@code yiwang.tendering.opening-check-seconds}, 0
 * turns it off), and once at start, so deadlines passed while the platform was down are handled after a restart.
 */
@Component
class OpeningSchedule extends Ticker {

	private final OpeningHall hall;

	OpeningSchedule(OpeningHall hall, @Value("${yiwang.tendering.opening-check-seconds:5}") long seconds, ClusterLocks locks) {
		super("tendering-opening", seconds, locks);
		this.hall = hall;
	}

	@Override
	protected void tick() {
		hall.openDue();
	}
}
