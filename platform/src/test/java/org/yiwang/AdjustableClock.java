package org.yiwang;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.system.DemoClock;
import org.yiwang.system.DemoClockKeeping;

/**
 * The platform's one clock, for tests that live through a procedure's days (deadlines, publicity, refunds with
 * interest): the demo clock (real time in microseconds plus an offset moved forward only), a context of its own so
 * that moving it moves no other test's time. Import {@link Config} into a {@code @SpringBootTest}.
 */
public final class AdjustableClock extends DemoClock {

	public AdjustableClock() {
		super(Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)));
	}

	/** Moves the clock so that it reads {@code at} now (never backwards). */
	public void advanceTo(Instant at) {
		Duration gap = Duration.between(instant(), at);
		if (!gap.isNegative() && !gap.isZero()) {
			advance(gap);
		}
	}

	@TestConfiguration
	public static class Config {

		/** Kept in the database as the platform's demo clock is (DemoClockTests reads it back as a restart would). */
		@Bean
		@Primary
		AdjustableClock adjustableClock(JdbcClient jdbc) {
			return DemoClockKeeping.kept(jdbc, new AdjustableClock());
		}
	}
}
