package org.yiwang.account;

import java.io.Serializable;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;

/**
 * The principal of a signed-in person or an authenticated machine client, as sessions keep it.
 *
 * @param supportAccess under support access, the grant staff act under (its staff member is {@code actor.supportedBy()});
 *        null when the account acts itself
 */
record SignedInAccount(AccountId id, String displayName, Actor actor, Set<Role> roles, RegionScope regionScope,
		Set<CategoryCode> industries, UUID supportAccess) implements Acting, Serializable {

	static SignedInAccount of(Account account) {
		return new SignedInAccount(account.id(), account.displayName(), account.actor(), account.roles(),
				account.regionScope(), account.industries(), null);
	}

	/** The person's principal as a staff member acting for them under a support access grant. */
	static SignedInAccount supported(Account account, String staff, UUID grant) {
		return new SignedInAccount(account.id(), account.displayName(), account.actor().supportedBy(staff),
				account.roles(), account.regionScope(), account.industries(), grant);
	}

	Collection<GrantedAuthority> authorities() {
		return roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String toString() {
		return actor.username();
	}
}
