package org.yiwang.account.web;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class AccountMenu {

	@Bean
	MenuItem profileMenuItem() {
		return new MenuItem("menu.profile", "menu.profile.description", "/account", 90, EnumSet.allOf(Role.class));
	}

	@Bean
	MenuItem accountsMenuItem() {
		return new MenuItem("menu.accounts", "menu.accounts.description", "/admin/accounts", 10,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF));
	}
}
