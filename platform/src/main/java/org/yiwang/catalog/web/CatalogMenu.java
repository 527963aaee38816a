package org.yiwang.catalog.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class CatalogMenu {

	@Bean
	MenuItem categoriesMenuItem() {
		return new MenuItem("menu.categories", "menu.categories.description", "/admin/categories", 20,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF, Role.REGULATOR));
	}

	@Bean
	MenuItem calendarMenuItem() {
		return new MenuItem("menu.calendar", "menu.calendar.description", "/admin/calendar", 25,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF, Role.REGULATOR));
	}

	@Bean
	MenuItem regionsMenuItem() {
		return new MenuItem("menu.regions", "menu.regions.description", "/admin/regions", 30,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF, Role.REGULATOR));
	}
}
