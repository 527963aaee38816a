package org.yiwang.registry.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.yiwang.system.HttpAccessRules;

/**
 * Anyone may register an entity; members manage their own; any signed-in account may look an entity up; staff
 * review; staff and regulators record credit.
 */
@Component
class RegistryAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/registry/register").permitAll()
			.requestMatchers(POST, "/registry/register", "/api/registry/registrations").permitAll()
			.requestMatchers(GET, "/registry/my", "/registry/entities/*", "/api/registry/me", "/api/registry/entities/*")
			.authenticated()
			.requestMatchers(POST, "/registry/entities/*/signature-check", "/api/registry/entities/*/signature-check")
			.authenticated()
			.requestMatchers(GET, "/api/registry/entities/*/certificates").authenticated()
			.requestMatchers(POST, "/registry/my/contact", "/registry/my/phone", "/registry/my/nature", "/registry/my/resubmit", "/registry/my/roles", "/registry/my/qualifications",
					"/registry/my/certificates", "/registry/my/demo-certificate", "/api/registry/me/qualifications", "/api/registry/me/certificates",
					"/api/registry/consortia", "/api/registry/me/demo-certificate")
			.hasAnyRole("TENDERER", "AGENCY", "BIDDER", "GUARANTEE_ISSUER", "INTERMEDIARY")
			.requestMatchers(PUT, "/api/registry/me/contact", "/api/registry/me/phone", "/api/registry/me/enterprise-nature")
			.hasAnyRole("TENDERER", "AGENCY", "BIDDER", "GUARANTEE_ISSUER", "INTERMEDIARY")
			.requestMatchers(GET, "/registry/review", "/api/registry/review").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(POST, "/registry/review/*/approve", "/registry/review/*/return",
					"/api/registry/review/*/approve", "/api/registry/review/*/return",
					"/registry/review/certificates/*/approve", "/registry/review/certificates/*/refuse",
					"/api/registry/review/certificates/*/approve", "/api/registry/review/certificates/*/refuse")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF")
			.requestMatchers(GET, "/registry/entities").hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF", "REGULATOR")
			.requestMatchers(POST, "/registry/entities/*/credit", "/api/registry/entities/*/credit")
			.hasAnyRole("PLATFORM_ADMIN", "CENTER_STAFF", "REGULATOR");
	}
}
