package org.yiwang.system;

import java.io.IOException;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Back to the login page with the reason, so the page can say what to do next; the username is kept. */
class LoginFailureRedirect implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String reason = exception instanceof LockedException ? "locked"
				: exception instanceof DisabledException ? "disabled" : "bad";
		String username = request.getParameter("username");
		String kept = username == null ? "" : "&username=" + java.net.URLEncoder.encode(
				username.length() > 64 ? username.substring(0, 64) : username, java.nio.charset.StandardCharsets.UTF_8);
		response.sendRedirect(request.getContextPath() + "/login?error=" + reason + kept);
	}
}
