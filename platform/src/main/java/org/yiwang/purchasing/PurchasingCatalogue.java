package org.yiwang.purchasing;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CategoryView;
import org.yiwang.catalog.ProcedureFamily;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.InputRules;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Role;
import org.yiwang.purchasing.PurchasingChanged.ListingPriceDecided;
import org.yiwang.purchasing.PurchasingChanged.ListingPriceDeclared;
import org.yiwang.purchasing.PurchasingChanged.ProductAdded;
import org.yiwang.purchasing.PurchasingChanged.ReferencePricesImported;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Deployment;
import org.yiwang.system.RegionScopes;
import org.yiwang.system.Refusal;

/**
 * The catalogue's entry point. Manufacturers (bidder entities) add their products and declare listing prices (挂网)
 * with an evidence file; the platform compares each declaration with the lowest price of the same registration
 * number and specification in another province (imported by staff as data) and flags it when above; city-wide staff
 * approve (with a reason when flagged) or refuse (always with a reason). An approved price goes on the public
 * catalogue and replaces the one before.
 */
@Service
public class PurchasingCatalogue {

	private final Products products;

	private final EvidenceFiles evidence;

	private final Catalog catalog;

	private final EntityRegistry registry;

	private final Deployment deployment;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PurchasingCatalogue(Products products, EvidenceFiles evidence, Catalog catalog, EntityRegistry registry,
			Deployment deployment, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.products = products;
		this.evidence = evidence;
		this.catalog = catalog;
		this.registry = registry;
		this.deployment = deployment;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The enabled categories purchased from a catalogue (family CATALOG). */
	public List<CategoryView> categories() {
		return catalog.enabledCategories().stream().filter(c -> c.family() == ProcedureFamily.CATALOG).toList();
	}

	CategoryView category(String code, String field) {
		if (code == null || code.isBlank() || !CategoryCode.isValid(code.strip())) {
			throw Refusal.invalid(field, "purchasing.category.required");
		}
		return catalog.findCategory(CategoryCode.of(code.strip()))
			.filter(c -> c.enabled() && c.family() == ProcedureFamily.CATALOG)
			.orElseThrow(() -> Refusal.invalid(field, "purchasing.category.notCatalogue", code.strip()));
	}

	// --- products ---------------------------------------------------------------------------------------------

	/** A manufacturer adds one of its products; the registration and insurance numbers must have their shapes. */
	public ProductView addProduct(NewProduct request) {
		Acting acting = Actors.requireAnyRole("purchasing.supplierOnly", Role.BIDDER);
		EntityView manufacturer = supplier();
		CategoryView category = category(request.category(), "category");
		String name = text(request.name(), 200, "name", "purchasing.product.name");
		InputRules.name("name", name);
		String specification = text(request.specification(), 200, "specification", "purchasing.product.specification");
		String registration = ProductCodes.registrationNumber(category.code(), request.registrationNumber());
		String insurance = ProductCodes.insuranceCode(category.code(), request.insuranceCode());
		Instant now = clock.instant();
		ProductView product = new ProductView(UUID.randomUUID(), category.code(), name, registration, specification,
				insurance, manufacturer.id(), manufacturer.name(), now, null, null);
		return platform(() -> {
			products.add(product, acting.actor().username());
			events.publishEvent(new ProductAdded(acting.actor(), product.id(), category.code(), name, registration,
					manufacturer.id(), deployment.cityCode(), now));
			return product;
		});
	}

	/** A product of the catalogue: listed ones for everyone, others for staff and their manufacturer. */
	public ProductView product(UUID id) {
		Optional<Acting> acting = Actors.current();
		ProductView product = platform(() -> products.byId(id)).orElseThrow(() -> Refusal.notFound("purchasing.product.notFound"));
		if (product.listed() || acting.map(a -> isStaff(a) || isManufacturer(product)).orElse(false)) {
			return product;
		}
		throw Refusal.notFound("purchasing.product.notFound");
	}

	/** The public catalogue: products with an approved listing price, of one category or all. */
	public List<ProductView> listedProducts(CategoryCode category) {
		return platform(() -> products.listed(category, 1000));
	}

	public List<ProductView> myProducts() {
		Actors.requireAnyRole("purchasing.supplierOnly", Role.BIDDER);
		EntityView me = registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
		return platform(() -> products.ofManufacturer(me.id()));
	}

	// --- listing prices ---------------------------------------------------------------------------------------

	/**
	 * The manufacturer declares a listing price for its product with one evidence file, streamed to the blob store.
	 * The comparison with the other provinces is made now and kept with the declaration, so staff decide on what the
	 * manufacturer saw. One declaration at a time per product.
	 */
	public ListingPriceView declarePrice(UUID productId, BigDecimal price, String evidenceName, InputStream file) {
		Acting acting = Actors.requireAnyRole("purchasing.supplierOnly", Role.BIDDER);
		EntityView me = supplier();
		ProductView product = platform(() -> products.byId(productId))
			.filter(p -> p.manufacturer().equals(me.id()))
			.orElseThrow(() -> Refusal.notFound("purchasing.product.notFound"));
		Money amount = positive(price, "price");
		String name = evidenceName == null || evidenceName.isBlank() ? null : evidenceName.strip();
		if (name == null || file == null) {
			throw Refusal.invalid("evidence", "purchasing.evidence.required");
		}
		name = name.length() > 200 ? name.substring(name.length() - 200) : name;
		if (platform(() -> products.hasPending(productId))) {
			throw Refusal.conflict("price", "purchasing.price.pending");
		}
		EvidenceFiles.Stored stored = evidence.store(file);
		String evidenceFileName = name;
		Instant now = clock.instant();
		return platform(() -> {
			Optional<Products.Reference> lowest = product.registrationNumber() == null ? Optional.empty()
					: products.lowestReference(product.registrationNumber(), product.specification(),
							Provinces.home(deployment.cityCode()));
			PriceFlag flag = lowest.map(r -> amount.compareTo(r.price()) > 0 ? PriceFlag.ABOVE_LOWEST : PriceFlag.WITHIN)
				.orElse(PriceFlag.NO_REFERENCE);
			UUID id = UUID.randomUUID();
			products.declare(id, productId, amount, evidenceFileName, stored, flag,
					lowest.map(Products.Reference::price).orElse(null), lowest.map(Products.Reference::province).orElse(null),
					acting.actor().username(), now);
			events.publishEvent(new ListingPriceDeclared(acting.actor(), id, productId, amount, flag,
					lowest.map(Products.Reference::price).orElse(null), stored.sha256(), deployment.cityCode(), now));
			return products.price(id).orElseThrow();
		});
	}

	/** Declarations waiting for a decision, oldest first. */
	public List<ListingPriceView> pendingPrices() {
		requireStaff();
		return platform(() -> products.prices(PriceStatus.DECLARED, 500));
	}

	public List<ListingPriceView> myPrices() {
		Actors.requireAnyRole("purchasing.supplierOnly", Role.BIDDER);
		EntityView me = registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
		return platform(() -> products.pricesOf(me.id()));
	}

	/** The approved listing prices of a product over time (for the monitoring chart). */
	public List<ListingPriceView> priceHistory(UUID product) {
		return platform(() -> products.approvedHistory(product));
	}

	/** City-wide staff approve a declaration; one flagged as above the lowest or without a reference needs a reason. */
	public ListingPriceView approve(UUID id, long seenVersion, String reason) {
		return decide(id, seenVersion, true, reason);
	}

	/** City-wide staff refuse a declaration, always with the reason the manufacturer will read. */
	public ListingPriceView refuse(UUID id, long seenVersion, String reason) {
		return decide(id, seenVersion, false, reason);
	}

	private ListingPriceView decide(UUID id, long seenVersion, boolean approve, String reason) {
		Acting staff = requireCityStaff();
		return platform(() -> {
			ListingPriceView declared = products.price(id).orElseThrow(() -> Refusal.notFound("purchasing.price.notFound"));
			if (declared.status() != PriceStatus.DECLARED) {
				throw Refusal.conflict(null, "purchasing.price.decided");
			}
			String why = reason == null || reason.isBlank() ? null : reason.strip();
			if (why == null && (!approve || declared.flag().needsReason())) {
				throw Refusal.invalid("reason", approve ? "purchasing.price.reasonFlagged" : "purchasing.price.reasonRefusal");
			}
			if (why != null && why.length() > 1000) {
				throw Refusal.invalid("reason", "purchasing.price.reasonLength");
			}
			if (why != null) {
				InputRules.text("reason", why);
			}
			Instant now = clock.instant();
			if (!products.decide(id, seenVersion, approve ? PriceStatus.APPROVED : PriceStatus.REFUSED,
					staff.actor().username(), now, why)) {
				throw Refusal.conflict(null, "purchasing.price.changed");
			}
			if (approve) {
				products.list(declared.product().id(), id, declared.price(), now);
			}
			events.publishEvent(new ListingPriceDecided(staff.actor(), id, declared.product().id(), declared.price(),
					approve, why, deployment.cityCode(), now));
			return products.price(id).orElseThrow();
		});
	}

	/** The evidence file of a declaration, for staff and its manufacturer; its name and SHA-256 come with it. */
	public Evidence evidence(UUID id) {
		Acting acting = Actors.required();
		ListingPriceView price = platform(() -> products.price(id))
			.filter(p -> isStaff(acting) || isManufacturer(p.product()))
			.orElseThrow(() -> Refusal.notFound("purchasing.price.notFound"));
		return new Evidence(price.evidenceName(), price.evidenceSha256(), price.evidenceSize(),
				evidence.open(price.evidenceSha256()));
	}

	/** An evidence file opened for reading: close the stream. */
	public record Evidence(String name, String sha256, long size, InputStream content) {
	}

	// --- reference prices -------------------------------------------------------------------------------------

	/**
	 * City-wide staff import other provinces' prices (CSV, see {@link ReferencePriceFile}). Taken whole or not at
	 * all: with any bad row nothing is imported and every bad row is reported.
	 */
	public ImportReport importReferencePrices(InputStream file) {
		Acting staff = requireCityStaff();
		if (file == null) {
			throw Refusal.invalid("file", "purchasing.reference.empty");
		}
		ReferencePriceFile.Parsed parsed = ReferencePriceFile.read(file);
		UUID batch = UUID.randomUUID();
		if (!parsed.errors().isEmpty()) {
			return new ImportReport(batch, 0, parsed.errors());
		}
		Instant now = clock.instant();
		return platform(() -> {
			for (ReferencePriceFile.Row row : parsed.rows()) {
				products.addReference(batch, row.registrationNumber(), row.specification(), row.province(), row.price(),
						row.effectiveOn(), staff.actor().username(), now);
			}
			events.publishEvent(new ReferencePricesImported(staff.actor(), batch, parsed.rows().size(),
					deployment.cityCode(), now));
			return new ImportReport(batch, parsed.rows().size(), List.of());
		});
	}

	public long referencePriceCount() {
		return platform(products::referenceCount);
	}

	// --- helpers ----------------------------------------------------------------------------------------------

	/** Whether the signed-in account is a member of a registered entity. */
	public boolean hasEntity() {
		return registry.myEntity().isPresent();
	}

	/** The signed-in member's entity, which must hold the bidder (supplier) role. */
	EntityView supplier() {
		EntityView me = registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
		if (!me.holds(EntityRole.BIDDER)) {
			throw Refusal.forbidden("purchasing.supplierOnly");
		}
		return me;
	}

	private boolean isManufacturer(ProductView product) {
		return Actors.current().filter(a -> a.hasRole(Role.BIDDER)).flatMap(a -> registry.myEntity())
			.map(e -> e.id().equals(product.manufacturer())).orElse(false);
	}

	static boolean isStaff(Acting acting) {
		return acting.hasRole(Role.CENTER_STAFF) || acting.hasRole(Role.PLATFORM_ADMIN);
	}

	private static Acting requireStaff() {
		return Actors.requireAnyRole("purchasing.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
	}

	/** The catalogue is the whole city's: its prices are decided by the city's staff, not a district's. */
	private static Acting requireCityStaff() {
		Acting staff = requireStaff();
		if (!staff.actsCityWide()) {
			throw Refusal.forbidden("purchasing.cityStaffOnly");
		}
		return staff;
	}

	static Money positive(BigDecimal amount, String field) {
		if (amount == null) {
			throw Refusal.invalid(field, "purchasing.amount.required");
		}
		Money money;
		try {
			money = Money.of(amount);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid(field, "purchasing.amount.form", amount.toPlainString());
		}
		if (money.yuan().signum() <= 0) {
			throw Refusal.invalid(field, "purchasing.amount.positive");
		}
		return money;
	}

	static String text(String value, int max, String field, String key) {
		if (value == null || value.isBlank() || value.strip().length() > max) {
			throw Refusal.invalid(field, key, max);
		}
		return value.strip();
	}

	private <T> T platform(Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> work.get()));
	}
}
