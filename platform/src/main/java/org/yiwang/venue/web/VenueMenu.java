package org.yiwang.venue.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class VenueMenu {

	@Bean
	MenuItem venuesMenuItem() {
		return new MenuItem("menu.venues", "menu.venues.description", "/venues", 9,
				Set.of(Role.CENTER_STAFF, Role.PLATFORM_ADMIN));
	}

	@Bean
	MenuItem venueUtilisationMenuItem() {
		return new MenuItem("menu.venueUtilisation", "menu.venueUtilisation.description", "/venues/utilisation", 9,
				Set.of(Role.CENTER_STAFF, Role.PLATFORM_ADMIN));
	}
}
