package org.yiwang.pki.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * The platform's certificates are public (anyone checks its signatures and timestamps); the trust store is read by
 * every signed-in account and changed by the administrator only.
 */
@Component
class PkiAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/pki/platform-certificate.pem", "/pki/ca.pem", "/pki/tsa-certificate.pem").permitAll()
			.requestMatchers(GET, "/api/pki/cas").authenticated()
			.requestMatchers(POST, "/api/pki/verify", "/api/pki/timestamp").authenticated()
			.requestMatchers(POST, "/api/pki/cas", "/api/pki/crls").hasRole("PLATFORM_ADMIN")
			.requestMatchers(GET, "/admin/pki").hasRole("PLATFORM_ADMIN")
			.requestMatchers(POST, "/admin/pki/cas", "/admin/pki/crls").hasRole("PLATFORM_ADMIN")
			// Opening public keys are public (bidders seal to them); custodians are managed by the administrator; a
			// demo custodian (center staff) downloads its own demo key.
			.requestMatchers(GET, "/pki/opening-keys/*/public-key.pem").permitAll()
			.requestMatchers(GET, "/admin/pki/custodians").hasRole("PLATFORM_ADMIN")
			.requestMatchers(POST, "/admin/pki/custodians", "/admin/pki/custodians/withdraw").hasRole("PLATFORM_ADMIN")
			.requestMatchers(GET, "/pki/custodian/demo-key.pem").hasRole("CENTER_STAFF");
	}
}
