package org.yiwang.portal.web;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class PortalMenu {

	@Bean
	MenuItem savedSearchesMenuItem() {
		return new MenuItem("menu.savedSearches", "menu.savedSearches.description", "/portal/saved-searches", 8,
				EnumSet.allOf(Role.class));
	}

	@Bean
	MenuItem portalIndexMenuItem() {
		return new MenuItem("menu.portalIndex", "menu.portalIndex.description", "/admin/portal/index", 9,
				Set.of(Role.PLATFORM_ADMIN));
	}

	@Bean
	MenuItem portalUplinkMenuItem() {
		return new MenuItem("menu.portalUplink", "menu.portalUplink.description", "/admin/portal/uplink", 9,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF, Role.REGULATOR));
	}
}
