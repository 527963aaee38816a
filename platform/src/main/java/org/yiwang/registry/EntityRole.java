package org.yiwang.registry;

import java.util.Optional;

import org.yiwang.kernel.Role;

/** A role extension an entity holds on the platform; one entity may hold several at once. */
public enum EntityRole {

	BIDDER(Role.BIDDER), TENDERER(Role.TENDERER), AGENCY(Role.AGENCY), TRANSFEROR(Role.TENDERER),
	TRANSFEREE(Role.BIDDER), GUARANTEE_ISSUER(Role.GUARANTEE_ISSUER), INTERMEDIARY(Role.INTERMEDIARY),
	EXPERT_EMPLOYER(null);

	private final Role accountRole;

	EntityRole(Role accountRole) {
		this.accountRole = accountRole;
	}

	/** The role its member accounts act in; an expert's employer needs none of its own. */
	public Optional<Role> accountRole() {
		return Optional.ofNullable(accountRole);
	}
}
