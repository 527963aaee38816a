package org.yiwang.evaluation.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class ExpertMenu {

	@Bean
	MenuItem expertPoolMenuItem() {
		return new MenuItem("menu.experts", "menu.experts.description", "/experts", 7,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF, Role.REGULATOR));
	}

	@Bean
	MenuItem expertDrawsMenuItem() {
		return new MenuItem("menu.draws", "menu.draws.description", "/draws", 7,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF, Role.REGULATOR));
	}

	@Bean
	MenuItem expertWorkspaceMenuItem() {
		return new MenuItem("menu.expertMe", "menu.expertMe.description", "/experts/me", 1, Set.of(Role.EXPERT));
	}
}
