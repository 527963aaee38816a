package org.yiwang.registry;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.yiwang.kernel.RegionCode;

/** A registered organisation, person or consortium, and where its registration stands. */
class MarketEntity {

	final EntityId id;

	final EntityKind kind;

	String name;

	final String creditCode;

	final String idNumber;

	String legalRepresentative;

	String contactName;

	String contactPhone;

	String address;

	String email;

	/** 企业性质; null until stated (persons are not asked; organisations registered before were not). */
	EnterpriseNature enterpriseNature;

	final RegionCode registeredRegion;

	final boolean nonLocal;

	Set<EntityRole> roles;

	Set<EntityRole> requestedRoles;

	EntityStatus status;

	String returnReason;

	Instant submittedAt;

	Instant reviewedAt;

	String reviewedBy;

	final Instant createdAt;

	long version;

	MarketEntity(EntityId id, EntityKind kind, String name, String creditCode, String idNumber, String legalRepresentative,
			String contactName, String contactPhone, String address, String email, RegionCode registeredRegion,
			boolean nonLocal, Set<EntityRole> roles, Set<EntityRole> requestedRoles, EntityStatus status, String returnReason,
			Instant submittedAt, Instant reviewedAt, String reviewedBy, Instant createdAt, long version) {
		this.id = id;
		this.kind = kind;
		this.name = name;
		this.creditCode = creditCode;
		this.idNumber = idNumber;
		this.legalRepresentative = legalRepresentative;
		this.contactName = contactName;
		this.contactPhone = contactPhone;
		this.address = address;
		this.email = email;
		this.registeredRegion = registeredRegion;
		this.nonLocal = nonLocal;
		this.roles = copy(roles);
		this.requestedRoles = copy(requestedRoles);
		this.status = status;
		this.returnReason = returnReason;
		this.submittedAt = submittedAt;
		this.reviewedAt = reviewedAt;
		this.reviewedBy = reviewedBy;
		this.createdAt = createdAt;
		this.version = version;
	}

	/** A first registration: nothing held yet, everything requested, waiting for staff. */
	static MarketEntity register(Registration r, RegionCode region, boolean nonLocal, Instant now) {
		MarketEntity e = new MarketEntity(EntityId.random(), r.kind(), r.name().strip(), r.creditCode(), r.idNumber(),
				blankToNull(r.legalRepresentative()), r.contactName().strip(), r.contactPhone().strip(),
				blankToNull(r.address()), blankToNull(r.email()), region, nonLocal, Set.of(), r.roles(), EntityStatus.PENDING, null, now, null,
				null, now, 0);
		e.enterpriseNature = EnterpriseNature.of(r.enterpriseNature()).orElse(null);
		return e;
	}

	void approve(String reviewer, Instant now) {
		roles = union(roles, requestedRoles);
		requestedRoles = EnumSet.noneOf(EntityRole.class);
		status = EntityStatus.APPROVED;
		returnReason = null;
		reviewedAt = now;
		reviewedBy = reviewer;
	}

	void returnForCorrection(String reason, String reviewer, Instant now) {
		status = EntityStatus.RETURNED;
		returnReason = reason;
		reviewedAt = now;
		reviewedBy = reviewer;
	}

	/** Corrected details go back to staff; what was already approved stays held meanwhile. */
	void resubmit(String name, String legalRepresentative, String contactName, String contactPhone, String address,
			Instant now) {
		this.name = name.strip();
		this.legalRepresentative = blankToNull(legalRepresentative);
		this.contactName = contactName.strip();
		this.contactPhone = contactPhone.strip();
		this.address = blankToNull(address);
		this.status = EntityStatus.PENDING;
		this.submittedAt = now;
	}

	/** The entity's contact details as the national data specification asks them of a tenderer or agency. */
	void changeContact(String contactName, String contactPhone, String address, String email) {
		this.contactName = contactName;
		this.contactPhone = contactPhone;
		this.address = address;
		this.email = email;
	}

	/** Asks for more role extensions; they are held once staff approve. */
	void request(Set<EntityRole> more, Instant now) {
		requestedRoles = union(requestedRoles, more);
		requestedRoles.removeAll(roles);
		status = EntityStatus.PENDING;
		submittedAt = now;
	}

	EntityView view() {
		return new EntityView(id, kind, name, creditCode, idNumber == null ? null : ResidentIdNumber.masked(idNumber),
				legalRepresentative, contactName, contactPhone, address, email, registeredRegion, nonLocal, Set.copyOf(roles),
				Set.copyOf(requestedRoles), status, returnReason, submittedAt, reviewedAt, version, enterpriseNature);
	}

	private static Set<EntityRole> copy(Set<EntityRole> roles) {
		return roles.isEmpty() ? EnumSet.noneOf(EntityRole.class) : EnumSet.copyOf(roles);
	}

	private static Set<EntityRole> union(Set<EntityRole> a, Set<EntityRole> b) {
		Set<EntityRole> union = copy(a);
		union.addAll(b);
		return union;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
