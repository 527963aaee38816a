package org.yiwang.registry;

import java.time.Instant;
import java.util.Set;

import org.yiwang.kernel.RegionCode;

/**
 * A market entity as other modules and pages see it. The resident ID number of a person is shown masked.
 *
 * @param contactPhone null when withheld from the reader (a natural person's or a pending registration's)
 * @param address null when withheld from the reader, as the phone
 * @param email the entity's e-mail address for notices (招标人电子邮箱); null until given, or withheld as the phone
 * @param nonLocal registered outside the deployment's city (for statistics)
 * @param enterpriseNature the organisation's enterprise nature (企业性质); null until stated
 */
public record EntityView(EntityId id, EntityKind kind, String name, String creditCode, String maskedIdNumber,
		String legalRepresentative, String contactName, String contactPhone, String address, String email, RegionCode registeredRegion,
		boolean nonLocal, Set<EntityRole> roles, Set<EntityRole> requestedRoles, EntityStatus status, String returnReason,
		Instant submittedAt, Instant reviewedAt, long version, EnterpriseNature enterpriseNature) {

	/** The profile without the contact phone, address and e-mail, for readers who may not see them (null: withheld). */
	EntityView withoutPersonalContact() {
		return new EntityView(id, kind, name, creditCode, maskedIdNumber, legalRepresentative, contactName, null, null,
				null, registeredRegion, nonLocal, roles, requestedRoles, status, returnReason, submittedAt, reviewedAt, version,
				enterpriseNature);
	}

	public boolean approved() {
		return status == EntityStatus.APPROVED;
	}

	public boolean holds(EntityRole role) {
		return approved() && roles.contains(role);
	}
}
