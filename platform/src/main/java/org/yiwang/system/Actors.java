package org.yiwang.system;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Role;

/** Who is acting on the current thread, as the signed-in principal says. */
public final class Actors {

	private Actors() {
	}

	public static Optional<Acting> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated() && authentication.getPrincipal() instanceof Acting acting) {
			return Optional.of(acting);
		}
		return Optional.empty();
	}

	/** The acting principal; refuses with 401-style {@link Refusal} when nobody is signed in. */
	public static Acting required() {
		return current().orElseThrow(() -> Refusal.forbidden("problem.signInRequired"));
	}

	/**
	 * The acting principal if it holds any of the roles; otherwise a 403 {@link Refusal} with the module's message
	 * saying who may do this.
	 */
	public static Acting requireAnyRole(String refusalKey, Role... roles) {
		Acting acting = required();
		for (Role role : roles) {
			if (acting.hasRole(role)) {
				return acting;
			}
		}
		throw Refusal.forbidden(refusalKey);
	}

	/** For the audit log: the signed-in actor, or the platform itself. */
	public static Actor actor() {
		return current().map(Acting::actor).orElse(Actor.SYSTEM);
	}
}
