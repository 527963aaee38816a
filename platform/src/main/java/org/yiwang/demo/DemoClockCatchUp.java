package org.yiwang.demo;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.system.DemoClock;
import org.yiwang.system.DemoTime;

/**
 * After the past year's tenders ({@link DemoTenderStages}, order 44): if the demo clock still stands behind real time
 * (it started a year back on a fresh database but the tenders were switched off or stopped), it moves to real time,
 * so that everything seeded after it and everyone who signs in works at today's date.
 */
@Component
@Order(45)
@DemoOn
class DemoClockCatchUp implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoClockCatchUp.class);

	private final Clock clock;

	private final DemoTime demoTime;

	DemoClockCatchUp(Clock clock, DemoTime demoTime) {
		this.clock = clock;
		this.demoTime = demoTime;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (clock instanceof DemoClock demo && demo.offset().isNegative()) {
			log.info("The demo clock stands {} behind real time: moving it to real time", demo.offset().negated());
			// a minute past real time: the offset ends above zero, not a few microseconds below it (the clock ticks on)
			DemoActing.startUp().call(() -> demoTime.jumpTo(clock.instant().minus(demo.offset()).plusSeconds(60)));
		}
	}
}
