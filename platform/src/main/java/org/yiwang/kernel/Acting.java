package org.yiwang.kernel;

import java.util.Set;

/**
 * Implemented by the signed-in principal (a person or a machine client): who acts, in which roles, over which
 * regions and, for regulators, which trading categories. Modules read it to decide; the database reads its scope.
 */
public interface Acting {

	Actor actor();

	/** The name people see: a person's name, or a machine client's description. */
	String displayName();

	Set<Role> roles();

	RegionScope regionScope();

	/** Trading categories a regulator supervises; empty for everyone else. */
	Set<CategoryCode> industries();

	default boolean hasRole(Role role) {
		return roles().contains(role);
	}

	/** City-wide staff or the platform administrator: may change what all districts share. */
	default boolean actsCityWide() {
		return regionScope().all() && (hasRole(Role.PLATFORM_ADMIN) || hasRole(Role.CENTER_STAFF));
	}
}
