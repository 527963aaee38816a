package org.yiwang.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedSignIns consecutive wrong passwords for one username before its sign-in backs off
 * @param backOff the first back-off; each further failure doubles it
 * @param maxBackOff the longest back-off: no stranger can lock a name for longer than this by guessing
 * @param sourceFailures failed sign-ins from one source address (any usernames) before that source is throttled
 * @param sourceWindow the window the source's failures are counted in, and how long a throttled source waits
 * @param demoPassword the demo accounts' password, as the README documents it
 */
@ConfigurationProperties("yiwang.account")
record AccountSettings(@DefaultValue("5") int maxFailedSignIns, @DefaultValue("30s") Duration backOff,
		@DefaultValue("15m") Duration maxBackOff, @DefaultValue("20") int sourceFailures,
		@DefaultValue("15m") Duration sourceWindow, @DefaultValue("Demo@2026yw") String demoPassword) {
}
