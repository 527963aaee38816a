package org.yiwang.intermediary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.registry.QualificationView;
import org.yiwang.registry.ResidentIdNumber;
import org.yiwang.system.Actors;
import org.yiwang.system.Deployment;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * The marketplace's supply side: the maintained catalogue of service types, the intermediaries (registry entities
 * with the intermediary role) and the service types they offer, their staff, and their public profile and score. An
 * offered type counts only while a registry qualification of that type is valid; nothing here copies the registry.
 */
@Service
public class IntermediaryMarket {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** Qualification grades from highest to lowest: a higher grade meets a lower requirement. */
	public static final List<String> GRADES = List.of("甲级", "乙级", "丙级");

	private final Providers providers;

	private final Requests requests;

	private final EntityRegistry registry;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Deployment deployment;

	private final Clock clock;

	IntermediaryMarket(Providers providers, Requests requests, EntityRegistry registry, ApplicationEventPublisher events,
			TransactionTemplate transactions, Deployment deployment, Clock clock) {
		this.providers = providers;
		this.requests = requests;
		this.registry = registry;
		this.events = events;
		this.transactions = transactions;
		this.deployment = deployment;
		this.clock = clock;
	}

	// ---- the catalogue -------------------------------------------------------------------------------------------

	/** The service types, for everyone. */
	public List<ServiceTypeView> serviceTypes() {
		return platform(providers::serviceTypes);
	}

	public ServiceTypeView serviceType(String code) {
		return platform(() -> providers.serviceType(code))
			.orElseThrow(() -> Refusal.invalid("serviceType", "intermediary.serviceType.unknown"));
	}

