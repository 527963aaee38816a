package org.yiwang.supervision.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * Regulators work in the workspace; operator staff have no entry to it (管办分离). Bidders file complaints and read
 * their own; published decisions are public. The module narrows further: a regulator sees only its industries in its
 * regions, a bidder only its entity's complaints.
 */
@Component
class SupervisionAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/decisions", "/decisions/*/text", "/decisions/*/signature").permitAll()
			.requestMatchers(GET, "/supervision/complaints/*", "/supervision/evidence/*").hasAnyRole("REGULATOR", "BIDDER")
			.requestMatchers(GET, "/supervision", "/supervision/sections/*", "/supervision/acts/*",
					"/supervision/acts/*/text")
			.hasRole("REGULATOR")
			.requestMatchers(POST, "/supervision/complaints/*/acceptance", "/supervision/complaints/*/pauses",
					"/supervision/complaints/*/pauses/end", "/supervision/acts", "/supervision/acts/*/signature")
			.hasRole("REGULATOR")
			.requestMatchers(GET, "/complaints").hasRole("BIDDER")
			.requestMatchers(POST, "/complaints").hasRole("BIDDER");
	}
}
