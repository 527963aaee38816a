package org.yiwang.demo.web;

import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.demo.DemoOn;
import org.yiwang.system.HttpAccessRules;

/** The demo clock is the administrator's; staff (or the administrator) jump it past a listing's period. */
@Component
@DemoOn
class DemoClockAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/admin/demo-clock").hasRole("PLATFORM_ADMIN")
			.requestMatchers(POST, "/listings/*/demo-clock").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF");
	}
}
