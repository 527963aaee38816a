package org.yiwang.audit.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/** Staff and regulators read the log of their scope; only the administrator verifies the whole chain. */
@Component
class AuditAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/admin/audit", "/api/audit/entries").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF", "REGULATOR")
			.requestMatchers(POST, "/admin/audit/verify").hasRole("PLATFORM_ADMIN")
			.requestMatchers(GET, "/api/audit/verification").hasRole("PLATFORM_ADMIN");
	}
}
