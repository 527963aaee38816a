package org.yiwang.system;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;

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

	/** For the audit log: the signed-in actor, or the platform itself. */
	public static Actor actor() {
		return current().map(Acting::actor).orElse(Actor.SYSTEM);
	}
}
