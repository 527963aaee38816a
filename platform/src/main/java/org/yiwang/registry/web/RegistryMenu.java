package org.yiwang.registry.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class RegistryMenu {

	@Bean
	MenuItem myEntityMenuItem() {
		return new MenuItem("menu.myEntity", "menu.myEntity.description", "/registry/my", 5,
				Set.of(Role.TENDERER, Role.AGENCY, Role.BIDDER, Role.GUARANTEE_ISSUER, Role.INTERMEDIARY));
	}

	@Bean
	MenuItem reviewMenuItem() {
		return new MenuItem("menu.review", "menu.review.description", "/registry/review", 5,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF));
	}

	@Bean
	MenuItem entitiesMenuItem() {
		return new MenuItem("menu.entities", "menu.entities.description", "/registry/entities", 6,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF, Role.REGULATOR));
	}
}
