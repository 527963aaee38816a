package org.yiwang.audit.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class AuditMenu {

	@Bean
	MenuItem auditLogMenuItem() {
		return new MenuItem("menu.audit", "menu.audit.description", "/admin/audit", 40,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF, Role.REGULATOR));
	}
}
