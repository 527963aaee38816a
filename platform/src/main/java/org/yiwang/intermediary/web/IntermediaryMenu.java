package org.yiwang.intermediary.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class IntermediaryMenu {

	@Bean
	MenuItem myIntermediaryMenuItem() {
		return new MenuItem("menu.intermediaryMine", "menu.intermediaryMine.description", "/intermediary/mine", 9,
				Set.of(Role.TENDERER, Role.INTERMEDIARY));
	}

	@Bean
	MenuItem directSelectionsMenuItem() {
		return new MenuItem("menu.directSelections", "menu.directSelections.description",
				"/intermediary/direct-selections", 9, Set.of(Role.REGULATOR, Role.CENTER_STAFF, Role.PLATFORM_ADMIN));
	}

	@Bean
	MenuItem serviceTypesMenuItem() {
		return new MenuItem("menu.serviceTypes", "menu.serviceTypes.description", "/intermediary/service-types", 9,
				Set.of(Role.CENTER_STAFF, Role.PLATFORM_ADMIN));
	}
}
