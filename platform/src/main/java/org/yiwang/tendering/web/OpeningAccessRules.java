package org.yiwang.tendering.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * The opening hall: bidders, the tenderer or agency, staff (key custodians are staff accounts) and regulators look;
 * bidders check in, decrypt, confirm and object; the tenderer or agency answers; custodians give shares; staff close
 * the record and re-tender. The module narrows further: the section's own parties and region, the key's custodians.
 */
@Component
class OpeningAccessRules implements HttpAccessRules {

	private static final String[] STAFF = { "PLATFORM_ADMIN", "CENTER_STAFF" };

	private static final String[] VIEWERS = { "PLATFORM_ADMIN", "CENTER_STAFF", "REGULATOR", "TENDERER", "AGENCY",
			"BIDDER" };

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/tenders/sections/*/opening", "/tenders/sections/*/opening/events",
				"/api/tendering/sections/*/opening")
			.hasAnyRole(VIEWERS)
			.requestMatchers(GET, "/tenders/sections/*/opening/confirmation.txt",
					"/api/tendering/sections/*/opening/confirmation.txt")
			.hasRole("BIDDER")
			.requestMatchers(POST, "/tenders/sections/*/opening/check-in", "/tenders/sections/*/opening/decryption",
					"/tenders/sections/*/opening/confirmation", "/tenders/sections/*/opening/objections",
					"/api/tendering/sections/*/opening/check-in", "/api/tendering/sections/*/opening/decryption",
					"/api/tendering/sections/*/opening/confirmation", "/api/tendering/sections/*/opening/objections")
			.hasRole("BIDDER")
			.requestMatchers(POST, "/tenders/opening-objections/*/answer", "/api/tendering/opening-objections/*/answer")
			.hasAnyRole("TENDERER", "AGENCY")
			.requestMatchers(POST, "/tenders/sections/*/opening/shares", "/tenders/sections/*/opening/record",
					"/tenders/sections/*/retender", "/api/tendering/sections/*/opening/shares",
					"/api/tendering/sections/*/opening/record", "/api/tendering/sections/*/retender")
			.hasAnyRole(STAFF);
	}
}
