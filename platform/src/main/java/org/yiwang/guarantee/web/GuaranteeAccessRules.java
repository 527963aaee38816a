package org.yiwang.guarantee.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * Anyone checks a guarantee; staff set requirements and register issuers and banks; bidders apply and open deposit
 * sub-accounts; issuers' machine accounts fetch applications and post letters; API clients report deposit arrivals
 * (the module accepts only a registered bank's) and fetch and confirm refunds; issuers fetch and acknowledge releases;
 * staff end a trade's transaction, record the contract signing and decide claims; tenderers file claims, issuers pay
 * approved ones; any signed-in account lists the issuers.
 */
@Component
class GuaranteeAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/guarantees/verify", "/api/guarantees/verify").permitAll()
			.requestMatchers(GET, "/guarantees/requirements", "/api/guarantees/requirements",
					"/api/guarantees/requirements/*")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(POST, "/guarantees/requirements", "/guarantees/issuers", "/api/guarantees/requirements",
					"/api/guarantees/issuers", "/guarantees/banks", "/api/guarantees/banks")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(GET, "/api/guarantees/issuers").authenticated()
			.requestMatchers(GET, "/guarantees/my", "/api/guarantees/mine", "/api/guarantees/applications/mine",
					"/api/guarantees/deposits/mine")
			.hasRole("BIDDER")
			.requestMatchers(POST, "/guarantees/my/applications", "/guarantees/my/deposits", "/api/guarantees/applications",
					"/api/guarantees/deposits")
			.hasRole("BIDDER")
			.requestMatchers(GET, "/guarantees/trades/*", "/api/guarantees/requirements/*/security", "/guarantees/figures",
					"/api/guarantees/figures",
					"/api/guarantees/refunds/overdue")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(POST, "/guarantees/trades/*/end", "/guarantees/trades/*/signing",
					"/api/guarantees/requirements/*/transaction-end", "/api/guarantees/requirements/*/contract-signing")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(GET, "/api/guarantees/refunds/mine").hasRole("BIDDER")
			.requestMatchers(POST, "/guarantees/trades/*/claims/*", "/api/guarantees/claims/*/decision")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(POST, "/api/guarantees/claims", "/guarantees/claims").hasRole("TENDERER")
			.requestMatchers(GET, "/guarantees/claims").hasRole("TENDERER")
			.requestMatchers(GET, "/api/guarantees/claims/mine").hasRole("TENDERER")
			.requestMatchers(GET, "/api/guarantees/issuer/claims").hasRole("GUARANTEE_ISSUER")
			.requestMatchers(POST, "/api/guarantees/issuer/claims/*/payment").hasRole("GUARANTEE_ISSUER")
			.requestMatchers(GET, "/api/guarantees/bank/refunds").hasRole("API_CLIENT")
			.requestMatchers(POST, "/api/guarantees/bank/refunds/*/execution").hasRole("API_CLIENT")
			.requestMatchers(GET, "/api/guarantees/issuer/releases").hasRole("GUARANTEE_ISSUER")
			.requestMatchers(POST, "/api/guarantees/issuer/releases/*/acknowledgement").hasRole("GUARANTEE_ISSUER")
			.requestMatchers(POST, "/api/guarantees/bank/arrivals").hasRole("API_CLIENT")
			.requestMatchers(GET, "/api/guarantees/bank/accounts/*").hasRole("API_CLIENT")
			.requestMatchers(GET, "/api/guarantees/issuer/applications").hasRole("GUARANTEE_ISSUER")
			.requestMatchers(POST, "/api/guarantees/issuer/applications/*/letter").hasRole("GUARANTEE_ISSUER");
	}
}
