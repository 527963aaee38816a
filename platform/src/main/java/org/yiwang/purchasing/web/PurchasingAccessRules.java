package org.yiwang.purchasing.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * Anyone reads the catalogue and the rounds with their results; suppliers (bidder accounts) add products, declare
 * prices, bid and deliver; hospitals (tenderer accounts) report quantities, order, confirm receipt and settle; staff
 * review prices, import reference prices and run rounds; staff and regulators watch prices. The module checks which
 * entity and region.
 */
@Component
class PurchasingAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/catalogue", "/purchasing/rounds", "/purchasing/rounds/*", "/api/purchasing/catalogue",
				"/api/purchasing/rounds", "/api/purchasing/rounds/*")
			.permitAll()
			.requestMatchers(GET, "/purchasing/supplier").hasRole("BIDDER")
			.requestMatchers(POST, "/purchasing/products", "/purchasing/products/*/prices", "/purchasing/rounds/*/bids",
					"/purchasing/orders/*/delivery")
			.hasRole("BIDDER")
			.requestMatchers(GET, "/purchasing/hospital").hasRole("TENDERER")
			.requestMatchers(POST, "/purchasing/rounds/*/quantities", "/purchasing/orders", "/purchasing/orders/*/receipt",
					"/purchasing/orders/*/settlement")
			.hasRole("TENDERER")
			.requestMatchers(GET, "/purchasing/prices").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(POST, "/purchasing/prices/*/approve", "/purchasing/prices/*/refuse",
					"/purchasing/reference-prices", "/purchasing/rounds", "/purchasing/rounds/*/decide")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(GET, "/purchasing/prices/*/evidence").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF", "BIDDER")
			.requestMatchers(GET, "/purchasing/monitoring").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF", "REGULATOR");
	}
}
