package org.yiwang.portal.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * The portal and open data are public (no sign-in): every published record is for everyone. Saving searches needs
 * an account; an Atom feed is reached by its unguessable token alone; only the administrator rebuilds the index;
 * staff and regulators see the national uplink's status. (The demo module's stand-in national receiver declares
 * its own rule.)
 */
@Component
class PortalAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/portal", "/notices", "/notices/*", "/notices/*/signature", "/notices/*/signed-content",
				"/notices/*/signature.sig", "/notices/documents/*/signature.sig", "/notices/documents/*/certificate.pem",
				"/portal/feeds/*", "/opendata/releases", "/opendata/sections/*/releases")
			.permitAll()
			.requestMatchers(GET, "/portal/saved-searches").authenticated()
			.requestMatchers(POST, "/portal/saved-searches", "/portal/saved-searches/*/seen", "/portal/saved-searches/*/delete")
			.authenticated()
			.requestMatchers(GET, "/admin/portal/uplink").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF", "REGULATOR")
			.requestMatchers(GET, "/admin/portal/index").hasRole("PLATFORM_ADMIN")
			.requestMatchers(POST, "/admin/portal/index/rebuild").hasRole("PLATFORM_ADMIN");
	}
}
