package org.yiwang.pki.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class PkiMenu {

	@Bean
	MenuItem trustStoreMenuItem() {
		return new MenuItem("menu.pki", "menu.pki.description", "/admin/pki", 50, Set.of(Role.PLATFORM_ADMIN));
	}

	@Bean
	MenuItem custodiansMenuItem() {
		return new MenuItem("menu.pki.custodians", "menu.pki.custodians.description", "/admin/pki/custodians", 51,
				Set.of(Role.PLATFORM_ADMIN));
	}
}
