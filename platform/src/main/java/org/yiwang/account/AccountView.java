package org.yiwang.account;

import java.time.Instant;
import java.util.Set;

import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;

/** An account as staff and the API show it; never its password hash. */
public record AccountView(AccountId id, String username, String displayName, AccountKind kind, Set<Role> roles,
		RegionCode region, boolean cityWide, Set<CategoryCode> industries, boolean enabled, boolean demo,
		Instant lockedUntil, Instant lastSignedInAt, Instant createdAt, long version) {

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}
}
