package org.yiwang.servicedesk.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class ServiceDeskMenu {

	@Bean
	MenuItem serviceDeskMenuItem() {
		return new MenuItem("menu.serviceDesk", "menu.serviceDesk.description", "/service", 10,
				Set.of(Role.TENDERER, Role.AGENCY, Role.BIDDER, Role.GUARANTEE_ISSUER, Role.INTERMEDIARY, Role.EXPERT,
						Role.CENTER_STAFF, Role.PLATFORM_ADMIN));
	}

	@Bean
	MenuItem servicePerformanceMenuItem() {
		return new MenuItem("menu.servicePerformance", "menu.servicePerformance.description", "/service/performance", 10,
				Set.of(Role.CENTER_STAFF, Role.PLATFORM_ADMIN));
	}
}
