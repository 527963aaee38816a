package org.yiwang.account;

import java.util.Set;

import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;

/**
 * A demo account the demo data adds at start: a person signs in with the demo password (docs/demo.md), a machine client
 * with its public demo {@code token}.
 *
 * @param region the district the account belongs to; null: the city
 * @param token a machine client's API token; null for a person
 */
public record NewDemoAccount(String username, String displayName, AccountKind kind, Set<Role> roles, RegionCode region,
		boolean cityWide, Set<CategoryCode> industries, String token) {

	public NewDemoAccount {
		roles = Set.copyOf(roles);
		industries = industries == null ? Set.of() : Set.copyOf(industries);
	}

	public static NewDemoAccount person(String username, String displayName, Role role, RegionCode region,
			boolean cityWide) {
		return new NewDemoAccount(username, displayName, AccountKind.PERSON, Set.of(role), region, cityWide, Set.of(),
				null);
	}
}
