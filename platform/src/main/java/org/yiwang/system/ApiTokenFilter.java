package org.yiwang.system;

import java.io.IOException;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates a request that carries {@code Authorization: Bearer <token>}; a bad token is refused at once rather
 * than treated as anonymous, so a client learns its token is wrong instead of seeing an empty result.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	private final ApiTokenAuthenticator authenticator;

	private final ProblemResponses problems;

	ApiTokenFilter(ApiTokenAuthenticator authenticator, ProblemResponses problems) {
		this.authenticator = authenticator;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Authentication> authentication = authenticator.authenticate(header.substring(7).trim());
		if (authentication.isEmpty()) {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.token.invalid");
			return;
		}
		SecurityContextHolder.getContext().setAuthentication(authentication.get());
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
