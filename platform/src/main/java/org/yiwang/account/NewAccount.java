package org.yiwang.account;

import java.util.Set;

import org.yiwang.kernel.Role;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An account to create. Staff and regulators belong to a region ({@code cityWide} for the whole city); everyone
 * else acts city-wide and is filed under the city. A person needs a password; a machine client gets tokens instead.
 */
public record NewAccount(
		@NotBlank(message = "{account.username.required}") @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,39}", message = "{account.username.form}") String username,
		@NotBlank(message = "{account.displayName.required}") @Size(max = 60, message = "{account.displayName.size}") String displayName,
		@NotNull(message = "{account.kind.required}") AccountKind kind,
		@NotEmpty(message = "{account.roles.required}") Set<Role> roles,
		@Pattern(regexp = "\\d{6}|X\\d{5}", message = "{account.region.form}") String region,
		boolean cityWide,
		Set<@Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "{catalog.code.form}") String> industries,
		@Size(max = 128, message = "{account.password.size}") String password) {

	public NewAccount {
		roles = roles == null ? Set.of() : Set.copyOf(roles);
		industries = industries == null ? Set.of() : Set.copyOf(industries);
	}
}
