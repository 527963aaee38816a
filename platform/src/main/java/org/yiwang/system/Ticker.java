package org.yiwang.system;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A check that runs every few seconds on a thread of its own, and once at start (so what fell due while the platform
 * was down is handled after a restart); a zero period turns it off. A failed run is logged and the next one tries again.
 * Subclasses are the module's beans: they name the thread and say what one run does.
 * <p>
 * Across several nodes on one database the check runs on one node only: a run first asks {@link ClusterLocks} whether
 * this node owns the job (named like the thread); the node that holds its advisory lock runs it, the others skip the
 * run. When the holder dies its database session ends with its lock, and another node takes the job at its next tick,
 * so a job is never away for more than one period plus the time the database needs to notice the dead session.
 */
public abstract class Ticker implements SmartLifecycle {

	private final Logger log = LoggerFactory.getLogger(getClass());

	private final String thread;

	private final Duration every;

	private final Duration initialDelay;

	private final ClusterLocks locks;

	private ScheduledExecutorService ticker;

	private volatile boolean running;

	protected Ticker(String thread, long seconds, ClusterLocks locks) {
		this(thread, Duration.ofSeconds(seconds), Duration.ZERO, locks);
	}

	protected Ticker(String thread, Duration every, Duration initialDelay, ClusterLocks locks) {
		this.thread = thread;
		this.every = every;
		this.initialDelay = initialDelay;
		this.locks = locks;
	}

	/** One run of the check. */
	protected abstract void tick();

	@Override
	public void start() {
		if (!every.isZero() && !every.isNegative()) {
			ticker = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread t = new Thread(r, thread);
				t.setDaemon(true);
				return t;
			});
			ticker.scheduleWithFixedDelay(this::run, initialDelay.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
		}
		running = true;
	}

	private void run() {
		try {
			if (locks.owns(thread)) {
				tick();
			}
		}
		catch (RuntimeException e) {
			log.warn("{} failed; it runs again in {}", thread, every, e);
		}
	}

	@Override
	public void stop() {
		if (ticker != null) {
			ticker.shutdownNow();
			try {
				// The lock goes after the run in progress ends, so no other node starts the job while this one runs it.
				ticker.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			locks.release(thread);
		}
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
