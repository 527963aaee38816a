package org.yiwang.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Auditable;
import org.yiwang.kernel.RegionCode;

/** The registry's past-tense facts; each is appended to the audit log with the change. */
public sealed interface RegistryChanged extends Auditable {

	EntityId entity();

	default String target() {
		return "entity:" + entity();
	}

	record EntityRegistered(Actor actor, EntityId entity, EntityKind kind, String name, Set<EntityRole> requestedRoles,
			boolean nonLocal, RegionCode region, Instant occurredAt) implements RegistryChanged {

		public String action() {
			return "registry.entity.registered";
		}
	}

	record EntityApproved(Actor actor, EntityId entity, Set<EntityRole> roles, RegionCode region, Instant occurredAt)
			implements RegistryChanged {

		public String action() {
			return "registry.entity.approved";
		}
	}

	record EntityReturned(Actor actor, EntityId entity, String reason, RegionCode region, Instant occurredAt)
			implements RegistryChanged {

		public String action() {
			return "registry.entity.returned";
		}
	}

	record EntityResubmitted(Actor actor, EntityId entity, Set<EntityRole> requestedRoles, RegionCode region,
			Instant occurredAt) implements RegistryChanged {

		public String action() {
			return "registry.entity.resubmitted";
		}
	}

	record ContactChanged(Actor actor, EntityId entity, RegionCode region, Instant occurredAt) implements RegistryChanged {

		public String action() {
			return "registry.entity.contactChanged";
		}
	}

	/** A member stated its own phone; the number itself is personal data and stays out of the event. */
	record MemberPhoneStated(Actor actor, EntityId entity, RegionCode region, Instant occurredAt)
			implements RegistryChanged {

		public String action() {
			return "registry.member.phoneStated";
		}
	}

	record EnterpriseNatureStated(Actor actor, EntityId entity, String code, RegionCode region, Instant occurredAt)
			implements RegistryChanged {

		public String action() {
			return "registry.entity.natureStated";
		}
	}

	record QualificationAdded(Actor actor, EntityId entity, UUID qualification, String type, String number,
			LocalDate validUntil, RegionCode region, Instant occurredAt) implements RegistryChanged {

		public String action() {
			return "registry.qualification.added";
		}
	}

	record CreditRecorded(Actor actor, EntityId entity, UUID record, CreditKind kind, LocalDate startsOn, LocalDate endsOn,
			RegionCode region, Instant occurredAt) implements RegistryChanged {

		public String action() {
			return kind == CreditKind.BLACKLIST ? "registry.entity.blacklisted" : "registry.credit.recorded";
		}
	}

	record ConsortiumFormed(Actor actor, EntityId entity, EntityId lead, Set<EntityId> members, String purpose,
			RegionCode region, Instant occurredAt) implements RegistryChanged {

		public String action() {
			return "registry.consortium.formed";
		}
	}

	record CertificateBindingRequested(Actor actor, EntityId entity, String fingerprint, String subject,
			BindingStatus status, RegionCode region, Instant occurredAt) implements RegistryChanged {

		public String action() {
			return status == BindingStatus.ACTIVE ? "registry.certificate.bound" : "registry.certificate.requested";
		}
	}

	record CertificateBindingDecided(Actor actor, EntityId entity, String fingerprint, BindingStatus status,
			String reason, RegionCode region, Instant occurredAt) implements RegistryChanged {

		public String action() {
			return status == BindingStatus.ACTIVE ? "registry.certificate.approved" : "registry.certificate.refused";
		}
	}
}
