package org.yiwang.system;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's say on who may reach its URLs. Every module with pages or API endpoints contributes one bean; whatever
 * no module permits is denied.
 */
@FunctionalInterface
public interface HttpAccessRules {

	void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
