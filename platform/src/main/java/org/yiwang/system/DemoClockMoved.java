package org.yiwang.system;

import java.time.Duration;
import java.time.Instant;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;

/** The administrator moved the demo platform clock forward; {@code offset} is its total lead on real time. */
public record DemoClockMoved(Actor actor, Duration by, Duration offset, RegionCode region, Instant occurredAt)
		implements Auditable {

	@Override
	public String action() {
		return "system.demoClock.moved";
	}

	@Override
	public String target() {
		return "clock:platform";
	}
}
