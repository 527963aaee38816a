package org.yiwang.account;

import java.io.Serializable;
import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;

/** The principal of a signed-in person or an authenticated machine client, as sessions keep it. */
record SignedInAccount(AccountId id, String displayName, Actor actor, Set<Role> roles, RegionScope regionScope,
		Set<CategoryCode> industries) implements Acting, Serializable {

	static SignedInAccount of(Account account) {
		return new SignedInAccount(account.id(), account.displayName(), account.actor(), account.roles(),
				account.regionScope(), account.industries());
	}

	Collection<GrantedAuthority> authorities() {
		return roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String toString() {
		return actor.username();
	}
}
