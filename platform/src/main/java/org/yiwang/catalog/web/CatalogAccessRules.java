package org.yiwang.catalog.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * The catalogue is public to read; staff edit it (the catalogue itself checks they act city-wide). The working calendar
 * is public as JSON (it is the State Council's schedule, which every bidder counts its periods by); its page is read
 * by staff and regulators, and staff keep it.
 */
@Component
class CatalogAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/", "/api/regions", "/api/categories", "/api/categories/*",
				"/api/categories/*/templates", "/api/categories/*/templates/*", "/api/calendar/*").permitAll()
			.requestMatchers(POST, "/api/categories", "/api/categories/*/templates").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(PUT, "/api/categories/*/name", "/api/categories/*/enabled").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(GET, "/admin/categories", "/admin/categories/*").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF", "REGULATOR")
			.requestMatchers(POST, "/admin/categories", "/admin/categories/*/name", "/admin/categories/*/enabled",
					"/admin/categories/*/template").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(GET, "/admin/calendar").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF", "REGULATOR")
			.requestMatchers(POST, "/admin/calendar/days", "/admin/calendar/days/*/remove")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(GET, "/admin/regions").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF", "REGULATOR")
			.requestMatchers(POST, "/admin/regions/*/name", "/admin/regions/*/active").hasRole("PLATFORM_ADMIN");
	}
}
