package org.yiwang.system;

import static org.springframework.http.HttpMethod.GET;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Operations and API documentation: health and the OpenAPI description are public; metrics need the administrator
 * or a machine client's token (the demo clock's page is the demo module's).
 */
@Component
class SystemAccessRules implements HttpAccessRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
			.requestMatchers(GET, "/actuator/prometheus").hasAnyRole("PLATFORM_ADMIN", "API_CLIENT")
			.requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll();
	}
}