	/** City-wide staff set a type's tender threshold (the fee ceiling above which a tender is required). */
	public ServiceTypeView reviseThreshold(String code, BigDecimal threshold) {
		Acting staff = Actors.requireAnyRole("intermediary.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
		if (!staff.actsCityWide()) {
			throw Refusal.forbidden("intermediary.threshold.cityWide");
		}
		if (threshold == null || threshold.signum() <= 0 || threshold.scale() > 2
				|| threshold.compareTo(new BigDecimal("100000000000")) >= 0) {
			throw Refusal.invalid("tenderThreshold", "intermediary.threshold.form");
		}
		ServiceTypeView type = serviceType(code);
		return platform(() -> {
			Instant now = clock.instant();
			providers.reviseThreshold(type.code(), threshold, staff.actor().username(), now);
			events.publishEvent(new IntermediaryChanged.ThresholdRevised(staff.actor(), type.code(),
					threshold.toPlainString(), deployment.cityCode(), now));
			return providers.serviceType(code).orElseThrow();
		});
	}

	// ---- the intermediary's own profile ---------------------------------------------------------------------------

	/** The signed-in intermediary states the service types it offers (at least one, each from the catalogue). */
	public ProviderView offer(Set<String> serviceTypes) {
		Acting member = Actors.requireAnyRole("intermediary.intermediaryOnly", Role.INTERMEDIARY);
		EntityView entity = myIntermediary();
		Set<String> types = new LinkedHashSet<>();
		for (String code : serviceTypes == null ? Set.<String>of() : serviceTypes) {
			types.add(serviceType(code).code());
		}
		if (types.isEmpty()) {
			throw Refusal.invalid("serviceTypes", "intermediary.serviceTypes.required");
		}
		platform(() -> {
			Instant now = clock.instant();
			providers.save(entity.id().value(), entity.name(), entity.registeredRegion(), types, now);
			events.publishEvent(new IntermediaryChanged.ProviderJoined(member.actor(), entity.id().value(),
					String.join(",", types), entity.registeredRegion(), now));
			return null;
		});
		return profile(entity.id());
	}

	/** The signed-in intermediary adds a practising staff member (name, resident ID number, title). */
	public StaffView addStaff(String name, String idNumber, String title) {
		Acting member = Actors.requireAnyRole("intermediary.intermediaryOnly", Role.INTERMEDIARY);
		EntityView entity = myIntermediary();
		String person = name == null ? "" : name.strip();
		if (person.isEmpty() || person.length() > 40) {
			throw Refusal.invalid("staffName", "intermediary.staff.name");
		}
		String number = idNumber == null ? "" : idNumber.strip().toUpperCase();
		LocalDate today = LocalDate.now(clock.withZone(CHINA));
		if (ResidentIdNumber.problem(number, today).isPresent()) {
			throw Refusal.invalid("idNumber", "intermediary.staff.idNumber");
		}
		String role = title == null ? "" : title.strip();
		if (role.isEmpty() || role.length() > 60) {
			throw Refusal.invalid("title", "intermediary.staff.titleRequired");
		}
		String sha256 = Sha256.hex(number.getBytes(StandardCharsets.UTF_8));
		return platform(() -> {
			UUID provider = entity.id().value();
			if (providers.byId(provider).isEmpty()) {
				throw Refusal.conflict("serviceTypes", "intermediary.provider.joinFirst");
			}
			if (providers.hasStaff(provider, sha256)) {
				throw Refusal.conflict("idNumber", "intermediary.staff.duplicate");
			}
			Instant now = clock.instant();
			UUID id = UUID.randomUUID();
			providers.addStaff(id, provider, person, ResidentIdNumber.masked(number), sha256, role, now);
			events.publishEvent(new IntermediaryChanged.StaffAdded(member.actor(), provider, id,
					entity.registeredRegion(), now));
			return new StaffView(id, person, ResidentIdNumber.masked(number), role, now);
		});
	}

	/** The signed-in intermediary's profile; empty until it offers a service type. */
	public Optional<ProviderView> myProfile() {
		Actors.requireAnyRole("intermediary.intermediaryOnly", Role.INTERMEDIARY);
		EntityView entity = myIntermediary();
		return platform(() -> providers.byId(entity.id().value())).map(p -> profile(entity.id()));
	}

	/** Whether the signed-in account acts for an approved intermediary (the page asks before showing forms). */
	public Optional<EntityView> myEntity() {
		return registry.myEntity();
	}

	EntityView myIntermediary() {
		EntityView entity = registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
		if (!entity.holds(EntityRole.INTERMEDIARY)) {
			throw Refusal.forbidden("intermediary.notIntermediary");
		}
		return entity;
	}

	// ---- public profiles -----------------------------------------------------------------------------------------

	/** Every intermediary in the marketplace with its public score, for everyone. */
	public List<ProviderSummary> providers() {
		return platform(() -> providers.all().stream()
			.map(p -> new ProviderSummary(new EntityId(p.entity()), p.name(), p.region(), p.serviceTypes(),
					score(requests.ratings(p.entity()))))
			.toList());
	}

	/** A line of the public list. */
	public record ProviderSummary(EntityId id, String name, RegionCode registeredRegion, List<String> serviceTypes,
			PublicScore score) {
	}

	/** An intermediary's public profile, for everyone. */
	public ProviderView profile(EntityId id) {
		return platform(() -> {
			Providers.Stored p = providers.byId(id.value())
				.orElseThrow(() -> Refusal.notFound("intermediary.provider.notFound"));
			EntityView entity = registry.find(id).orElseThrow(() -> Refusal.notFound("intermediary.provider.notFound"));
			LocalDate today = LocalDate.now(clock.withZone(CHINA));
			List<QualificationView> held = registry.heldQualifications(id);
			List<ProviderView.QualifiedType> qualified = p.serviceTypes().stream().map(code -> {
				ServiceTypeView type = providers.serviceType(code).orElseThrow();
				Optional<QualificationView> valid = held.stream()
					.filter(q -> q.type().equals(type.qualification()) && q.validOn(today))
					.findFirst();
				return valid.map(q -> new ProviderView.QualifiedType(code, q.number(), q.grade(), q.validUntil(), true))
					.orElseGet(() -> new ProviderView.QualifiedType(code, null, null, null, false));
			}).toList();
			List<RatingView> ratings = requests.ratings(id.value());
			return new ProviderView(id, p.name(), entity.creditCode(), p.region(), p.serviceTypes(), qualified,
					providers.staff(id.value()), score(ratings), ratings, requests.selecting(id.value()), p.joinedAt());
		});
	}

	/** The public score of an intermediary, as the price–quality selection counts it. */
	PublicScore score(UUID intermediary) {
		return score(requests.ratings(intermediary));
	}

	static PublicScore score(List<RatingView> ratings) {
		if (ratings.isEmpty()) {
			return new PublicScore(0, null, null, null);
		}
		return new PublicScore(ratings.size(), mean(ratings.stream().mapToInt(RatingView::quality).sum(), ratings.size()),
				mean(ratings.stream().mapToInt(RatingView::timeliness).sum(), ratings.size()),
				mean(ratings.stream().mapToInt(RatingView::attitude).sum(), ratings.size()));
	}

	private static BigDecimal mean(int sum, int count) {
		return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
	}

	// ---- what selection asks -----------------------------------------------------------------------------------

	/**
	 * The registry qualification that lets the entity serve this type at this grade today, if any: the entity must be
	 * in the marketplace offering the type, and hold a valid qualification of the type's kind at the grade or higher.
	 */
	Optional<QualificationView> qualification(EntityId entity, ServiceTypeView type, String requiredGrade, LocalDate day) {
		Optional<Providers.Stored> provider = providers.byId(entity.value());
		if (provider.isEmpty() || !provider.get().serviceTypes().contains(type.code())) {
			return Optional.empty();
		}
		return registry.heldQualifications(entity).stream()
			.filter(q -> q.type().equals(type.qualification()) && q.validOn(day) && meets(q.grade(), requiredGrade))
			.findFirst();
	}

	static boolean meets(String grade, String required) {
		if (required == null) {
			return true;
		}
		int held = grade == null ? -1 : GRADES.indexOf(grade.strip());
		return held >= 0 && held <= GRADES.indexOf(required);
	}

	/**
	 * Why two entities are related parties (回避): the same legal representative, or a person on both staff lists;
	 * empty when they are not.
	 */
	Optional<String> relation(EntityView one, EntityView other) {
		if (one.legalRepresentative() != null && !one.legalRepresentative().isBlank()
				&& one.legalRepresentative().strip().equals(other.legalRepresentative() == null ? null
						: other.legalRepresentative().strip())) {
			return Optional.of("legalRepresentative:" + one.legalRepresentative().strip());
		}
		return providers.sharedStaff(one.id().value(), other.id().value()).map(name -> "staff:" + name);
	}

	private <T> T platform(Supplier<T> work) {
		// a step of this module's own work already in the platform's scope (one module call inside another) joins it:
		// the scope cannot change inside a transaction
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()
				&& RegionScopes.current().all()) {
			return work.get();
		}
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> work.get()));
	}
}
