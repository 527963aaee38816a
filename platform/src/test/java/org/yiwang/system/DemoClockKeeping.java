package org.yiwang.system;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For a test clock that stands in for the platform's ({@code AdjustableClock}): kept in {@code system.demo_clock} as the
 * platform's demo clock is, so its moves survive a restart and tests of that see them.
 */
public final class DemoClockKeeping {

	private DemoClockKeeping() {
	}

	public static <C extends DemoClock> C kept(JdbcClient jdbc, C clock) {
		new DemoClockStore(jdbc).attach(clock);
		return clock;
	}
}
