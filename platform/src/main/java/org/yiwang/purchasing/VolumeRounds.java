package org.yiwang.purchasing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CategoryView;
import org.yiwang.catalog.ProcedureTemplate;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.InputRules;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.TradeCode;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.pki.SealedValues;
import org.yiwang.purchasing.PurchasingChanged.BidSealed;
import org.yiwang.purchasing.PurchasingChanged.QuantityReported;
import org.yiwang.purchasing.PurchasingChanged.RoundPublished;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * Volume-based procurement rounds (带量采购). A region's staff publish a round (what is bought, a price ceiling, how
 * many winners, a deadline for hospitals' quantities and a later one for bids); hospitals (tenderer entities) report
 * the quantities they commit to; suppliers (bidder entities) bid a unit price for one of their catalogue products,
 * sealed until the bid deadline with {@link SealedValues} (AES-256-GCM under a key derived from the platform's key
 * secret, which the database does not hold: a database dump opens no bid, and this class opens none before the
 * deadline). After the deadline staff decide: every bid is disclosed and {@link VolumeAllocation} picks the winners
 * and shares the volume; the result is public.
 */
@Service
public class VolumeRounds {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

	static final String SEAL_PURPOSE = "purchasing-round-bid";

	static final long MAX_QUANTITY = 1_000_000_000L;

	private final Rounds rounds;

	private final Products products;

	private final PurchasingCatalogue catalogue;

	private final Catalog catalog;

	private final EntityRegistry registry;

	private final SealedValues sealed;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final PlatformKeys keys;

