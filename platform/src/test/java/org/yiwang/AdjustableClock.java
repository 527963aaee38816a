package org.yiwang;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The platform's one clock, for tests that live through a procedure's days (deadlines, publicity, refunds with
 * interest): real time plus an offset the test moves forward. Import {@link Config} into a {@code @SpringBootTest}.
 */
public final class AdjustableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	public void advance(Duration by) {
		offset = offset.plus(by);
	}

	/** Moves the clock so that it reads {@code at} now (never backwards). */
	public void advanceTo(Instant at) {
		Duration gap = Duration.between(instant(), at);
		if (!gap.isNegative()) {
			advance(gap);
		}
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		AdjustableClock self = this;
		return new Clock() {
			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return self.withZone(other);
			}

			@Override
			public Instant instant() {
				return self.instant();
			}
		};
	}

	@Override
	public Instant instant() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)).instant().plus(offset);
	}

	@TestConfiguration
	public static class Config {

		@Bean
		@Primary
		AdjustableClock adjustableClock() {
			return new AdjustableClock();
		}
	}
}
