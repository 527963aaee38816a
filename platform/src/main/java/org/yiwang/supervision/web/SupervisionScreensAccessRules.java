package org.yiwang.supervision.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * Screening and alerts: only regulators screen CSVs and dispatch or close alerts (the operator holds no supervisory
 * power); the operator's staff read the alerts dispatched to them and answer. The module checks competence (region
 * and industry) on every alert.
 */
@Component
class SupervisionScreensAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/supervision/screenings").hasRole("REGULATOR")
			.requestMatchers(POST, "/supervision/screenings", "/api/supervision/screenings").hasRole("REGULATOR")
			.requestMatchers(GET, "/supervision/alerts", "/supervision/alerts/*").hasAnyRole("REGULATOR", "CENTER_STAFF")
			.requestMatchers(POST, "/supervision/alerts/*/dispatch", "/supervision/alerts/*/close").hasRole("REGULATOR")
			.requestMatchers(POST, "/supervision/alerts/*/answer").hasRole("CENTER_STAFF");
	}
}