	VolumeRounds(Rounds rounds, Products products, PurchasingCatalogue catalogue, Catalog catalog,
			EntityRegistry registry, SealedValues sealed, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock, PlatformKeys keys) {
		this.keys = keys;
		this.rounds = rounds;
		this.products = products;
		this.catalogue = catalogue;
		this.catalog = catalog;
		this.registry = registry;
		this.sealed = sealed;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Staff publish a round in a region they cover, under the category's procedure template now in force. */
	public RoundView publish(NewRound request) {
		Acting staff = requireStaff();
		if (request.region() == null || !RegionCode.isValid(request.region().strip())) {
			throw Refusal.invalid("region", "purchasing.region.unknown");
		}
		RegionCode region = RegionCode.of(request.region().strip());
		if (catalog.region(region).filter(r -> r.active()).isEmpty()) {
			throw Refusal.invalid("region", "purchasing.region.unknown");
		}
		if (!staff.regionScope().covers(region)) {
			throw Refusal.forbidden("purchasing.region.notYours");
		}
		CategoryView category = catalogue.category(request.category(), "category");
		ProcedureTemplate template = catalog.currentTemplate(category.code());
		String title = PurchasingCatalogue.text(request.title(), 200, "title", "purchasing.round.title");
		InputRules.name("title", title);
		String scope = PurchasingCatalogue.text(request.productScope(), 500, "productScope", "purchasing.round.scope");
		InputRules.text("productScope", scope);
		Money ceiling = PurchasingCatalogue.positive(request.ceilingPrice(), "ceilingPrice");
		if (request.maxWinners() == null || request.maxWinners() < 1 || request.maxWinners() > 20) {
			throw Refusal.invalid("maxWinners", "purchasing.round.winners");
		}
		Instant now = clock.instant();
		if (request.reportDeadline() == null || !request.reportDeadline().isAfter(now)) {
			throw Refusal.invalid("reportDeadline", "purchasing.round.reportDeadline");
		}
		if (request.bidDeadline() == null || !request.bidDeadline().isAfter(request.reportDeadline())) {
			throw Refusal.invalid("bidDeadline", "purchasing.round.bidDeadline");
		}
		RoundView round = new RoundView(UUID.randomUUID(), region, category.code(), template.version(), title, scope,
				ceiling, request.maxWinners(), Math.max(1, template.minBids()), request.reportDeadline(),
				request.bidDeadline(), RoundStatus.OPEN, null, staff.actor().username(), now, null, 0,
				tradeCode(region, now, null), null, null);
		return inTransaction(() -> {
			rounds.add(round);
			events.publishEvent(new RoundPublished(staff.actor(), round.id(), round.category(), title, ceiling,
					round.maxWinners(), round.reportDeadline(), round.bidDeadline(), region, now));
			return round;
		});
	}

	/** Every round, newest first: rounds are public from publication. */
	public List<RoundView> rounds() {
		return platform(() -> rounds.all(500));
	}

	public RoundView round(UUID id) {
		return platform(() -> rounds.byId(id)).orElseThrow(() -> Refusal.notFound("purchasing.round.notFound"));
	}

	/** The disclosed bids of a decided or failed round; nothing while it is open (the prices are sealed). */
	public List<RoundBidView> result(UUID id) {
		RoundView round = round(id);
		return round.status() == RoundStatus.OPEN ? List.of() : platform(() -> rounds.bids(id));
	}

	/** How many bids a round holds: staff of its region see the count while it runs, nobody sees a price. */
	public int bidCount(UUID id) {
		RoundView round = staffRound(id);
		return inTransaction(() -> rounds.sealedBids(round.id()).size());
	}

	/** The hospitals' quantities: for staff of the round's region, and for everyone once the round is decided. */
	public List<QuantityView> quantities(UUID id) {
		RoundView round = round(id);
		if (round.status() == RoundStatus.OPEN) {
			staffRound(id);
		}
		return platform(() -> rounds.quantities(id));
	}

	/** A hospital reports (or restates) the quantity it commits to buy, until the report deadline. */
	public QuantityView reportQuantity(UUID id, Long quantity) {
		Acting acting = Actors.requireAnyRole("purchasing.hospitalOnly", Role.TENDERER);
		EntityView hospital = hospital();
		if (quantity == null || quantity < 1 || quantity > MAX_QUANTITY) {
			throw Refusal.invalid("quantity", "purchasing.quantity.range", MAX_QUANTITY);
		}
		Instant now = clock.instant();
		return platform(() -> {
			RoundView round = rounds.byId(id).orElseThrow(() -> Refusal.notFound("purchasing.round.notFound"));
			if (round.status() != RoundStatus.OPEN || !now.isBefore(round.reportDeadline())) {
				throw Refusal.conflict("quantity", "purchasing.quantity.closed");
			}
			rounds.report(id, round.region(), hospital.id(), hospital.name(), quantity, acting.actor().username(), now);
			events.publishEvent(new QuantityReported(acting.actor(), id, hospital.id(), quantity, round.region(), now));
			return new QuantityView(id, hospital.id(), hospital.name(), quantity, now);
		});
	}

	/**
	 * A supplier bids a unit price for one of its products of the round's category, once, before the bid deadline.
	 * The price is sealed at once; the receipt shows nothing but the time.
	 */
	public RoundBidView bid(UUID id, String product, java.math.BigDecimal price) {
		Acting acting = Actors.requireAnyRole("purchasing.supplierOnly", Role.BIDDER);
		EntityView supplier = catalogue.supplier();
		Money amount = PurchasingCatalogue.positive(price, "price");
		UUID productId = uuid(product, "product");
		Instant now = clock.instant();
		return platform(() -> {
			RoundView round = rounds.byId(id).orElseThrow(() -> Refusal.notFound("purchasing.round.notFound"));
			if (round.status() != RoundStatus.OPEN || !now.isBefore(round.bidDeadline())) {
				throw Refusal.conflict("price", "purchasing.bid.closed");
			}
			ProductView offered = products.byId(productId).filter(p -> p.manufacturer().equals(supplier.id()))
				.orElseThrow(() -> Refusal.invalid("product", "purchasing.bid.product"));
			if (!offered.category().equals(round.category())) {
				throw Refusal.invalid("product", "purchasing.bid.category");
			}
			UUID bidId = UUID.randomUUID();
			byte[] box = sealed.seal(SEAL_PURPOSE, context(bidId, id, supplier),
					amount.toString().getBytes(StandardCharsets.UTF_8));
			if (!rounds.bid(bidId, id, round.region(), supplier.id(), supplier.name(), productId, box,
					acting.actor().username(), now)) {
				throw Refusal.conflict("price", "purchasing.bid.already");
			}
			events.publishEvent(new BidSealed(acting.actor(), id, bidId, supplier.id(), round.region(), now));
			return new RoundBidView(bidId, id, supplier.id(), supplier.name(), productId,
					offered.name() + " " + offered.specification(), now, null, null, null, null, null);
		});
	}

	/** The signed-in supplier's bids; prices show once disclosed. */
	public List<RoundBidView> myBids() {
		Actors.requireAnyRole("purchasing.supplierOnly", Role.BIDDER);
		EntityView me = registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
		return platform(() -> rounds.bidsOf(me.id()));
	}

	/**
	 * After the bid deadline, staff of the round's region decide it: every sealed price is opened, the rule of
	 * {@link VolumeAllocation} picks the winners and shares the reported volume, and the result is published.
	 */
	public RoundView decide(UUID id, long seenVersion) {
		Acting staff = requireStaff();
		Instant now = clock.instant();
		return inTransaction(() -> {
			RoundView round = rounds.byId(id).orElseThrow(() -> Refusal.notFound("purchasing.round.notFound"));
			if (round.status() != RoundStatus.OPEN) {
				throw Refusal.conflict(null, "purchasing.round.decided");
			}
			if (now.isBefore(round.bidDeadline())) {
				throw Refusal.conflict(null, "purchasing.round.beforeDeadline");
			}
			List<Rounds.Sealed> sealedBids = rounds.sealedBids(id);
			List<VolumeAllocation.Bid> opened = new ArrayList<>();
			for (Rounds.Sealed s : sealedBids) {
				String plain = new String(sealed.open(SEAL_PURPOSE, context(s.id(), id, s.supplier()), s.sealedPrice()),
						StandardCharsets.UTF_8);
				opened.add(new VolumeAllocation.Bid(s.id(), Money.of(new java.math.BigDecimal(plain)), s.submittedAt()));
			}
			long total = rounds.totalQuantity(id);
			VolumeAllocation.Result result = VolumeAllocation.allocate(opened, round.ceilingPrice(), round.maxWinners(),
					round.minBids(), total);
			Map<UUID, Money> prices = opened.stream()
				.collect(Collectors.toMap(VolumeAllocation.Bid::id, VolumeAllocation.Bid::price));
			for (VolumeAllocation.Outcome outcome : result.outcomes()) {
				rounds.disclose(outcome.bid(), prices.get(outcome.bid()), outcome);
			}
			RoundStatus status = result.decided() ? RoundStatus.DECIDED : RoundStatus.FAILED;
			TradeCode code = round.tradeCode() != null ? round.tradeCode() : tradeCode(round.region(), round.createdAt(), id);
			List<RoundBidView> bids = rounds.bids(id);
			String text = resultText(round, code, result.decided(), total, bids, now);
			String signature = Base64.getEncoder().encodeToString(keys.sign(text.getBytes(StandardCharsets.UTF_8)));
			if (!rounds.close(id, seenVersion, status, total, staff.actor().username(), now, code, text, signature)) {
				throw Refusal.conflict(null, "purchasing.round.changed");
			}
			events.publishEvent(new RoundResultPublished(staff.actor(), id, round.category(), round.title(),
					result.decided(), total, round.ceilingPrice(), bids, round.region(), now, code, text, signature));
			return rounds.byId(id).orElseThrow();
		});
	}

	/** The result notice the platform signs: every valid bid's rank and price, the winners' volumes, or the failure. */
	private static String resultText(RoundView round, TradeCode code, boolean decided, long total, List<RoundBidView> bids,
			Instant now) {
		List<String> lines = new ArrayList<>(List.of(decided ? "带量采购结果公告" : "带量采购流标公告", "项目名称：" + round.title(),
				"交易编码：" + code.value(), "产品范围：" + round.productScope(),
				"最高有效申报价：" + round.ceilingPrice().yuan().toPlainString() + " 元", "约定采购量：" + total));
		for (RoundBidView b : bids) {
			if (Boolean.TRUE.equals(b.winner())) {
				lines.add("中选：第 " + b.rank() + " 名 " + b.supplierName() + "，" + b.productName() + "，中选价 "
						+ b.price().yuan().toPlainString() + " 元，分配量 " + b.volume());
			}
		}
		if (!decided) {
			lines.add("流标原因：有效申报不足 " + round.minBids() + " 家");
		}
		lines.add("公告时间：" + SHOWN.format(now) + "（北京时间）");
		return String.join("\n", lines);
	}

	/**
	 * The round's trade code: a random serial at publication; a round published before rounds had codes gets one from
	 * its id, so deciding it twice (a retried transaction) gives the same code.
	 */
	private TradeCode tradeCode(RegionCode region, Instant created, UUID id) {
		int year = Year.from(created.atZone(CHINA)).getValue();
		String serial = id == null ? "%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000))
				: id.toString().replace("-", "").substring(0, 8).toUpperCase();
		return TradeCode.of("CG-DL-%s-%d-%s".formatted(region.value(), year, serial));
	}

	/** A round of the acting staff's regions (the database shows no others: another region's is not found). */
	private RoundView staffRound(UUID id) {
		requireStaff();
		return inTransaction(() -> rounds.byId(id)).orElseThrow(() -> Refusal.notFound("purchasing.round.notFound"));
	}

	/** The sealed price is bound to its row: copied to another bid, round or supplier it does not open. */
	private static String context(UUID bid, UUID round, Object supplier) {
		return bid + "|" + round + "|" + supplier;
	}

	private static String context(UUID bid, UUID round, EntityView supplier) {
		return context(bid, round, (Object) supplier.id());
	}

	/** The signed-in member's entity, which must hold the tenderer (purchaser) role: a hospital. */
	EntityView hospital() {
		EntityView me = registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
		if (!me.holds(EntityRole.TENDERER)) {
			throw Refusal.forbidden("purchasing.hospitalOnly");
		}
		return me;
	}

	static UUID uuid(String text, String field) {
		try {
			return UUID.fromString(text == null ? "" : text.strip());
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid(field, "purchasing." + field + ".required");
		}
	}

	private static Acting requireStaff() {
		return Actors.requireAnyRole("purchasing.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
	}

	private <T> T inTransaction(Supplier<T> work) {
		return transactions.execute(status -> work.get());
	}

	private <T> T platform(Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> work.get()));
	}
}
