package org.yiwang.auction.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * Anyone reads published listings and watches auctions live; transferors and agencies submit listings; staff review,
 * qualify and conclude; transferees (bidder accounts) register and bid; the parties download the confirmation (the
 * module checks which party).
 */
@Component
class AuctionAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/listings/new").hasAnyRole("TENDERER", "AGENCY")
			.requestMatchers(POST, "/listings").hasAnyRole("TENDERER", "AGENCY")
			.requestMatchers(GET, "/listings/mine").hasAnyRole("TENDERER", "AGENCY", "BIDDER")
			.requestMatchers(GET, "/listings/review").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(GET, "/listings/*/confirmation.pdf").authenticated()
			.requestMatchers(POST, "/listings/*/publish", "/listings/*/return", "/listings/*/conclude",
					"/listings/*/agreement", "/listings/registrations/*/qualify", "/listings/registrations/*/refuse")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(POST, "/listings/*/registrations", "/auctions/*/bids", "/auctions/*/accept").hasRole("BIDDER")
			.requestMatchers(GET, "/auctions/*/sealed-receipt", "/api/auctions/*/sealed-receipt").hasRole("BIDDER")
			.requestMatchers(GET, "/listings", "/listings/*", "/auctions/*", "/auctions/*/state", "/auctions/*/events")
			.permitAll()
			.requestMatchers(GET, "/api/listings", "/api/auctions/*").permitAll()
			.requestMatchers(POST, "/api/listings").hasAnyRole("TENDERER", "AGENCY")
			.requestMatchers(POST, "/api/auctions/*/bids", "/api/auctions/*/accept").hasRole("BIDDER");
	}
}
