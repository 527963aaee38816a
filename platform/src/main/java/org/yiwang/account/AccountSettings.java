package org.yiwang.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedSignIns consecutive wrong passwords that lock an account
 * @param lockout how long a locked account stays locked (staff may unlock it sooner)
 * @param demoPassword the demo accounts' password, as the README documents it
 */
@ConfigurationProperties("yiwang.account")
record AccountSettings(@DefaultValue("5") int maxFailedSignIns, @DefaultValue("15m") Duration lockout,
		@DefaultValue("Demo@2026yw") String demoPassword) {
}
