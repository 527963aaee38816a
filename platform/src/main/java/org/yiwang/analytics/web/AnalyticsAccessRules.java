package org.yiwang.analytics.web;

import static org.springframework.http.HttpMethod.GET;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * Anyone reads the public dashboard; the center's staff the operator's (and staff performance); regulators theirs.
 * Everything here only reads.
 */
@Component
class AnalyticsAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/open/analytics", "/open/analytics/facts", "/open/analytics/export/data.csv",
				"/open/analytics/export/data.xlsx")
			.permitAll()
			.requestMatchers(GET, "/analytics/regulator", "/analytics/regulator/facts", "/analytics/regulator/export/data.csv",
					"/analytics/regulator/export/data.xlsx")
			.hasRole("REGULATOR")
			.requestMatchers(GET, "/analytics", "/analytics/facts", "/analytics/export/data.csv", "/analytics/export/data.xlsx",
					"/analytics/staff")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF");
	}
}
