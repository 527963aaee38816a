package org.yiwang.evaluation.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.kernel.Role;
import org.yiwang.system.MenuItem;

@Configuration(proxyBeanMethods = false)
class EvaluationMenu {

	@Bean
	MenuItem evaluationCasesMenuItem() {
		return new MenuItem("menu.evaluationCases", "menu.evaluationCases.description", "/evaluation/cases", 9,
				Set.of(Role.PLATFORM_ADMIN, Role.CENTER_STAFF, Role.REGULATOR, Role.EXPERT, Role.TENDERER));
	}

	@Bean
	MenuItem evaluationClarificationsMenuItem() {
		return new MenuItem("menu.evaluationClarifications", "menu.evaluationClarifications.description",
				"/evaluation/clarifications", 9, Set.of(Role.BIDDER));
	}
}
