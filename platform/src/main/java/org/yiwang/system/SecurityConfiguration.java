package org.yiwang.system;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Deny by default. Two chains: the JSON API and operations endpoints (stateless, bearer tokens, problem details)
 * and the pages (session login, CSRF, idle timeout). Each module says who may reach its URLs through
 * {@link HttpAccessRules}; anything no module permits is refused.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

	static final String[] PUBLIC_RESOURCES = { "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error" };


	/**
	 * Spring Security's observations are off ({@code management.observations.enable.spring.security=false}); without
	 * this its filter chains still wrapped every filter, and the authorization, in an observation that did nothing, on
	 * every request (seen in a JFR profile of the deadline rush, issue 25).
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	ProblemResponses problemResponses(MessageSource messages, JsonMapper json) {
		return new ProblemResponses(messages, json);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, List<HttpAccessRules> modules, ApiTokenAuthenticator tokens,
			ProblemResponses problems) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**")
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.csrf(csrf -> csrf.disable()) // no cookies are honoured here, so there is nothing to forge
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new ApiTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "problem.token.missing"))
				.accessDeniedHandler((request, response, e) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"problem.forbidden")))
			.authorizeHttpRequests(rules -> apply(rules, modules));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageChain(HttpSecurity http, List<HttpAccessRules> modules) throws Exception {
		http.formLogin(login -> login.loginPage("/login")
			.defaultSuccessUrl("/workspace", false)
			.failureHandler(new LoginFailureRedirect())
			.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut").permitAll())
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
						+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.sessionManagement(session -> session.sessionFixation(Customizer.withDefaults()))
			.authorizeHttpRequests(rules -> {
				rules.requestMatchers(PUBLIC_RESOURCES).permitAll();
				apply(rules, modules);
			});
		return http.build();
	}

	private static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules,
			List<HttpAccessRules> modules) {
		// An async dispatch continues a request authorized when it arrived (a live SSE stream ending after its
		// session signed out would otherwise be denied on a response already committed).
		rules.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC).permitAll();
		modules.forEach(module -> module.configure(rules));
		rules.anyRequest().denyAll();
		// The same rules in the same order, each request trying only those that could match its path.
		rules.withObjectPostProcessor(IndexedUrlRules.INDEX);
	}
}
