package org.yiwang.account;

import java.time.Instant;
import java.util.Set;

import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;

/** An account as staff and the API show it; never its password hash. */
public record AccountView(AccountId id, String username, String displayName, AccountKind kind, Set<Role> roles,
		RegionCode region, boolean cityWide, Set<CategoryCode> industries, boolean enabled, boolean demo,
		Instant backedOffUntil, Instant lastSignedInAt, Instant createdAt, long version) {

	/** The same view, showing until when password sign-in for this name is backed off (null: it is not). */
	AccountView backedOffUntil(Instant until) {
		return new AccountView(id, username, displayName, kind, roles, region, cityWide, industries, enabled, demo, until,
				lastSignedInAt, createdAt, version);
	}
}
