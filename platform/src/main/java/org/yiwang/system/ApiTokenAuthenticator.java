package org.yiwang.system;

import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * Turns the bearer token a machine client presents into who it is; empty when the token is unknown, expired or revoked.
 */
@FunctionalInterface
public interface ApiTokenAuthenticator {

	Optional<Authentication> authenticate(String token);
}
