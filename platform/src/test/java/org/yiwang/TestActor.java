package org.yiwang;

import java.util.Set;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;

/** Someone acting in a test, as the signed-in principal would: the demo accounts' shapes, and others made up. */
public record TestActor(Actor actor, String displayName, Set<Role> roles, RegionScope regionScope,
		Set<CategoryCode> industries) implements Acting {

	public static final String CITY = "500000";

	public static final String YUZHONG = "500103";

	public static final String WANZHOU = "500101";

	public static TestActor admin() {
		return of("admin", Role.PLATFORM_ADMIN, CITY, true);
	}

	public static TestActor cityStaff() {
		return of("staff", Role.CENTER_STAFF, CITY, true);
	}

	public static TestActor districtStaff(String region) {
		return of(region.equals(YUZHONG) ? "staff.yuzhong" : "staff.wanzhou", Role.CENTER_STAFF, region, false);
	}

	public static TestActor regulator() {
		return new TestActor(new Actor("regulator", "REGULATOR", CITY), "regulator", Set.of(Role.REGULATOR),
				RegionScope.wholeCity(), Set.of(CategoryCode.of("ENG_BUILDING")));
	}

	public static TestActor of(String username, Role role, String region, boolean cityWide) {
		return new TestActor(new Actor(username, role.name(), region), username, Set.of(role),
				cityWide ? RegionScope.wholeCity() : RegionScope.of(RegionCode.of(region)), Set.of());
	}

	public Authentication authentication() {
		return UsernamePasswordAuthenticationToken.authenticated(this, null,
				roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
	}

	/** Runs work as this actor on the current thread. */
	public <T> T call(java.util.function.Supplier<T> work) {
		return as(authentication(), work);
	}

	/** Runs work signed in through the platform's real login (lockout and all) as username/password. */
	public static <T> T signedIn(AuthenticationProvider login, String username, String password,
			java.util.function.Supplier<T> work) {
		return as(login.authenticate(new UsernamePasswordAuthenticationToken(username, password)), work);
	}

	private static <T> T as(Authentication authentication, java.util.function.Supplier<T> work) {
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/** A valid unified social credit code issued under the division, different at every call. */
	public static String creditCode(String division) {
		String body = java.util.UUID.randomUUID().toString().replace("-", "").toUpperCase().replaceAll("[^0-9A-H]", "0")
			.substring(0, 9);
		String first17 = "91" + division + body;
		return first17 + org.yiwang.kernel.CreditCode.checkCharacter(first17);
	}

	public void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}
}
