package org.yiwang.account.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/** Sign-in is public; the workspace and profile need an account; account administration needs admin or staff. */
@Component
class AccountAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/login").permitAll()
			.requestMatchers(GET, "/workspace", "/account").authenticated()
			.requestMatchers(POST, "/account/password", "/account/tokens", "/account/support/*/end").authenticated()
			.requestMatchers(GET, "/api/me").authenticated()
			.requestMatchers(GET, "/admin/accounts", "/admin/accounts/*").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(POST, "/admin/accounts", "/admin/accounts/*/enabled", "/admin/accounts/*/unlock",
					"/admin/accounts/*/password", "/admin/accounts/*/tokens", "/admin/accounts/*/tokens/*/revoke",
					"/admin/accounts/*/support", "/admin/accounts/*/support/*/enter")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(GET, "/api/accounts", "/api/accounts/*").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(POST, "/api/accounts").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF");
	}
}
