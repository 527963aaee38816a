package org.yiwang.demo.web;

import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.demo.DemoOn;
import org.yiwang.system.HttpAccessRules;

/** The stand-in national receiver is public, as the real one's endpoint is to the platform that sends to it. */
@Component
@DemoOn
class NationalPlatformAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(POST, "/api/demo/national-platform/*").permitAll();
	}
}
