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
		rules.requestMatchers(GET, "/transparency/log/sth", "/transparency/log/proof-by-index",
				"/transparency/log/proof-by-hash", "/transparency/log/consistency", "/transparency/log/entries")
			.permitAll();
	}
}
