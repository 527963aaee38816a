package org.yiwang.evaluation.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * The certificate sign-in and a revealed draw's verification record are public; staff (and, reading, regulators)
 * work on the pool and the draws; experts on their own record; tenderers and agencies on their avoidance lists.
 */
@Component
class ExpertAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/experts/sign-in", "/experts/sign-in/challenges/*", "/draws/*/verification.json",
				"/api/draws/*/verification").permitAll()
			.requestMatchers(POST, "/experts/sign-in").permitAll()
			.requestMatchers(GET, "/experts/me", "/experts/me/demo-key.pem", "/api/experts/me/invitations")
			.hasRole("EXPERT")
			.requestMatchers(POST, "/experts/me/invitations/*", "/api/experts/me/invitations/*").hasRole("EXPERT")
			.requestMatchers(GET, "/draws/avoidances").hasAnyRole("TENDERER", "AGENCY")
			.requestMatchers(POST, "/draws/avoidances", "/api/draws/avoidances").hasAnyRole("TENDERER", "AGENCY")
			.requestMatchers(GET, "/experts", "/experts/*", "/draws", "/draws/*", "/api/experts", "/api/experts/*",
					"/api/draws/*")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF", "REGULATOR")
			.requestMatchers(POST, "/experts", "/experts/*/certificate", "/experts/*/unavailability", "/experts/*/credit",
					"/draws", "/draws/*/draw", "/draws/*/answers", "/draws/*/evaluation-begun", "/api/experts",
					"/api/experts/*/certificate", "/api/experts/*/unavailability", "/api/experts/*/credit", "/api/draws",
					"/api/draws/*/draw", "/api/draws/*/answers")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF");
	}
}
