package org.yiwang.transparency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yiwang.system.ClusterLocks;
import org.yiwang.system.Ticker;

/**
 * Merges waiting facts and signs a tree head every {@code yiwang.transparency.sequence-seconds} (and once at start,
 * so what arrived while the platform was down is merged after a restart). The period is below the maximum merge
 * delay (the settings refuse anything else); a fact still waiting past the delay is logged as an error every run.
 */
@Component
class LogSequencer extends Ticker {

	private static final Logger log = LoggerFactory.getLogger(LogSequencer.class);

	private final TransparencyLog transparency;

	LogSequencer(TransparencyLog transparency, TransparencySettings settings, ClusterLocks locks) {
		super("transparency-sequencer", settings.sequenceSeconds(), locks);
		this.transparency = transparency;
	}

	@Override
	protected void tick() {
		transparency.signTreeHead(false);
		if (transparency.mergeDelayExceeded()) {
			log.error("Facts have waited longer than the maximum merge delay of {} s", transparency.mergeDelaySeconds());
		}
	}
}
