package org.yiwang.procurement.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class ProcurementMenu {

	@Bean
	MenuItem procurementReviewMenuItem() {
		return new MenuItem("menu.procurementReview", "menu.procurementReview.description", "/procurement/review", 9,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF));
	}

	@Bean
	MenuItem myProcurementMenuItem() {
		return new MenuItem("menu.myProcurement", "menu.myProcurement.description", "/procurement/mine", 9,
				Set.of(Role.TENDERER, Role.AGENCY, Role.BIDDER));
	}
}
