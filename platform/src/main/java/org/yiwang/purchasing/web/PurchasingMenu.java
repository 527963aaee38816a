package org.yiwang.purchasing.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class PurchasingMenu {

	@Bean
	MenuItem purchasingReviewMenuItem() {
		return new MenuItem("menu.purchasingPrices", "menu.purchasingPrices.description", "/purchasing/prices", 9,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF));
	}

	@Bean
	MenuItem purchasingRoundsMenuItem() {
		return new MenuItem("menu.purchasingRounds", "menu.purchasingRounds.description", "/purchasing/rounds", 9,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF));
	}

	@Bean
	MenuItem purchasingMonitoringMenuItem() {
		return new MenuItem("menu.purchasingMonitoring", "menu.purchasingMonitoring.description",
				"/purchasing/monitoring", 9, Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF, Role.REGULATOR));
	}

	@Bean
	MenuItem purchasingSupplierMenuItem() {
		return new MenuItem("menu.purchasingSupplier", "menu.purchasingSupplier.description", "/purchasing/supplier", 9,
				Set.of(Role.BIDDER));
	}

	@Bean
	MenuItem purchasingHospitalMenuItem() {
		return new MenuItem("menu.purchasingHospital", "menu.purchasingHospital.description", "/purchasing/hospital", 9,
				Set.of(Role.TENDERER));
	}
}
