package org.yiwang.demo;

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
 * Someone the demo acts as on the start-up thread, as if signed in: the demo goes through the other modules' entry
 * points, their checks, rules and audit log, as the demo people and the districts' staff would. Shared by every demo
 * runner ({@code org.yiwang.demo.<Module>Demo}).
 */
public record DemoActing(Actor actor, String displayName, Set<Role> roles, RegionScope regionScope,
		Set<CategoryCode> industries) implements Acting {

	/** The platform's own demo start-up, as city-wide staff: the audit log says "system" did it. */
	public static DemoActing startUp() {
		return new DemoActing(new Actor(Actor.SYSTEM.username(), Role.CENTER_STAFF.name(), null), "demo start-up",
				Set.of(Role.CENTER_STAFF), RegionScope.wholeCity(), Set.of());
	}

	/** A district's (or, with the city's code, the city's) center staff. */
	public static DemoActing staff(RegionCode region) {
		return new DemoActing(new Actor("demo", Role.CENTER_STAFF.name(), region.value()), "demo",
				Set.of(Role.CENTER_STAFF), RegionScope.of(region), Set.of());
	}

	/** A market party's member account (tenderer, agency, bidder, transferee, issuer …), acting for its entity. */
	public static DemoActing party(String username, Role role) {
		return new DemoActing(new Actor(username, role.name(), null), username, Set.of(role), RegionScope.none(),
				Set.of());
	}

	/** Runs the work signed in as this one; whoever was signed in before is back afterwards. */
	public <T> T call(Supplier<T> work) {
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

	public void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}
}
