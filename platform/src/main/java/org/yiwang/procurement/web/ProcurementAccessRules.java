package org.yiwang.procurement.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * Anyone reads published cases; purchasers and agencies register cases and, with the district's staff, sit on the
 * team (the module checks which case is theirs); suppliers (bidder accounts) respond and make final offers; anyone
 * signed in objects to a single-source notice; staff publish and answer objections.
 */
@Component
class ProcurementAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		// framework agreements: the same sides; the buyer of an order decides its re-competition
		rules.requestMatchers(GET, "/procurement/frameworks/new").hasAnyRole("TENDERER", "AGENCY")
			.requestMatchers(POST, "/procurement/frameworks", "/procurement/frameworks/*/orders",
					"/procurement/framework-orders/*/award")
			.hasAnyRole("TENDERER", "AGENCY")
			.requestMatchers(POST, "/procurement/frameworks/*/publish", "/procurement/frameworks/*/republish")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(POST, "/procurement/frameworks/*/select")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF", "TENDERER", "AGENCY")
			.requestMatchers(POST, "/procurement/frameworks/*/responses", "/procurement/framework-orders/*/offers",
					"/procurement/frameworks/*/join", "/procurement/frameworks/*/exit",
					"/procurement/frameworks/*/sealed-responses", "/procurement/framework-orders/*/sealed-offers")
			.hasRole("BIDDER")
			// key custodians are staff accounts; the module checks the account holds a share of the stage's key
			.requestMatchers(POST, "/procurement/frameworks/*/shares", "/procurement/framework-orders/*/shares")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(GET, "/api/procurement/mine").hasAnyRole("TENDERER", "AGENCY", "BIDDER")
			.requestMatchers(GET, "/procurement/frameworks", "/procurement/frameworks/*", "/api/procurement/cases",
					"/api/procurement/cases/*", "/api/procurement/frameworks", "/api/procurement/frameworks/*",
					"/api/procurement/frameworks/*/orders")
			.permitAll();
		rules.requestMatchers(GET, "/procurement/new").hasAnyRole("TENDERER", "AGENCY")
			.requestMatchers(POST, "/procurement").hasAnyRole("TENDERER", "AGENCY")
			.requestMatchers(GET, "/procurement/mine").hasAnyRole("TENDERER", "AGENCY", "BIDDER")
			.requestMatchers(GET, "/procurement/review").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(POST, "/procurement/*/publish", "/procurement/*/team", "/procurement/objections/*/answer")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(POST, "/procurement/*/open", "/procurement/*/rounds", "/procurement/*/final-offers/call",
					"/procurement/*/conclude", "/procurement/*/agree")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF", "TENDERER", "AGENCY")
			.requestMatchers(POST, "/procurement/*/responses", "/procurement/*/final-offers", "/procurement/*/sealed-offers")
			.hasRole("BIDDER")
			// key custodians are staff accounts; the module checks the account holds a share of the case's key
			.requestMatchers(POST, "/procurement/*/shares").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(POST, "/procurement/*/objections").authenticated()
			.requestMatchers(GET, "/procurement", "/procurement/*").permitAll();
	}
}
