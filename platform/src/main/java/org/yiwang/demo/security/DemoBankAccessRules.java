package org.yiwang.demo.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.demo.DemoOn;
import org.yiwang.system.HttpAccessRules;

/** The demo bank's online banking is a bidder's page; without demo data the URLs do not exist (denied by default). */
@Component
@DemoOn
class DemoBankAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/demo-bank").hasRole("BIDDER").requestMatchers(POST, "/demo-bank/transfers")
			.hasRole("BIDDER");
	}
}
