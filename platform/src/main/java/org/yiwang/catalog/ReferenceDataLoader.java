package org.yiwang.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.CatalogChanged.ReferenceDataLoaded;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.system.RegionScopes;

/**
 * On first start, loads the configured city's regions and the trading category catalogue from the reference data,
 * each category with its family's initial template. Later starts add nothing that staff have since changed; a
 * database loaded for another city is refused rather than mixed.
 */
@Component
@Order(10)
@EnableConfigurationProperties(CatalogSettings.class)
class ReferenceDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

	private final CatalogSettings settings;

	private final Regions regions;

	private final Categories categories;

	private final ProcedureTemplates templates;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ReferenceDataLoader(CatalogSettings settings, Regions regions, Categories categories, ProcedureTemplates templates,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.settings = settings;
		this.regions = regions;
		this.categories = categories;
		this.templates = templates;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(status -> load()));
	}

	void load() {
		List<ReferenceRegion> reference = ReferenceData.regions(settings.city());
		ReferenceRegion city = reference.stream().filter(r -> "city".equals(r.level())).findFirst()
			.orElseThrow(() -> new IllegalStateException("reference/regions-" + settings.city() + ".csv names no city"));
		List<Region> existing = regions.findAll();
		if (!existing.isEmpty()) {
			if (existing.stream().noneMatch(r -> r.code().equals(city.code()))) {
				throw new IllegalStateException("This database serves another city (" + existing.get(0).cityCode()
						+ "), not " + settings.city() + " (" + city.code() + "). Set yiwang.city to match, "
						+ "or point the platform at a database of its own.");
			}
			return;
		}
		Instant now = clock.instant();
		for (int i = 0; i < reference.size(); i++) {
			regions.save(Region.load(reference.get(i), city.code(), i + 1));
		}
		List<NewCategory> catalogue = ReferenceData.categories();
		int position = categories.lastPosition();
		int added = 0;
		for (NewCategory category : catalogue) {
			if (!categories.existsById(category.code())) {
				categories.save(TradingCategory.create(category, ++position, now));
				templates.add(templates.seeded(ProcedureTemplate.initial(CategoryCode.of(category.code()),
						category.family(), now, Actor.SYSTEM.username())));
				added++;
			}
		}
		events.publishEvent(new ReferenceDataLoaded(Actor.SYSTEM, settings.city(), reference.size(), added,
				RegionCode.of(city.code()), now));
		log.info("Loaded {} regions of {} and {} trading categories from reference data", reference.size(),
				settings.city(), added);
	}
}
