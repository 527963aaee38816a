package org.yiwang.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.account.AccountManagement;
import org.yiwang.account.AccountView;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.RegionView;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.registry.RegistryChanged.ConsortiumFormed;
import org.yiwang.registry.RegistryChanged.ContactChanged;
import org.yiwang.registry.RegistryChanged.EnterpriseNatureStated;
import org.yiwang.registry.RegistryChanged.CreditRecorded;
import org.yiwang.registry.RegistryChanged.EntityApproved;
import org.yiwang.registry.RegistryChanged.EntityRegistered;
import org.yiwang.registry.RegistryChanged.EntityResubmitted;
import org.yiwang.registry.RegistryChanged.EntityReturned;
import org.yiwang.registry.RegistryChanged.MemberPhoneStated;
import org.yiwang.registry.RegistryChanged.QualificationAdded;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * The registry's entry point. Anyone may register an entity (with the account that will act for it); staff of the
 * region it registered in (or city-wide staff) approve it or return it with a reason; once approved it is valid in
 * every district and category. Other modules ask here whether an entity holds a role, a valid qualification, or is
 * barred by a blacklisting.
 */
@Service
public class EntityRegistry {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Entities entities;

	private final Records records;

	private final AccountManagement accounts;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	EntityRegistry(Entities entities, Records records, AccountManagement accounts, Catalog catalog,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.entities = entities;
		this.records = records;
		this.accounts = accounts;
		this.catalog = catalog;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Registers an entity and creates the account that administers it, in one transaction: a refusal leaves
	 * neither behind. Needs no sign-in; runs in the platform's scope.
	 */
	public EntityView register(Registration registration) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> {
			LocalDate today = LocalDate.now(clock.withZone(CHINA));
			String division = checkIdentity(registration, today);
			checkNature(registration.kind(), registration.enterpriseNature());
			RegionView region = catalog.region(regionCode(registration.registeredRegion()))
				.filter(RegionView::active)
				.orElseThrow(() -> Refusal.invalid("registeredRegion", "registry.region.unknown"));
			Set<Role> accountRoles = registration.roles().stream().map(EntityRole::accountRole).flatMap(Optional::stream)
				.collect(Collectors.toSet());
			if (accountRoles.isEmpty()) {
				throw Refusal.invalid("roles", "registry.roles.business");
			}
			if (registration.kind() == EntityKind.CONSORTIUM) {
				throw Refusal.invalid("kind", "registry.kind.consortiumByMembers");
			}
			Instant now = clock.instant();
			MarketEntity entity = MarketEntity.register(registration, region.code(), !isLocal(division), now);
			entities.add(entity);
			AccountView account = accounts.signUp(registration.username(), registration.name(), accountRoles,
					registration.password());
			entities.addMember(entity.id, account.id().value(), account.username(), true, now);
			events.publishEvent(new EntityRegistered(actorOf(account), entity.id, entity.kind, entity.name,
					entity.requestedRoles, entity.nonLocal, region.code(), now));
			return entity.view();
		}));
	}

	/** The entity the signed-in account acts for. */
	@Transactional(readOnly = true)
	public Optional<EntityView> myEntity() {
		return entities.ofMember(Actors.required().actor().username()).map(MarketEntity::view);
	}

	/**
	 * An entity's profile; any signed-in account may look an entity up (its registration is valid everywhere), but only
	 * its members and the staff who review it see a natural person's or a pending registration's contact phone,
	 * address and e-mail ({@link #shownTo}).
	 */
	@Transactional(readOnly = true)
	public EntityView entity(EntityId id) {
		return shownTo(Actors.required(), load(id));
	}

	/** An entity by its id, for the platform's own work (listeners publishing records); no sign-in needed. */
	@Transactional(readOnly = true)
	public Optional<EntityView> find(EntityId id) {
		return entities.byId(id).map(MarketEntity::view);
	}

	@Transactional(readOnly = true)
	public Optional<EntityView> findByCreditCode(CreditCode code) {
		return entities.byCreditCode(code.value()).map(MarketEntity::view);
	}

	@Transactional(readOnly = true)
	public List<EntityView> search(String text, int limit) {
		Acting reader = requireStaffOrRegulator();
		return entities.search(text == null || text.length() <= 50 ? text : text.substring(0, 50), Math.max(1, Math.min(limit, 200)))
			.stream().map(entity -> shownTo(reader, entity)).toList();
	}

	/** Registrations and changes waiting for the acting staff: their region's, or all for city-wide staff. */
	@Transactional(readOnly = true)
	public List<EntityView> reviewQueue() {
		Acting staff = requireStaff();
		return entities.pending().stream().filter(e -> staff.regionScope().covers(e.registeredRegion))
			.map(MarketEntity::view).toList();
	}

	@Transactional
	public EntityView approve(EntityId id, long seenVersion) {
		Acting staff = requireStaff();
		MarketEntity entity = reviewable(staff, id, seenVersion);
		Instant now = clock.instant();
		entity.approve(staff.actor().username(), now);
		entities.update(entity);
		events.publishEvent(new EntityApproved(staff.actor(), id, Set.copyOf(entity.roles), entity.registeredRegion, now));
		return entity.view();
	}

	@Transactional
	public EntityView returnForCorrection(EntityId id, long seenVersion, String reason) {
		Acting staff = requireStaff();
		if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
			throw Refusal.invalid("reason", "registry.review.reason");
		}
		MarketEntity entity = reviewable(staff, id, seenVersion);
		Instant now = clock.instant();
		entity.returnForCorrection(reason.strip(), staff.actor().username(), now);
		entities.update(entity);
		events.publishEvent(new EntityReturned(staff.actor(), id, reason.strip(), entity.registeredRegion, now));
		return entity.view();
	}

	/** A member corrects a returned registration and sends it back to staff. */
	@Transactional
	public EntityView resubmit(String name, String legalRepresentative, String contactName, String contactPhone,
			String address) {
		Acting member = Actors.required();
		MarketEntity entity = mine(member);
		if (entity.status != EntityStatus.RETURNED) {
			throw Refusal.conflict(null, "registry.resubmit.notReturned");
		}
		if (name == null || name.isBlank() || name.length() > 100 || contactName == null || contactName.isBlank()
				|| contactPhone == null || !contactPhone.strip().matches("[0-9+\\- ]{7,20}")) {
			throw Refusal.invalid("name", "registry.resubmit.incomplete");
		}
		Instant now = clock.instant();
		entity.resubmit(name, legalRepresentative, contactName, contactPhone, address, now);
		entities.update(entity);
		events.publishEvent(new EntityResubmitted(member.actor(), entity.id, Set.copyOf(entity.requestedRoles),
				entity.registeredRegion, now));
		return entity.view();
	}

	/**
	 * A member of the entity states its contact details (address, contact person, phone, e-mail), as notices and the
	 * national data uplink need them; no new review, the details are the entity's own statement.
	 */
	@Transactional
	public EntityView changeContact(ContactDetails details) {
		Acting member = Actors.required();
		MarketEntity entity = mine(member);
		if (details == null) {
			throw Refusal.invalid("contactName", "registry.contactName.required");
		}
		checkContact(details);
		entity.changeContact(details.contactName(), details.contactPhone(), details.address(), details.email());
		entities.update(entity);
		events.publishEvent(new ContactChanged(member.actor(), entity.id, entity.registeredRegion, clock.instant()));
		return entity.view();
	}

	/**
	 * The signed-in member states its own phone, which the national data uplink reports as the contact of the member
	 * who submitted a bid (投标操作人联系方式, dataset 507). Digits, spaces, {@code +} and {@code -}, 7 to 20 of them,
	 * like the entity's contact phone.
	 */
	@Transactional
	public String stateMyPhone(String phone) {
		Acting member = Actors.required();
		MarketEntity entity = mine(member);
		String number = phone == null ? "" : phone.strip();
		if (number.isEmpty()) {
			throw Refusal.invalid("memberPhone", "registry.memberPhone.required");
		}
		if (!number.matches(ContactDetails.PHONE)) {
			throw Refusal.invalid("memberPhone", "registry.memberPhone.form");
		}
		entities.setMemberPhone(entity.id, member.actor().username(), number);
		events.publishEvent(new MemberPhoneStated(member.actor(), entity.id, entity.registeredRegion, clock.instant()));
		return number;
	}

	/** The signed-in member's own phone; empty when not stated (or no entity). */
	@Transactional(readOnly = true)
	public Optional<String> myPhone() {
		Acting member = Actors.required();
		return entities.entityOf(member.actor().username())
			.flatMap(id -> entities.memberPhone(id, member.actor().username()));
	}

	/**
	 * The phone a member of the entity stated for itself; empty when it stated none or is no member. Personal data: only
	 * the platform itself reads it (no one signed in: the national uplink reporting who submitted a bid), never a
	 * signed-in account, whoever it is.
	 */
	@Transactional(readOnly = true)
	public Optional<String> memberPhone(EntityId entity, String username) {
		if (Actors.current().isPresent()) {
			throw Refusal.forbidden("registry.memberPhone.platformOnly");
		}
		return entity == null || username == null ? Optional.empty() : entities.memberPhone(entity, username);
	}

	/**
	 * A member states the entity's enterprise nature (企业性质, an {@link EnterpriseNature} code), which the national
	 * data uplink asks of bidders and winners; organisations registered before it was asked state it here. No new
	 * review: it is the entity's own statement, like its contact details.
	 */
	@Transactional
	public EntityView stateEnterpriseNature(String code) {
		Acting member = Actors.required();
		MarketEntity entity = mine(member);
		if (entity.kind == EntityKind.PERSON) {
			throw Refusal.invalid("enterpriseNature", "registry.nature.notForPerson");
		}
		entity.enterpriseNature = checkNature(entity.kind, code == null || code.isBlank() ? null : code);
		entities.update(entity);
		events.publishEvent(new EnterpriseNatureStated(member.actor(), entity.id, entity.enterpriseNature.code(),
				entity.registeredRegion, clock.instant()));
		return entity.view();
	}

	/** An organisation must state a nature of the list; a person may not state one. */
	private static EnterpriseNature checkNature(EntityKind kind, String code) {
		if (code == null) {
			if (kind == EntityKind.ORGANIZATION) {
				throw Refusal.invalid("enterpriseNature", "registry.nature.required");
			}
			return null;
		}
		if (kind == EntityKind.PERSON) {
			throw Refusal.invalid("enterpriseNature", "registry.nature.notForPerson");
		}
		return EnterpriseNature.of(code)
			.orElseThrow(() -> Refusal.invalid("enterpriseNature", "registry.nature.unknown", code.length() > 20
					? code.substring(0, 20) + "…" : code));
	}

	/** The checks of {@link ContactDetails}' annotations, for callers that did not validate it (every field named). */
	private static void checkContact(ContactDetails d) {
		if (d.contactName() == null || d.contactName().isEmpty()) {
			throw Refusal.invalid("contactName", "registry.contactName.required");
		}
		if (d.contactName().length() > 30) {
			throw Refusal.invalid("contactName", "registry.contactName.size");
		}
		if (d.contactPhone() == null || d.contactPhone().isEmpty()) {
			throw Refusal.invalid("contactPhone", "registry.contactPhone.required");
		}
		if (!d.contactPhone().matches(ContactDetails.PHONE)) {
			throw Refusal.invalid("contactPhone", "registry.contactPhone.form");
		}
		if (d.address() == null || d.address().isEmpty()) {
			throw Refusal.invalid("address", "registry.address.required");
		}
		if (d.address().length() > 200) {
			throw Refusal.invalid("address", "registry.address.size");
		}
		if (d.email() == null || d.email().isEmpty()) {
			throw Refusal.invalid("email", "registry.email.required");
		}
		if (d.email().length() > 100) {
			throw Refusal.invalid("email", "registry.email.size");
		}
		if (!d.email().matches(ContactDetails.EMAIL)) {
			throw Refusal.invalid("email", "registry.email.form");
		}
	}

	/** A member asks for more role extensions; staff review them like a registration. */
	@Transactional
	public EntityView requestRoles(Set<EntityRole> roles) {
		Acting member = Actors.required();
		MarketEntity entity = mine(member);
		Set<EntityRole> more = roles == null ? Set.of() : EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(EntityRole.class) : roles);
		more.removeAll(entity.roles);
		if (more.isEmpty()) {
			throw Refusal.invalid("roles", "registry.roles.nothingNew");
		}
		Instant now = clock.instant();
		entity.request(more, now);
		entities.update(entity);
		events.publishEvent(new EntityResubmitted(member.actor(), entity.id, Set.copyOf(entity.requestedRoles),
				entity.registeredRegion, now));
		return entity.view();
	}

	@Transactional
	public QualificationView addQualification(NewQualification q) {
		Acting member = Actors.required();
		MarketEntity entity = mine(member);
		if (q.validUntil().isBefore(q.validFrom())) {
			throw Refusal.invalid("validUntil", "registry.qualification.period");
		}
		if (q.validUntil().isBefore(LocalDate.now(clock.withZone(CHINA)))) {
			throw Refusal.invalid("validUntil", "registry.qualification.expired");
		}
		Instant now = clock.instant();
		QualificationView added = new QualificationView(UUID.randomUUID(), entity.id, q.type().strip(),
				q.grade() == null || q.grade().isBlank() ? null : q.grade().strip(), q.number().strip(), q.issuer().strip(),
				q.validFrom(), q.validUntil());
		records.addQualification(added, now);
		events.publishEvent(new QualificationAdded(member.actor(), entity.id, added.id(), added.type(), added.number(),
				added.validUntil(), entity.registeredRegion, now));
		return added;
	}

	@Transactional(readOnly = true)
	public List<QualificationView> qualifications(EntityId id) {
		Actors.required();
		return records.qualifications(id);
	}

	/**
	 * The qualifications an entity holds, for what the platform records on its own (no one signed in: the national
	 * uplink states which of them answer a section's requirements).
	 */
	@Transactional(readOnly = true)
	public List<QualificationView> heldQualifications(EntityId id) {
		return records.qualifications(id);
	}

	/** Qualifications of approved entities that expire within {@code days} days from today (for warnings). */
	@Transactional(readOnly = true)
	public List<QualificationView> expiringWithin(int days) {
		requireStaffOrRegulator();
		LocalDate today = LocalDate.now(clock.withZone(CHINA));
		return records.expiring(today, today.plusDays(Math.max(0, Math.min(days, 366))));
	}

	/** Staff and regulators record conduct; a blacklisting needs a period. */
	@Transactional
	public CreditRecordView recordCredit(EntityId id, NewCreditRecord r) {
		Acting recorder = requireStaffOrRegulator();
		MarketEntity entity = load(id);
		if (r.kind() == CreditKind.BLACKLIST && r.endsOn() == null) {
			throw Refusal.invalid("endsOn", "registry.credit.periodRequired");
		}
		if (r.endsOn() != null && r.endsOn().isBefore(r.startsOn())) {
			throw Refusal.invalid("endsOn", "registry.credit.period");
		}
		Set<RegionCode> regions = new LinkedHashSet<>();
		for (String code : r.regions()) {
			if (!RegionCode.isValid(code) || catalog.region(RegionCode.of(code)).isEmpty()) {
				throw Refusal.invalid("regions", "registry.region.unknown");
			}
			regions.add(RegionCode.of(code));
		}
		if (!recorder.regionScope().all() && (regions.isEmpty() || !regions.stream().allMatch(recorder.regionScope()::covers))) {
			throw Refusal.forbidden("registry.credit.scope");
		}
		Set<CategoryCode> categories = new LinkedHashSet<>();
		for (String code : r.categories()) {
			if (!CategoryCode.isValid(code) || catalog.findCategory(CategoryCode.of(code)).isEmpty()) {
				throw Refusal.invalid("categories", "catalog.category.notFound", code);
			}
			categories.add(CategoryCode.of(code));
		}
		Instant now = clock.instant();
		CreditRecordView record = new CreditRecordView(UUID.randomUUID(), id, r.kind(), r.description().strip(),
				r.source().strip(), regions, categories, r.startsOn(), r.endsOn(), recorder.actor().username(), now);
		records.addCreditRecord(record);
		events.publishEvent(new CreditRecorded(recorder.actor(), id, record.id(), record.kind(), record.startsOn(),
				record.endsOn(), entity.registeredRegion, now));
		return record;
	}

	@Transactional(readOnly = true)
	public List<CreditRecordView> creditRecords(EntityId id) {
		Actors.required();
		return records.creditRecords(id);
	}

	/** Whether a blacklisting bars the entity from business in this region and category on this day. */
	@Transactional(readOnly = true)
	public boolean isBarred(EntityId id, RegionCode region, CategoryCode category, LocalDate day) {
		return records.creditRecords(id).stream().anyMatch(r -> r.bars(region, category, day));
	}

	/**
	 * The signed-in member's entity forms a consortium for one bid with other approved entities; it leads. A
	 * consortium needs no review of its own: its members are approved already.
	 */
	@Transactional
	public EntityView formConsortium(String name, Set<EntityId> partners, String purpose) {
		Acting member = Actors.required();
		MarketEntity lead = mine(member);
		if (lead.status != EntityStatus.APPROVED) {
			throw Refusal.conflict(null, "registry.consortium.leadNotApproved");
		}
		if (name == null || name.isBlank() || name.length() > 100 || purpose == null || purpose.isBlank()
				|| purpose.length() > 100) {
			throw Refusal.invalid("name", "registry.consortium.incomplete");
		}
		if (partners == null || partners.isEmpty() || partners.contains(lead.id)) {
			throw Refusal.invalid("members", "registry.consortium.members");
		}
		for (EntityId partner : partners) {
			MarketEntity other = entities.byId(partner)
				.orElseThrow(() -> Refusal.invalid("members", "registry.consortium.memberUnknown"));
			if (other.status != EntityStatus.APPROVED || other.kind == EntityKind.CONSORTIUM) {
				throw Refusal.invalid("members", "registry.consortium.memberNotApproved", other.name);
			}
		}
		Instant now = clock.instant();
		MarketEntity consortium = new MarketEntity(EntityId.random(), EntityKind.CONSORTIUM, name.strip(), null, null, null,
				lead.contactName, lead.contactPhone, lead.address, lead.email, lead.registeredRegion, lead.nonLocal,
				EnumSet.of(EntityRole.BIDDER), Set.of(), EntityStatus.APPROVED, null, now, now, member.actor().username(), now, 0);
		entities.add(consortium);
		entities.addConsortiumMember(consortium.id, lead.id, true);
		partners.forEach(partner -> entities.addConsortiumMember(consortium.id, partner, false));
		events.publishEvent(new ConsortiumFormed(member.actor(), consortium.id, lead.id, Set.copyOf(partners),
				purpose.strip(), lead.registeredRegion, now));
		return consortium.view();
	}

	@Transactional(readOnly = true)
	public List<EntityId> consortiumMembers(EntityId consortium) {
		Actors.required();
		return entities.consortiumMembers(consortium);
	}

	@Transactional(readOnly = true)
	public Locality locality() {
		requireStaffOrRegulator();
		return entities.locality();
	}

	/** Checks the credit code or ID number; returns the division code it was issued under. */
	private static String checkIdentity(Registration r, LocalDate today) {
		if (r.kind() == EntityKind.ORGANIZATION) {
			if (r.creditCode() == null) {
				throw Refusal.invalid("creditCode", "registry.creditCode.required");
			}
			Optional<String> problem = CreditCode.problem(r.creditCode());
			if (problem.isPresent()) {
				String why = problem.get().substring(0, problem.get().indexOf(':'));
				throw Refusal.invalid("creditCode", "registry.creditCode." + why,
						why.equals("check") ? String.valueOf(CreditCode.checkCharacter(r.creditCode())) : "");
			}
			return CreditCode.of(r.creditCode()).division();
		}
		if (r.kind() == EntityKind.PERSON) {
			if (r.idNumber() == null) {
				throw Refusal.invalid("idNumber", "registry.idNumber.required");
			}
			Optional<String> problem = ResidentIdNumber.problem(r.idNumber(), today);
			if (problem.isPresent()) {
				throw Refusal.invalid("idNumber", problem.get(), problem.get().endsWith("check")
						? String.valueOf(ResidentIdNumber.checkCharacter(r.idNumber())) : "");
			}
			return r.idNumber().substring(0, 6);
		}
		return "";
	}

	/** Whether a division code lies in the deployment's city: 500000 covers 50xxxx, 440300 covers 4403xx. */
	private boolean isLocal(String division) {
		String city = catalog.city().code().value();
		String prefix = city.replaceAll("(00)+$", "");
		return division.startsWith(prefix);
	}

	private static RegionCode regionCode(String value) {
		if (!RegionCode.isValid(value)) {
			throw Refusal.invalid("registeredRegion", "registry.region.unknown");
		}
		return RegionCode.of(value);
	}

	private MarketEntity reviewable(Acting staff, EntityId id, long seenVersion) {
		MarketEntity entity = entities.byId(id).filter(e -> staff.regionScope().covers(e.registeredRegion))
			.orElseThrow(() -> Refusal.notFound("registry.entity.notFound"));
		if (entity.status != EntityStatus.PENDING) {
			throw Refusal.conflict(null, "registry.review.notPending");
		}
		if (entity.version != seenVersion) {
			throw Refusal.conflict(null, "problem.changedMeanwhile");
		}
		return entity;
	}

	private MarketEntity mine(Acting member) {
		return entities.entityOf(member.actor().username()).flatMap(entities::byId)
			.orElseThrow(() -> Refusal.notFound("registry.entity.none"));
	}

	/**
	 * The entity as this reader may see it. An approved organisation's contact details are published in its notices
	 * anyway; a natural person's, and those of a registration not yet approved, are personal: only the entity's own
	 * members and staff whose scope covers its registered region (who review it) see them. Everyone else gets the
	 * profile without phone, address and e-mail.
	 */
	private EntityView shownTo(Acting reader, MarketEntity entity) {
		EntityView view = entity.view();
		if (entity.status == EntityStatus.APPROVED && entity.kind != EntityKind.PERSON) {
			return view;
		}
		boolean reviewer = (reader.hasRole(Role.CENTER_STAFF) || reader.hasRole(Role.PLATFORM_ADMIN))
				&& reader.regionScope().covers(entity.registeredRegion);
		boolean member = entities.entityOf(reader.actor().username()).filter(entity.id::equals).isPresent();
		return reviewer || member ? view : view.withoutPersonalContact();
	}

	private MarketEntity load(EntityId id) {
		return entities.byId(id).orElseThrow(() -> Refusal.notFound("registry.entity.notFound"));
	}

	private static Actor actorOf(AccountView account) {
		return new Actor(account.username(), account.roles().stream().map(Role::name).sorted().collect(Collectors.joining("+")),
				account.region().value());
	}

	private static Acting requireStaff() {
		return Actors.requireAnyRole("registry.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
	}

	private static Acting requireStaffOrRegulator() {
		return Actors.requireAnyRole("registry.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN, Role.REGULATOR);
	}
}
