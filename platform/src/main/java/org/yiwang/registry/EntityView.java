package org.yiwang.registry;

import java.time.Instant;
import java.util.Set;

import org.yiwang.kernel.RegionCode;

/**
 * A market entity as other modules and pages see it. The resident ID number of a person is shown masked.
 *
 * @param email the entity's e-mail address for notices (招标人电子邮箱); null until given
 * @param nonLocal registered outside the deployment's city (for statistics)
 * @param enterpriseNature the organisation's enterprise nature (企业性质); null until stated
 */
public record EntityView(EntityId id, EntityKind kind, String name, String creditCode, String maskedIdNumber,
		String legalRepresentative, String contactName, String contactPhone, String address, String email, RegionCode registeredRegion,
		boolean nonLocal, Set<EntityRole> roles, Set<EntityRole> requestedRoles, EntityStatus status, String returnReason,
		Instant submittedAt, Instant reviewedAt, long version, EnterpriseNature enterpriseNature) {

	public boolean approved() {
		return status == EntityStatus.APPROVED;
	}

	public boolean holds(EntityRole role) {
		return approved() && roles.contains(role);
	}
}
