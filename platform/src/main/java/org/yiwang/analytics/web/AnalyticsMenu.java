package org.yiwang.analytics.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class AnalyticsMenu {

	@Bean
	MenuItem analyticsMenuItem() {
		return new MenuItem("menu.analytics", "menu.analytics.description", "/analytics", 8,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF));
	}

	@Bean
	MenuItem staffPerformanceMenuItem() {
		return new MenuItem("menu.staffPerformance", "menu.staffPerformance.description", "/analytics/staff", 8,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF));
	}

	@Bean
	MenuItem regulatorAnalyticsMenuItem() {
		return new MenuItem("menu.regulatorAnalytics", "menu.regulatorAnalytics.description", "/analytics/regulator", 8,
				Set.of(Role.REGULATOR));
	}
}
