package org.yiwang.account;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.RegionScope;
import org.yiwang.kernel.Role;

/** A person or machine client of the platform, with its roles, scope and sign-in state. */
class Account {

	private final AccountId id;

	private final String username;

	private String displayName;

	private final AccountKind kind;

	private final Set<Role> roles;

	private final RegionCode region;

	private final boolean cityWide;

	private final Set<CategoryCode> industries;

	private String passwordHash;

	private boolean enabled;

	private final boolean demo;

	private Instant lastSignedInAt;

	private final Instant createdAt;

	private Instant updatedAt;

	private long version;

	Account(AccountId id, String username, String displayName, AccountKind kind, Set<Role> roles, RegionCode region,
			boolean cityWide, Set<CategoryCode> industries, String passwordHash, boolean enabled, boolean demo,
			Instant lastSignedInAt, Instant createdAt, Instant updatedAt, long version) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.kind = kind;
		this.roles = Set.copyOf(roles);
		this.region = region;
		this.cityWide = cityWide;
		this.industries = Set.copyOf(industries);
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.demo = demo;
		this.lastSignedInAt = lastSignedInAt;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	RegionScope regionScope() {
		return cityWide ? RegionScope.wholeCity() : RegionScope.of(region);
	}

	Actor actor() {
		return new Actor(username, roles.stream().map(Role::name).sorted().collect(Collectors.joining("+")), region.value());
	}

	void signedIn(Instant now) {
		lastSignedInAt = now;
		updatedAt = now;
	}

	void setEnabled(boolean enabled, Instant now) {
		this.enabled = enabled;
		this.updatedAt = now;
	}

	void setPasswordHash(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.updatedAt = now;
	}

	void bumpVersion() {
		version++;
	}

	AccountView view() {
		return new AccountView(id, username, displayName, kind, roles, region, cityWide, industries, enabled, demo,
				null, lastSignedInAt, createdAt, version);
	}

	AccountId id() {
		return id;
	}

	String username() {
		return username;
	}

	String displayName() {
		return displayName;
	}

	AccountKind kind() {
		return kind;
	}

	Set<Role> roles() {
		return roles;
	}

	RegionCode region() {
		return region;
	}

	boolean cityWide() {
		return cityWide;
	}

	Set<CategoryCode> industries() {
		return industries;
	}

	String passwordHash() {
		return passwordHash;
	}

	boolean enabled() {
		return enabled;
	}

	boolean demo() {
		return demo;
	}

	Instant lastSignedInAt() {
		return lastSignedInAt;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant updatedAt() {
		return updatedAt;
	}

	long version() {
		return version;
	}
}
