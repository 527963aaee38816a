package org.yiwang.supervision.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * Screening and alerts: only regulators screen CSVs and dispatch or close alerts (the operator holds no supervisory
 * power); the party an alert is dispatched to (the operator's staff, or regulators of the department in charge)
 * reads it, acknowledges it, keeps follow-up records and answers. The module checks competence (region
 * and industry) on every alert.
 */
@Component
class SupervisionScreensAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/supervision/screenings", "/supervision/red-flags").hasRole("REGULATOR")
			.requestMatchers(POST, "/supervision/screenings", "/api/supervision/screenings").hasRole("REGULATOR")
			// read-only JSON for regulators' systems; the services narrow to the regulator's regions and industries
			.requestMatchers(GET, "/api/supervision/workspace", "/api/supervision/complaints",
					"/api/supervision/complaints/*", "/api/supervision/alerts", "/api/supervision/alerts/*")
			.hasRole("REGULATOR")
			.requestMatchers(GET, "/supervision/alerts", "/supervision/alerts/*").hasAnyRole("REGULATOR", "CENTER_STAFF")
			.requestMatchers(POST, "/supervision/alerts/*/dispatch", "/supervision/alerts/*/close").hasRole("REGULATOR")
			// the party an alert is dispatched to: the operator's staff, or regulators of the department in charge
			.requestMatchers(POST, "/supervision/alerts/*/answer", "/supervision/alerts/*/acknowledgement",
					"/supervision/alerts/*/follow-ups")
			.hasAnyRole("REGULATOR", "CENTER_STAFF");
	}
}
