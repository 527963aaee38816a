package org.yiwang.purchasing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.InputRules;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Role;
import org.yiwang.purchasing.PurchasingChanged.OrderPlaced;
import org.yiwang.purchasing.PurchasingChanged.OrderProgressed;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.RegionScopes;
import org.yiwang.system.Refusal;

/**
 * Hospitals' orders from the catalogue. A hospital (tenderer entity) orders a listed product from a distributor
 * (bidder entity) at the listing price or a lower negotiated one; the distributor delivers; the hospital confirms
 * receipt and records the settlement (the whole amount, with the payment reference). Each order is priced against
 * what other hospitals paid: more than {@value #DEVIATION_PERCENT}% above the lowest price another hospital paid for
 * the same product within {@value #DEVIATION_WINDOW_DAYS} days raises {@link PriceDeviationFound}.
 */
@Service
public class HospitalOrders {

	public static final int DEVIATION_PERCENT = 20;

	public static final int DEVIATION_WINDOW_DAYS = 180;

	static final long MAX_QUANTITY = 1_000_000_000L;

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Orders orders;

	private final Products products;

	private final VolumeRounds rounds;

	private final EntityRegistry registry;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	HospitalOrders(Orders orders, Products products, VolumeRounds rounds, EntityRegistry registry,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.orders = orders;
		this.products = products;
		this.rounds = rounds;
		this.registry = registry;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A hospital orders a listed product; the order lives in the hospital's region. */
	public OrderView place(NewOrder request) {
		Acting acting = Actors.requireAnyRole("purchasing.hospitalOnly", Role.TENDERER);
		EntityView hospital = rounds.hospital();
		UUID productId = VolumeRounds.uuid(request.product(), "product");
		ProductView product = platform(() -> products.byId(productId)).filter(ProductView::listed)
			.orElseThrow(() -> Refusal.invalid("product", "purchasing.order.notListed"));
		EntityView distributor = distributor(request.distributorCreditCode());
		Instant now = clock.instant();
		if (registry.isBarred(distributor.id(), hospital.registeredRegion(), product.category(),
				LocalDate.ofInstant(now, CHINA))) {
			throw Refusal.invalid("distributorCreditCode", "purchasing.order.distributorBarred");
		}
		if (request.quantity() == null || request.quantity() < 1 || request.quantity() > MAX_QUANTITY) {
			throw Refusal.invalid("quantity", "purchasing.quantity.range", MAX_QUANTITY);
		}
		Money unit = request.unitPrice() == null ? product.approvedPrice()
				: PurchasingCatalogue.positive(request.unitPrice(), "unitPrice");
		if (unit.compareTo(product.approvedPrice()) > 0) {
			throw Refusal.invalid("unitPrice", "purchasing.order.aboveListing", product.approvedPrice());
		}
		Money amount;
		try {
			amount = Money.of(unit.yuan().multiply(BigDecimal.valueOf(request.quantity())));
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid("quantity", "purchasing.order.tooLarge");
		}
		OrderView order = new OrderView(UUID.randomUUID(), hospital.registeredRegion(), productId,
				product.name() + " " + product.specification(), product.category(), hospital.id(), hospital.name(),
				distributor.id(), distributor.name(), product.approvedPrice(), unit, request.quantity(), amount,
				OrderStatus.PLACED, now, null, null, null, null, null, 0);
		return platform(() -> {
			Optional<Orders.Paid> lowest = orders.lowestElsewhere(productId, hospital.id(),
					now.minus(Duration.ofDays(DEVIATION_WINDOW_DAYS)));
			orders.add(order, acting.actor().username());
			events.publishEvent(new OrderPlaced(acting.actor(), order.id(), productId, hospital.id(), distributor.id(),
					unit, order.quantity(), amount, order.region(), now));
			lowest.filter(l -> deviates(unit, l.unitPrice()))
				.ifPresent(l -> events.publishEvent(new PriceDeviationFound(acting.actor(), order.id(), productId,
						order.productName(), product.category(), hospital.id(), hospital.name(), unit, l.unitPrice(),
						l.hospitalName(), percentAbove(unit, l.unitPrice()), order.region(), now)));
			return order;
		});
	}

	static boolean deviates(Money price, Money lowest) {
		return price.yuan().multiply(BigDecimal.valueOf(100))
			.compareTo(lowest.yuan().multiply(BigDecimal.valueOf(100 + DEVIATION_PERCENT))) > 0;
	}

	static BigDecimal percentAbove(Money price, Money lowest) {
		return price.yuan().subtract(lowest.yuan()).multiply(BigDecimal.valueOf(100))
			.divide(lowest.yuan(), 2, RoundingMode.HALF_UP);
	}

	private EntityView distributor(String creditCode) {
		if (creditCode == null || creditCode.isBlank()) {
			throw Refusal.invalid("distributorCreditCode", "purchasing.order.distributorRequired");
		}
		CreditCode code;
		try {
			code = CreditCode.of(creditCode.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid("distributorCreditCode", "purchasing.order.distributorCode", creditCode.strip());
		}
		return registry.findByCreditCode(code).filter(e -> e.holds(EntityRole.BIDDER))
			.orElseThrow(() -> Refusal.invalid("distributorCreditCode", "purchasing.order.distributorUnknown", code.value()));
	}

	/** The distributor marks an order delivered, with its delivery note (number, batch, carrier). */
	public OrderView deliver(UUID id, long seenVersion, String note) {
		Acting acting = Actors.requireAnyRole("purchasing.supplierOnly", Role.BIDDER);
		EntityView me = registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
		String text = PurchasingCatalogue.text(note, 500, "deliveryNote", "purchasing.order.deliveryNote");
		InputRules.text("deliveryNote", text);
		return progress(id, o -> o.distributor().equals(me.id()), OrderStatus.PLACED, OrderStatus.DELIVERED, text,
				() -> orders.delivered(id, seenVersion, text, acting.actor().username(), clock.instant()), acting);
	}

	/** The hospital confirms it received the delivery. */
	public OrderView receive(UUID id, long seenVersion) {
		Acting acting = Actors.requireAnyRole("purchasing.hospitalOnly", Role.TENDERER);
		EntityView me = registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
		return progress(id, o -> o.hospital().equals(me.id()), OrderStatus.DELIVERED, OrderStatus.RECEIVED, null,
				() -> orders.received(id, seenVersion, acting.actor().username(), clock.instant()), acting);
	}

	/** The hospital records the settlement: the order's whole amount and the payment's reference. */
	public OrderView settle(UUID id, long seenVersion, BigDecimal amount, String reference) {
		Acting acting = Actors.requireAnyRole("purchasing.hospitalOnly", Role.TENDERER);
		EntityView me = registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
		Money paid = PurchasingCatalogue.positive(amount, "amount");
		String ref = PurchasingCatalogue.text(reference, 100, "reference", "purchasing.order.reference");
		InputRules.text("reference", ref);
		return progress(id, o -> o.hospital().equals(me.id()), OrderStatus.RECEIVED, OrderStatus.SETTLED, ref, () -> {
			OrderView order = orders.byId(id).orElseThrow();
			if (paid.compareTo(order.amount()) != 0) {
				throw Refusal.invalid("amount", "purchasing.order.settlementAmount", order.amount());
			}
			return orders.settled(id, seenVersion, paid.yuan(), ref, acting.actor().username(), clock.instant());
		}, acting);
	}

	private OrderView progress(UUID id, java.util.function.Predicate<OrderView> party, OrderStatus from, OrderStatus to,
			String note, Supplier<Boolean> change, Acting acting) {
		return platform(() -> {
			OrderView order = orders.byId(id).filter(party).orElseThrow(() -> Refusal.notFound("purchasing.order.notFound"));
			if (order.status() != from) {
				throw Refusal.conflict(null, "purchasing.order.step." + to.name());
			}
			if (!change.get()) {
				throw Refusal.conflict(null, "purchasing.order.changed");
			}
			events.publishEvent(new OrderProgressed(acting.actor(), id, to, note, order.amount(), order.region(),
					clock.instant()));
			return orders.byId(id).orElseThrow();
		});
	}

	/** The signed-in hospital's orders, or the signed-in distributor's. */
	public List<OrderView> myOrders() {
		Acting acting = Actors.requireAnyRole("purchasing.partyOnly", Role.TENDERER, Role.BIDDER);
		EntityView me = registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
		return platform(() -> acting.hasRole(Role.TENDERER) ? orders.ofHospital(me.id()) : orders.ofDistributor(me.id()));
	}

	/** Orders of the acting staff's or regulator's regions (the database shows no others). */
	public List<OrderView> regionOrders() {
		Acting acting = requireReader();
		return inTransaction(() -> orders.all(300)).stream().filter(o -> mayWatch(acting, o.category())).toList();
	}

	/**
	 * Price monitoring of one product: every price paid in the reader's regions, oldest first, each marked when it
	 * deviates by the rule of this class from what other hospitals (of those regions) paid before it.
	 */
	public List<PricePoint> monitoring(UUID product) {
		Acting acting = requireReader();
		ProductView p = platform(() -> products.byId(product)).filter(x -> mayWatch(acting, x.category()))
			.orElseThrow(() -> Refusal.notFound("purchasing.product.notFound"));
		List<OrderView> paid = inTransaction(() -> orders.ofProduct(p.id()));
		List<PricePoint> points = new ArrayList<>();
		for (int i = 0; i < paid.size(); i++) {
			OrderView o = paid.get(i);
			Instant since = o.placedAt().minus(Duration.ofDays(DEVIATION_WINDOW_DAYS));
			Optional<Money> lowest = paid.subList(0, i).stream()
				.filter(b -> !b.hospital().equals(o.hospital()) && !b.placedAt().isBefore(since))
				.map(OrderView::unitPrice).min(Money::compareTo);
			points.add(new PricePoint(o.hospitalName(), o.placedAt(), o.unitPrice(), o.listingPrice(), o.quantity(),
					lowest.map(l -> deviates(o.unitPrice(), l)).orElse(false)));
		}
		return points;
	}

	/** Staff watch every category; a regulator only those it supervises. */
	private static boolean mayWatch(Acting acting, org.yiwang.kernel.CategoryCode category) {
		return !acting.hasRole(Role.REGULATOR) || PurchasingCatalogue.isStaff(acting)
				|| acting.industries().contains(category);
	}

	private static Acting requireReader() {
		return Actors.requireAnyRole("purchasing.readerOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN, Role.REGULATOR);
	}

	private <T> T inTransaction(Supplier<T> work) {
		return transactions.execute(status -> work.get());
	}

	private <T> T platform(Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> work.get()));
	}
}
