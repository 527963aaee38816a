package org.yiwang.system;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A check that runs every few seconds on a thread of its own, and once at start (so what fell due while the platform
 * was down is handled after a restart); 0 seconds turns it off. A failed run is logged and the next one tries again.
 * Subclasses are the module's beans: they name the thread and say what one run does.
 */
public abstract class Ticker implements SmartLifecycle {

	private final Logger log = LoggerFactory.getLogger(getClass());

	private final String thread;

	private final long seconds;

	private ScheduledExecutorService ticker;

	private volatile boolean running;

	protected Ticker(String thread, long seconds) {
		this.thread = thread;
		this.seconds = seconds;
	}

	/** One run of the check. */
	protected abstract void tick();

	@Override
	public void start() {
		if (seconds > 0) {
			ticker = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread t = new Thread(r, thread);
				t.setDaemon(true);
				return t;
			});
			ticker.scheduleWithFixedDelay(this::run, 0, seconds, TimeUnit.SECONDS);
		}
		running = true;
	}

	private void run() {
		try {
			tick();
		}
		catch (RuntimeException e) {
			log.warn("{} failed; it runs again in {} s", thread, seconds, e);
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
