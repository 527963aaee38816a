package org.yiwang.tendering.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * Tenderers and agencies register tenders, draft notices, upload documents and answer; staff check and publish;
 * bidders register, download, ask and object; regulators read. The module narrows further: staff see only their
 * regions' sections, tenderers and agencies only their own, bidders only published ones.
 */
@Component
class TenderingAccessRules implements HttpAccessRules {

	private static final String[] STAFF = { "PLATFORM_ADMIN", "CENTER_STAFF" };

	private static final String[] PARTY = { "TENDERER", "AGENCY" };

	private static final String[] VIEWERS = { "PLATFORM_ADMIN", "CENTER_STAFF", "REGULATOR", "TENDERER", "AGENCY",
			"BIDDER" };

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/tenders", "/tenders/sections/*", "/tenders/documents/*", "/api/tendering/sections",
				"/api/tendering/sections/*", "/api/tendering/documents/*", "/tenders/documents/*/signature",
				"/tenders/documents/*/certificate", "/api/tendering/documents/*/signature",
				"/api/tendering/documents/*/certificate")
			.hasAnyRole(VIEWERS)
			.requestMatchers(GET, "/tenders/new", "/api/tendering/mandates").hasAnyRole(PARTY)
			.requestMatchers(POST, "/tenders/mandates", "/api/tendering/mandates").hasRole("TENDERER")
			.requestMatchers(POST, "/tenders", "/tenders/projects/*/sections", "/tenders/sections/*/resubmit",
					"/tenders/sections/*/notice", "/tenders/sections/*/documents", "/tenders/sections/*/clarifications",
					"/tenders/questions/*/answer", "/tenders/objections/*/answer", "/api/tendering/tenders",
					"/api/tendering/tender-projects/*/sections", "/api/tendering/sections/*/notice",
					"/api/tendering/sections/*/documents", "/api/tendering/sections/*/clarifications",
					"/api/tendering/questions/*/answer", "/api/tendering/objections/*/answer",
					"/tenders/documents/*/signature", "/api/tendering/documents/*/signature")
			.hasAnyRole(PARTY)
			.requestMatchers(PUT, "/api/tendering/sections/*").hasAnyRole(PARTY)
			.requestMatchers(POST, "/tenders/sections/*/approve", "/tenders/sections/*/return",
					"/tenders/sections/*/notice/return", "/tenders/sections/*/publish", "/api/tendering/sections/*/approval",
					"/api/tendering/sections/*/return", "/api/tendering/sections/*/notice/return",
					"/api/tendering/sections/*/publication")
			.hasAnyRole(STAFF)
			.requestMatchers(POST, "/tenders/sections/*/interest", "/tenders/sections/*/questions",
					"/tenders/sections/*/objections", "/api/tendering/sections/*/interest",
					"/api/tendering/sections/*/questions", "/api/tendering/sections/*/objections")
			.hasRole("BIDDER")
			.requestMatchers(POST, "/tenders/sections/*/project-manager").hasRole("BIDDER")
			.requestMatchers(PUT, "/api/tendering/sections/*/project-manager").hasRole("BIDDER")
			.requestMatchers(GET, "/api/tendering/sections/*/project-manager").hasRole("BIDDER")
			.requestMatchers(GET, "/api/tendering/notifications").hasRole("BIDDER")
			.requestMatchers(POST, "/tenders/sections/*/bids", "/tenders/bids/*/withdraw", "/api/tendering/sections/*/bids",
					"/api/tendering/bids/*/withdrawal")
			.hasRole("BIDDER")
			.requestMatchers(GET, "/tenders/bids/*/receipt", "/tenders/bids/*/receipt.zip", "/api/tendering/sections/*/bids/mine",
					"/api/tendering/bids/*", "/api/tendering/bids/*/receipt", "/api/tendering/bids/*/receipt.zip")
			.hasRole("BIDDER")
			.requestMatchers(GET, "/api/tendering/bids/*/evidence").hasRole("REGULATOR");
	}
}
