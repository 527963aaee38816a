package org.yiwang.tendering;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.registry.EntityCertificates;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.QualificationView;
import org.yiwang.system.Actors;
import org.yiwang.system.Deployment;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;
import org.yiwang.tendering.TenderingChanged.ChangeRefused;

/**
 * Who may see which section, and in which scope the work runs. Staff and regulators work in their own region scope,
 * so PostgreSQL shows them only their regions' sections; tenderers, agencies and bidders act city-wide on records this
 * class picks by their entity (their own tenders, their mandates, published sections), read in the platform's scope.
 * A section the actor may not see is not found.
 */
@Component
class SectionAccess {

	private final Sections sections;

	private final EntityRegistry registry;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Deployment deployment;

	private final Clock clock;

	private final EntityCertificates certificates;

	SectionAccess(Sections sections, EntityRegistry registry, TransactionTemplate transactions,
			ApplicationEventPublisher events, Deployment deployment, Clock clock, EntityCertificates certificates) {
		this.sections = sections;
		this.registry = registry;
		this.certificates = certificates;
		this.transactions = transactions;
		this.events = events;
		this.deployment = deployment;
		this.clock = clock;
	}

	static boolean isStaff(Acting acting) {
		return acting.hasRole(Role.CENTER_STAFF) || acting.hasRole(Role.PLATFORM_ADMIN);
	}

	static boolean isParty(Acting acting) {
		return acting.hasRole(Role.TENDERER) || acting.hasRole(Role.AGENCY);
	}

	/** Work across all regions, on records picked by the acting entity, in one transaction. */
	<T> T platform(Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> work.get()));
	}

	/** Work in the acting staff's own region scope, in one transaction. */
	<T> T scoped(Supplier<T> work) {
		return transactions.execute(status -> work.get());
	}

	/** The acting account's approved entity holding one of the roles; a conflict saying what is missing otherwise. */
	EntityView myEntity(String missingRoleKey, EntityRole... roles) {
		return approvedHolding(registry.myEntity(), missingRoleKey, roles);
	}

	/**
	 * As {@link #myEntity}, with the bid's other questions to the registry answered in the same read (the signer's
	 * binding, a blacklisting running today): {@link EntityCertificates#bidderStanding}.
	 */
	EntityCertificates.BidderStanding myStanding(String signerFingerprint, String missingRoleKey, EntityRole... roles) {
		Optional<EntityCertificates.BidderStanding> standing = certificates.bidderStanding(signerFingerprint, today());
		approvedHolding(standing.map(EntityCertificates.BidderStanding::entity), missingRoleKey, roles);
		return standing.orElseThrow();
	}

	private static EntityView approvedHolding(Optional<EntityView> mine, String missingRoleKey, EntityRole... roles) {
		EntityView entity = mine.orElseThrow(() -> Refusal.conflict(null, "tendering.entity.none"));
		if (!entity.approved()) {
			throw Refusal.conflict(null, "tendering.entity.notApproved", entity.name());
		}
		for (EntityRole role : roles) {
			if (entity.holds(role)) {
				return entity;
			}
		}
		throw Refusal.conflict(null, missingRoleKey, entity.name());
	}

	/** The tenderer or its mandated agency acting on a section of theirs (call inside {@link #platform}). */
	SectionView forParty(SectionId id, EntityView party) {
		SectionView section = sections.byId(id).orElseThrow(SectionAccess::notFound);
		if (section.tenderer().equals(party.id()) || party.id().equals(section.agency())) {
			return section;
		}
		throw notFound();
	}

	/** Staff of the section's region (call inside {@link #scoped}: the database shows no other region's). */
	SectionView forStaff(SectionId id) {
		Acting staff = Actors.required();
		SectionView section = sections.byId(id).orElseThrow(SectionAccess::notFound);
		if (!staff.regionScope().covers(section.region())) {
			throw notFound();
		}
		return section;
	}

	/** A published section (or one past its deadline: opening and after), as bidders see it (call inside {@link #platform}). */
	SectionView published(SectionId id) {
		return sections.byId(id).filter(s -> s.status().ordinal() >= SectionStatus.PUBLISHED.ordinal())
			.orElseThrow(SectionAccess::notFound);
	}

	/**
	 * A bidder may take part in a section: not barred by a blacklisting in its region and category, and holding each
	 * qualification type the section requires, valid today.
	 */
	void requireEligible(EntityView bidder, SectionView section) {
		requireEligible(bidder, section, true);
	}

	/**
	 * As {@link #requireEligible(EntityView, SectionView)}, the credit records read only when {@code blacklistedSomewhere}
	 * (a blacklisting of the bidder runs today in some region or category, {@link #myStanding}): whether it bars this
	 * section's region and category is then read as before.
	 */
	void requireEligible(EntityView bidder, SectionView section, boolean blacklistedSomewhere) {
		if (blacklistedSomewhere && registry.isBarred(bidder.id(), section.region(), section.category(), today())) {
			throw Refusal.conflict(null, "tendering.bidder.barred", bidder.name());
		}
		if (section.qualifications().isEmpty()) {
			return;
		}
		List<QualificationView> held = registry.qualifications(bidder.id());
		for (String required : section.qualifications()) {
			if (held.stream().noneMatch(q -> q.type().equals(required) && q.validOn(today()))) {
				throw Refusal.conflict(null, "tendering.bidder.unqualified", required);
			}
		}
	}

	static Refusal notFound() {
		return Refusal.notFound("tendering.section.notFound");
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(ProcedureClock.CHINA));
	}

	RegionCode city() {
		return deployment.cityCode();
	}

	/**
	 * Runs a state change; a refusal other than not-found is appended to the audit log in a transaction of its own
	 * (the change's own was rolled back) and thrown on.
	 */
	<T> T audited(String attempted, String target, RegionCode region, Supplier<T> change) {
		try {
			return change.get();
		}
		catch (Refusal refusal) {
			if (refusal.status() != HttpStatus.NOT_FOUND) {
				RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(status -> events.publishEvent(
						new ChangeRefused(Actors.actor(), attempted, target, refusal.messageKey(),
								region == null ? city() : region, clock.instant()))));
			}
			throw refusal;
		}
	}
}
