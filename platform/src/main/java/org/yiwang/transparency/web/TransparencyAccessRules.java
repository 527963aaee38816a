package org.yiwang.transparency.web;

import static org.springframework.http.HttpMethod.GET;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/** The transparency log is for everyone, signed in or not: reading it is the whole point. Nothing else is open. */
@Component
class TransparencyAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/api/transparency/log/sth", "/api/transparency/log/proof-by-index",
				"/api/transparency/log/proof-by-hash", "/api/transparency/log/consistency", "/api/transparency/log/entries", "/open/transparency")
			.permitAll();
	}
}
