package org.yiwang.account.web;

import java.util.LinkedHashSet;
import java.util.Set;

import org.yiwang.account.AccountKind;
import org.yiwang.account.NewAccount;
import org.yiwang.kernel.Role;

/** The new-account form. */
class AccountForm {

	private String username;

	private String displayName;

	private AccountKind kind = AccountKind.PERSON;

	private Set<Role> roles = new LinkedHashSet<>();

	private String region;

	private boolean cityWide;

	private Set<String> industries = new LinkedHashSet<>();

	private String password;

	NewAccount command() {
		return new NewAccount(username == null ? null : username.strip().toLowerCase(), displayName, kind, roles, region,
				cityWide, industries, password);
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public AccountKind getKind() {
		return kind;
	}

	public void setKind(AccountKind kind) {
		this.kind = kind;
	}

	public Set<Role> getRoles() {
		return roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = roles == null ? new LinkedHashSet<>() : roles;
	}

	public String getRegion() {
		return region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public boolean isCityWide() {
		return cityWide;
	}

	public void setCityWide(boolean cityWide) {
		this.cityWide = cityWide;
	}

	public Set<String> getIndustries() {
		return industries;
	}

	public void setIndustries(Set<String> industries) {
		this.industries = industries == null ? new LinkedHashSet<>() : industries;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}
}
