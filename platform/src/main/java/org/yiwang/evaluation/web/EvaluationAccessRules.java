package org.yiwang.evaluation.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * Evaluation: staff, regulators, experts and tenderers (whose representative may sit on the committee) reach the
 * cases, and the module shows each only what is theirs (a member's own case once begun, a region's cases to its
 * staff and regulators); staff schedule and begin; committee members (experts, or a tenderer's representative) vote,
 * score, sign and report, and read the opened bids of their case (the module lets in only the committee: no staff
 * or regulator reads a bid's files); tenderers name their representative; bidders see and answer their clarifications.
 */
@Component
class EvaluationAccessRules implements HttpAccessRules {

	static final String[] READERS = { "PLATFORM_ADMIN", "CENTER_STAFF", "REGULATOR", "EXPERT", "TENDERER" };

	static final String[] MEMBERS = { "EXPERT", "TENDERER" };

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/evaluation/cases", "/evaluation/cases/*", "/evaluation/reports/*",
				"/api/evaluation/cases/*")
			.hasAnyRole(READERS)
			.requestMatchers(POST, "/evaluation/cases/*/schedule", "/evaluation/cases/*/begin")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(POST, "/evaluation/cases/*/representative").hasRole("TENDERER")
			.requestMatchers(GET, "/evaluation/cases/*/sheet", "/evaluation/cases/*/bids/*", "/evaluation/cases/*/bids/*/files/*")
			.hasAnyRole(MEMBERS)
			.requestMatchers(POST, "/evaluation/cases/*/leader", "/evaluation/cases/*/reviews", "/evaluation/cases/*/points",
					"/evaluation/cases/*/sheet/signature", "/evaluation/cases/*/clarifications",
					"/evaluation/cases/*/report", "/evaluation/cases/*/report/signature")
			.hasAnyRole(MEMBERS)
			.requestMatchers(GET, "/evaluation/clarifications", "/api/evaluation/clarifications/mine").hasRole("BIDDER")
			.requestMatchers(POST, "/evaluation/clarifications/*/answer", "/api/evaluation/clarifications/*/answer")
			.hasRole("BIDDER");
	}
}
