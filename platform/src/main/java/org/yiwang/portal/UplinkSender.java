package org.yiwang.portal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.yiwang.system.ClusterLocks;

/**
 * Runs the uplink on its own thread every {@code yiwang.portal.uplink.interval} while an endpoint is configured, on one
 * node of a cluster at a time (the holder of the {@code portal-uplink} lock, {@link ClusterLocks}).
 */
@Component
@EnableConfigurationProperties(UplinkSettings.class)
class UplinkSender implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(UplinkSender.class);

	private final NationalUplink uplink;

	private final UplinkSettings settings;

	private static final String JOB = "portal-uplink";

	private final ClusterLocks locks;

	private ScheduledExecutorService scheduler;

	UplinkSender(NationalUplink uplink, UplinkSettings settings, ClusterLocks locks) {
		this.uplink = uplink;
		this.settings = settings;
		this.locks = locks;
	}

	@Override
	public synchronized void start() {
		if (!uplink.enabled()) {
			log.info("National uplink off: yiwang.portal.uplink.endpoint is not set");
			return;
		}
		scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "portal-uplink");
			thread.setDaemon(true);
			return thread;
		});
		long millis = settings.interval().toMillis();
		scheduler.scheduleWithFixedDelay(() -> {
			try {
				if (locks.owns(JOB)) {
					uplink.sendDue();
				}
			}
			catch (RuntimeException e) {
				log.warn("National uplink round failed", e);
			}
		}, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (scheduler != null) {
			scheduler.shutdownNow();
			scheduler = null;
			locks.release(JOB);
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return scheduler != null;
	}
}
