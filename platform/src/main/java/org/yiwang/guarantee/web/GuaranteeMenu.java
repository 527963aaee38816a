package org.yiwang.guarantee.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class GuaranteeMenu {

	@Bean
	MenuItem requirementsMenuItem() {
		return new MenuItem("menu.requirements", "menu.requirements.description", "/guarantees/requirements", 7,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF));
	}

	@Bean
	MenuItem myGuaranteesMenuItem() {
		return new MenuItem("menu.myGuarantees", "menu.myGuarantees.description", "/guarantees/my", 7, Set.of(Role.BIDDER));
	}

	@Bean
	MenuItem guaranteeFiguresMenuItem() {
		return new MenuItem("menu.guaranteeFigures", "menu.guaranteeFigures.description", "/guarantees/figures", 7,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF));
	}
}
