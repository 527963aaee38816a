package org.yiwang.venue.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * A site's screen is public (it hangs in the hall); everything else is the center staff's. The module checks what
 * URLs cannot: the staff member's region, and city-wide scope for a remote evaluation across districts.
 */
@Component
class VenueAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/venues/*/screen").permitAll()
			.requestMatchers(GET, "/venues", "/venues/sites/*", "/venues/bookings", "/venues/bookings/*",
					"/venues/utilisation")
			.hasAnyRole("CENTER_STAFF", "PLATFORM_ADMIN")
			.requestMatchers(POST, "/venues/sites", "/venues/sites/*/rooms", "/venues/sites/*/closures",
					"/venues/sites/*/bookings", "/venues/remote", "/venues/bookings/*/roster",
					"/venues/bookings/*/codes", "/venues/bookings/*/check-in", "/venues/bookings/*/check-out",
					"/venues/bookings/*/cancellation")
			.hasAnyRole("CENTER_STAFF", "PLATFORM_ADMIN");
	}
}
