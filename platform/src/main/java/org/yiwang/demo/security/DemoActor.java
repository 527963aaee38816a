package org.yiwang.demo.security;

import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;

/**
 * Someone acting on the start-up thread, as if signed in: the platform, as city staff, sets up the demo trade and
 * registers the demo issuer and bank through the module's own entry points (checks and audit included), the way staff
 * would on the requirements page; a demo member account names the entity it acts for. The demo issuer and bank themselves never use this: they call the HTTP API with their tokens.
 */
record DemoActor(Actor actor, String displayName, Set<Role> roles, RegionScope regionScope) implements Acting {

	/** City-wide staff work done by the platform's demo start-up: the audit log says "system" did it. */
	static DemoActor cityStaff(RegionCode city) {
		return new DemoActor(new Actor(Actor.SYSTEM.username(), Role.CENTER_STAFF.name(), city.value()), "demo start-up",
				Set.of(Role.CENTER_STAFF), RegionScope.wholeCity());
	}

	static DemoActor member(String username, Role role, RegionCode city) {
		return new DemoActor(new Actor(username, role.name(), city.value()), username, Set.of(role),
				RegionScope.of(city));
	}

	@Override
	public Set<CategoryCode> industries() {
		return Set.of();
	}

	<T> T call(Supplier<T> work) {
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(this, null,
				roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
