package org.yiwang.servicedesk.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * The item list and the center's figures are public; users and staff file and read requests (the module shows a
 * user their own only, staff their region's); users rate; staff take charge, finish, answer and revisit, and read
 * the performance table; city staff revise items (the module checks city-wide).
 */
@Component
class ServiceDeskAccessRules implements HttpAccessRules {

	static final String[] USERS = { "TENDERER", "AGENCY", "BIDDER", "GUARANTEE_ISSUER", "INTERMEDIARY", "EXPERT" };

	static final String[] USERS_AND_STAFF = { "TENDERER", "AGENCY", "BIDDER", "GUARANTEE_ISSUER", "INTERMEDIARY",
			"EXPERT", "CENTER_STAFF", "PLATFORM_ADMIN" };

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/service/items", "/open/service").permitAll()
			.requestMatchers(GET, "/service", "/service/requests/*").hasAnyRole(USERS_AND_STAFF)
			.requestMatchers(POST, "/service/requests", "/service/requests/*/documents").hasAnyRole(USERS_AND_STAFF)
			.requestMatchers(POST, "/service/requests/*/rating").hasAnyRole(USERS)
			.requestMatchers(POST, "/service/requests/*/claim", "/service/requests/*/assignee", "/service/requests/*/finish",
					"/service/requests/*/reply", "/service/requests/*/revisit", "/service/items/*")
			.hasAnyRole("CENTER_STAFF", "PLATFORM_ADMIN")
			.requestMatchers(GET, "/service/performance").hasAnyRole("CENTER_STAFF", "PLATFORM_ADMIN");
	}
}
