package org.yiwang.registry;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new registration: the entity, the role extensions it asks for, and the account that will act for it.
 * An organisation gives its credit code, a person the resident ID number. An organisation states its enterprise
 * nature (企业性质): an {@link EnterpriseNature} code.
 */
public record Registration(
		@NotNull(message = "{registry.kind.required}") EntityKind kind,
		@NotBlank(message = "{registry.name.required}") @Size(max = 100, message = "{registry.name.size}") String name,
		String creditCode,
		String idNumber,
		@Size(max = 30, message = "{registry.legalRepresentative.size}") String legalRepresentative,
		@NotBlank(message = "{registry.contactName.required}") @Size(max = 30, message = "{registry.contactName.size}") String contactName,
		@NotBlank(message = "{registry.contactPhone.required}") @Pattern(regexp = "[0-9+\\- ]{7,20}", message = "{registry.contactPhone.form}") String contactPhone,
		@Size(max = 100, message = "{registry.email.size}") @Pattern(regexp = ContactDetails.EMAIL_OR_EMPTY, message = "{registry.email.form}") String email,
		@Size(max = 200, message = "{registry.address.size}") String address,
		String enterpriseNature,
		@NotBlank(message = "{registry.region.required}") String registeredRegion,
		@NotEmpty(message = "{registry.roles.required}") Set<EntityRole> roles,
		@NotBlank(message = "{account.username.required}") @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,39}", message = "{account.username.form}") String username,
		@NotBlank(message = "{account.password.required}") @Size(max = 128, message = "{account.password.size}") String password) {

	public Registration {
		roles = roles == null ? Set.of() : Set.copyOf(roles);
		creditCode = creditCode == null || creditCode.isBlank() ? null : creditCode.strip().toUpperCase();
		idNumber = idNumber == null || idNumber.isBlank() ? null : idNumber.strip().toUpperCase();
		enterpriseNature = enterpriseNature == null || enterpriseNature.isBlank() ? null : enterpriseNature.strip();
	}
}
