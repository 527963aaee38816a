package org.yiwang.intermediary.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * Requests, results, contracts, draw records, intermediaries' profiles and the service type catalogue are public;
 * owners (tenderer accounts) publish, accept and rate; intermediaries sign up, confirm and deliver; owners or staff
 * select after the deadline; staff record breaches and set thresholds; regulators and staff read direct selections.
 * The module checks what URLs cannot (whose request, which region).
 */
@Component
class IntermediaryAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/intermediary/requests/new").hasRole("TENDERER")
			.requestMatchers(POST, "/intermediary/requests", "/intermediary/requests/*/acceptance",
					"/intermediary/requests/*/rating")
			.hasRole("TENDERER")
			.requestMatchers(POST, "/intermediary/requests/*/signups", "/intermediary/requests/*/contract",
					"/intermediary/requests/*/delivery", "/intermediary/mine/services", "/intermediary/mine/staff")
			.hasRole("INTERMEDIARY")
			.requestMatchers(POST, "/intermediary/requests/*/selection")
			.hasAnyRole("TENDERER", "CENTER_STAFF", "PLATFORM_ADMIN")
			.requestMatchers(POST, "/intermediary/requests/*/breach", "/intermediary/service-types/*")
			.hasAnyRole("CENTER_STAFF", "PLATFORM_ADMIN")
			.requestMatchers(GET, "/intermediary/mine").hasAnyRole("TENDERER", "INTERMEDIARY")
			.requestMatchers(GET, "/intermediary/direct-selections").hasAnyRole("REGULATOR", "CENTER_STAFF", "PLATFORM_ADMIN")
			.requestMatchers(GET, "/intermediary", "/intermediary/requests/*", "/intermediary/requests/*/draw.json",
					"/intermediary/providers", "/intermediary/providers/*", "/intermediary/service-types")
			.permitAll();
	}
}
