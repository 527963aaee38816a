package org.yiwang.demo;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The {@code demo} health contributor: DOWN when a demo runner failed at start, naming it (details for the administrator). */
@Component("demoHealthIndicator")
@DemoOn
class DemoHealth implements HealthIndicator {

	private final DemoSeeding seeding;

	DemoHealth(DemoSeeding seeding) {
		this.seeding = seeding;
	}

	@Override
	public Health health() {
		var failures = seeding.failures();
		Health.Builder health = failures.isEmpty() ? Health.up() : Health.down();
		failures.forEach(failure -> health.withDetail(failure.runner(), failure.error()));
		return health.withDetail("runners", seeding.outcomes().size()).build();
	}
}
