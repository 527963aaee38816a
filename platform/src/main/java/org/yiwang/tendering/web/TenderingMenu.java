package org.yiwang.tendering.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class TenderingMenu {

	@Bean
	MenuItem tendersMenuItem() {
		return new MenuItem("menu.tenders", "menu.tenders.description", "/tenders", 8, Set.of(Role.PLATFORM_ADMIN,
				Role.CENTER_STAFF, Role.REGULATOR, Role.TENDERER, Role.AGENCY, Role.BIDDER));
	}

	@Bean
	MenuItem newTenderMenuItem() {
		return new MenuItem("menu.newTender", "menu.newTender.description", "/tenders/new", 9,
				Set.of(Role.TENDERER, Role.AGENCY));
	}
}
