package org.yiwang.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.CatalogChanged.CategoryAdded;
import org.yiwang.catalog.CatalogChanged.CategoryEnabledChanged;
import org.yiwang.catalog.CatalogChanged.CategoryRenamed;
import org.yiwang.catalog.CatalogChanged.ProcedureTemplateRevised;
import org.yiwang.catalog.CatalogChanged.RegionActiveChanged;
import org.yiwang.catalog.CatalogChanged.RegionRenamed;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * The catalogue's entry point: the city and its districts, the trading categories and their procedure templates.
 * Anyone may read it. Categories and templates are shared by every district, so only city-wide center staff and the
 * platform administrator change them; regions only the administrator.
 */
@Service
public class Catalog {

	private final Regions regions;

	private final Categories categories;

	private final ProcedureTemplates templates;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Catalog(Regions regions, Categories categories, ProcedureTemplates templates, ApplicationEventPublisher events,
			Clock clock) {
		this.regions = regions;
		this.categories = categories;
		this.templates = templates;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<RegionView> regions() {
		return regions.findAllByOrderByPosition().stream().map(Region::view).toList();
	}

	@Transactional(readOnly = true)
	public RegionView city() {
		return regions().stream().filter(RegionView::isCity).findFirst()
			.orElseThrow(() -> new IllegalStateException("The catalogue holds no city; reference data was not loaded"));
	}

	@Transactional(readOnly = true)
	public Optional<RegionView> region(RegionCode code) {
		return regions.findById(code.value()).map(Region::view);
	}

	@Transactional(readOnly = true)
	public List<CategoryView> categories() {
		Map<String, Integer> versions = templates.currentVersions();
		return categories.findAllByOrderByPosition().stream()
			.map(c -> c.view(versions.getOrDefault(c.code(), 0)))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<CategoryView> enabledCategories() {
		return categories().stream().filter(CategoryView::enabled).toList();
	}

	@Transactional(readOnly = true)
	public Optional<CategoryView> findCategory(CategoryCode code) {
		return categories.findById(code.value())
			.map(c -> c.view(templates.current(code).map(ProcedureTemplate::version).orElse(0)));
	}

	@Transactional(readOnly = true)
	public CategoryView category(CategoryCode code) {
		return findCategory(code).orElseThrow(() -> Refusal.notFound("catalog.category.notFound", code.value()));
	}

	@Transactional(readOnly = true)
	public ProcedureTemplate currentTemplate(CategoryCode code) {
		return templates.current(code).orElseThrow(() -> Refusal.notFound("catalog.category.notFound", code.value()));
	}

	@Transactional(readOnly = true)
	public ProcedureTemplate template(CategoryCode code, int version) {
		return templates.version(code, version)
			.orElseThrow(() -> Refusal.notFound("catalog.template.notFound", code.value(), version));
	}

	@Transactional(readOnly = true)
	public List<ProcedureTemplate> templateHistory(CategoryCode code) {
		category(code);
		return templates.history(code);
	}

	@Transactional
	public CategoryView addCategory(NewCategory category) {
		Acting acting = requireCityWide();
		if (categories.existsById(category.code())) {
			throw Refusal.conflict("code", "catalog.code.taken", category.code());
		}
		Instant now = clock.instant();
		TradingCategory added = categories.save(TradingCategory.create(category, categories.lastPosition() + 1, now));
		CategoryCode code = CategoryCode.of(added.code());
		templates.add(ProcedureTemplate.initial(code, category.family(), now, acting.actor().username()));
		events.publishEvent(new CategoryAdded(acting.actor(), code, added.nameZh(), added.nameEn(), added.family(),
				city().code(), now));
		return added.view(1);
	}

	@Transactional
	public CategoryView renameCategory(CategoryCode code, CategoryName name) {
		Acting acting = requireCityWide();
		TradingCategory category = load(code);
		requireUnchanged(category.version(), name.version());
		String previousZh = category.nameZh();
		String previousEn = category.nameEn();
		Instant now = clock.instant();
		category.rename(name.nameZh(), name.nameEn(), now);
		TradingCategory saved = categories.save(category);
		events.publishEvent(new CategoryRenamed(acting.actor(), code, previousZh, previousEn, saved.nameZh(),
				saved.nameEn(), city().code(), now));
		return findCategory(code).orElseThrow();
	}

	@Transactional
	public CategoryView setCategoryEnabled(CategoryCode code, boolean enabled) {
		Acting acting = requireCityWide();
		TradingCategory category = load(code);
		if (category.enabled() != enabled) {
			Instant now = clock.instant();
			category.setEnabled(enabled, now);
			categories.save(category);
			events.publishEvent(new CategoryEnabledChanged(acting.actor(), code, enabled, city().code(), now));
		}
		return findCategory(code).orElseThrow();
	}

	/**
	 * Adds a new version of the category's template. Refused when the revision breaks the law's limits for the
	 * category's family, or when someone else revised the template since the editor loaded it.
	 */
	@Transactional
	public ProcedureTemplate reviseTemplate(CategoryCode code, TemplateRevision revision) {
		Acting acting = requireCityWide();
		TradingCategory category = load(code);
		List<TemplateRules.Violation> violations = TemplateRules.check(category.family(), revision);
		if (!violations.isEmpty()) {
			TemplateRules.Violation first = violations.get(0);
			throw Refusal.invalid(first.field(), first.messageKey(), first.arguments());
		}
		ProcedureTemplate current = currentTemplate(code);
		if (current.version() != revision.basedOn()) {
			throw Refusal.conflict("basedOn", "catalog.template.changedMeanwhile", current.version());
		}
		Instant now = clock.instant();
		ProcedureTemplate next = current.next(revision, now, acting.actor().username());
		templates.add(next);
		events.publishEvent(new ProcedureTemplateRevised(acting.actor(), code, next.version(), next.reason(),
				city().code(), now));
		return next;
	}

	@Transactional
	public RegionView renameRegion(RegionCode code, CategoryName name) {
		Acting acting = requireAdministrator();
		Region region = regions.findById(code.value())
			.orElseThrow(() -> Refusal.notFound("catalog.region.notFound", code.value()));
		requireUnchanged(region.version(), name.version());
		String previousZh = region.nameZh();
		String previousEn = region.nameEn();
		region.rename(name.nameZh().strip(), name.nameEn().strip());
		Region saved = regions.save(region);
		events.publishEvent(new RegionRenamed(acting.actor(), code, previousZh, previousEn, saved.nameZh(), saved.nameEn(),
				clock.instant()));
		return saved.view();
	}

	@Transactional
	public RegionView setRegionActive(RegionCode code, boolean active) {
		Acting acting = requireAdministrator();
		Region region = regions.findById(code.value())
			.orElseThrow(() -> Refusal.notFound("catalog.region.notFound", code.value()));
		if (code.value().equals(region.cityCode())) {
			throw Refusal.invalid(null, "catalog.region.cityAlwaysActive");
		}
		if (region.active() != active) {
			region.setActive(active);
			regions.save(region);
			events.publishEvent(new RegionActiveChanged(acting.actor(), code, active, clock.instant()));
		}
		return regions.findById(code.value()).map(Region::view).orElseThrow();
	}

	private TradingCategory load(CategoryCode code) {
		return categories.findById(code.value())
			.orElseThrow(() -> Refusal.notFound("catalog.category.notFound", code.value()));
	}

	private static void requireUnchanged(Long current, Long seen) {
		if (seen == null || current == null || !current.equals(seen)) {
			throw Refusal.conflict("version", "problem.changedMeanwhile");
		}
	}

	/** Categories, templates and the working calendar are shared by every district: city-wide staff change them. */
	static Acting requireCityWide() {
		Acting acting = Actors.required();
		if (!acting.actsCityWide()) {
			throw Refusal.forbidden("catalog.cityWideOnly");
		}
		return acting;
	}

	private static Acting requireAdministrator() {
		return Actors.requireAnyRole("catalog.adminOnly", Role.PLATFORM_ADMIN);
	}
}
