package org.yiwang.demo.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.demo.DemoOn;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

/** The administrator's menu entry to the demo clock. */
@Configuration(proxyBeanMethods = false)
@DemoOn
class DemoClockMenu {

	@Bean
	MenuItem demoClockMenuItem() {
		return new MenuItem("menu.demoClock", "menu.demoClock.description", "/admin/demo-clock", 90,
				Set.of(Role.PLATFORM_ADMIN));
	}
}
