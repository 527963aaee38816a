package org.yiwang.supervision.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class SupervisionMenu {

	@Bean
	MenuItem supervisionMenuItem() {
		return new MenuItem("menu.supervision", "menu.supervision.description", "/supervision", 4,
				Set.of(Role.REGULATOR));
	}

	@Bean
	MenuItem complaintsMenuItem() {
		return new MenuItem("menu.complaints", "menu.complaints.description", "/complaints", 40, Set.of(Role.BIDDER));
	}
}
