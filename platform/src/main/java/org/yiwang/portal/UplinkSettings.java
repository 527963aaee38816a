package org.yiwang.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param endpoint the national platform's receiving endpoint (the dataset code is appended as the last path segment);
 * unset, nothing is sent
 * @param interval how often the sender looks for records due
 * @param retryPause the pause after the first failure; it doubles at each further one
 * @param localReceiver whether this application answers as the national platform itself (demo and tests)
 */
@ConfigurationProperties("yiwang.portal.uplink")
record UplinkSettings(String endpoint, @DefaultValue("30s") Duration interval, @DefaultValue("30s") Duration retryPause,
		@DefaultValue("false") boolean localReceiver) {
}
