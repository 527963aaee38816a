package org.yiwang.supervision.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class SupervisionScreensMenu {

	@Bean
	MenuItem screeningMenuItem() {
		return new MenuItem("menu.supervisionScreening", "menu.supervisionScreening.description", "/supervision/screenings",
				9, Set.of(Role.REGULATOR));
	}

	@Bean
	MenuItem alertsMenuItem() {
		return new MenuItem("menu.supervisionAlerts", "menu.supervisionAlerts.description", "/supervision/alerts", 9,
				Set.of(Role.REGULATOR, Role.CENTER_STAFF));
	}

	@Bean
	MenuItem redFlagsMenuItem() {
		return new MenuItem("menu.supervisionRedFlags", "menu.supervisionRedFlags.description", "/supervision/red-flags", 9,
				Set.of(Role.REGULATOR));
	}
}
