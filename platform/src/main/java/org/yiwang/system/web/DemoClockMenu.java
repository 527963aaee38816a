package org.yiwang.system.web;

import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "yiwang.demo", havingValue = "true", matchIfMissing = true)
class DemoClockMenu {

	@Bean
	MenuItem demoClockMenuItem() {
		return new MenuItem("menu.demoClock", "menu.demoClock.description", "/admin/demo-clock", 90,
				Set.of(Role.PLATFORM_ADMIN));
	}
}
