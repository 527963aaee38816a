package org.yiwang.supervision;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks for late complaint steps every {@code yiwang.supervision.overdue-check-seconds} (60 by default, 0 turns it
 * off), and once at start, so steps that fell due while the platform was down are flagged after a restart.
 */
@Component
class OverdueWatch implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OverdueWatch.class);

	private final Complaints complaints;

	private final long seconds;

	private ScheduledExecutorService ticker;

	private volatile boolean running;

	OverdueWatch(Complaints complaints, @Value("${yiwang.supervision.overdue-check-seconds:60}") long seconds) {
		this.complaints = complaints;
		this.seconds = seconds;
	}

	@Override
	public void start() {
		if (seconds > 0) {
			ticker = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread t = new Thread(r, "supervision-overdue");
				t.setDaemon(true);
				return t;
			});
			ticker.scheduleWithFixedDelay(this::run, 0, seconds, TimeUnit.SECONDS);
		}
		running = true;
	}

	private void run() {
		try {
			complaints.flagOverdue();
		}
		catch (RuntimeException e) {
			log.warn("The overdue check failed; it runs again in {} s", seconds, e);
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
