package org.yiwang.account;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Ends a support access session the moment its grant runs out or either side ends it: the session is discarded
 * before the request reaches any page, so nothing more is done in the person's name. Runs after Spring Security has
 * loaded the session's principal (an ordinary servlet filter, ordered after the security chain).
 */
@Component
class SupportSessionFilter extends OncePerRequestFilter {

	private final SupportAccess support;

	SupportSessionFilter(SupportAccess support) {
		this.support = support;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount signedIn
				&& signedIn.supportAccess() != null && !support.active(signedIn.supportAccess())) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			response.sendRedirect(request.getContextPath() + "/login?error=supportEnded");
			return;
		}
		chain.doFilter(request, response);
	}
}
