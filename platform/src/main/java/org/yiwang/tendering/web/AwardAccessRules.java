package org.yiwang.tendering.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * The award and contract: staff, regulators, the tenderer's side and the section's bidders read (the module narrows to
 * the section's own parties and region); bidders object and complain; the tenderer or agency answers, confirms the
 * winner and uploads the contract; the tenderer and the winning bidder sign it. A losing bidder downloads its own
 * result notice.
 */
@Component
class AwardAccessRules implements HttpAccessRules {

	private static final String[] VIEWERS = { "PLATFORM_ADMIN", "CENTER_STAFF", "REGULATOR", "TENDERER", "AGENCY",
			"BIDDER" };

	private static final String[] PARTY = { "TENDERER", "AGENCY" };

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/tenders/sections/*/award", "/tenders/sections/*/award/verification",
				"/tenders/sections/*/award/notice.pdf", "/tenders/sections/*/award/notice.pdf.sig",
				"/tenders/sections/*/contract.pdf", "/api/tendering/sections/*/award",
				"/api/tendering/sections/*/award/notice.pdf", "/api/tendering/sections/*/award/notice.pdf.sig",
				"/api/tendering/sections/*/contract.pdf")
			.hasAnyRole(VIEWERS)
			.requestMatchers(GET, "/tenders/sections/*/award/result-notice.pdf",
					"/tenders/sections/*/award/result-notice.pdf.sig")
			.hasRole("BIDDER")
			.requestMatchers(POST, "/tenders/sections/*/award/objections", "/tenders/sections/*/award/complaints",
					"/api/tendering/sections/*/award/objections", "/api/tendering/sections/*/award/complaints")
			.hasRole("BIDDER")
			.requestMatchers(POST, "/tenders/award/objections/*/answer", "/tenders/sections/*/award/winner",
					"/tenders/sections/*/contract", "/api/tendering/award/objections/*/answer",
					"/api/tendering/sections/*/award/winner", "/api/tendering/sections/*/contract")
			.hasAnyRole(PARTY)
			.requestMatchers(POST, "/tenders/sections/*/contract/signatures",
					"/api/tendering/sections/*/contract/signatures")
			.hasAnyRole("TENDERER", "BIDDER");
	}
}
