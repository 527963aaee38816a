package org.yiwang.tendering;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Moves sections to opening at their deadlines: every few seconds ({@code yiwang.tendering.opening-check-seconds}, 0
 * turns it off), and once at start, so deadlines passed while the platform was down are handled after a restart.
 */
@Component
class OpeningSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OpeningSchedule.class);

	private final OpeningHall hall;

	private final long seconds;

	private ScheduledExecutorService ticker;

	private volatile boolean running;

	OpeningSchedule(OpeningHall hall, @Value("${yiwang.tendering.opening-check-seconds:5}") long seconds) {
		this.hall = hall;
		this.seconds = seconds;
	}

	@Override
	public void start() {
		if (seconds > 0) {
			ticker = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread t = new Thread(r, "tendering-opening");
				t.setDaemon(true);
				return t;
			});
			ticker.scheduleWithFixedDelay(this::run, 0, seconds, TimeUnit.SECONDS);
		}
		running = true;
	}

	private void run() {
		try {
			hall.openDue();
		}
		catch (RuntimeException e) {
			log.warn("The deadline check failed; it runs again in {} s", seconds, e);
		}
	}

	@Override
	public void stop() {
		if (ticker != null) {
			ticker.shutdownNow();
		}
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
