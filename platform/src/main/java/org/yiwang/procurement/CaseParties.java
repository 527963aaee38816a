package org.yiwang.procurement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.catalog.CategoryView;
import org.yiwang.catalog.RegionView;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.Role;
import org.yiwang.pki.PlatformKeys;
import org.yiwang.pki.SealedValues;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * Who acts on a case (the purchaser's side, an invited supplier, the district's staff), sealed amounts, platform
 * signatures and transactions: what the desk and the negotiation room share.
 */
@Component
class CaseParties {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

	private static final String PURPOSE = "procurement-offer";

	final Cases cases;

	final EntityRegistry registry;

	private final SealedValues sealed;

	private final PlatformKeys keys;

	private final TransactionTemplate transactions;

	private final Catalog catalog;

	CaseParties(Cases cases, EntityRegistry registry, SealedValues sealed, PlatformKeys keys,
			TransactionTemplate transactions, Catalog catalog) {
		this.catalog = catalog;
		this.cases = cases;
		this.registry = registry;
		this.sealed = sealed;
		this.keys = keys;
		this.transactions = transactions;
	}

	/** An active region of the catalogue, or a refusal on the {@code region} field. */
	RegionView region(String code) {
		if (code == null || !RegionCode.isValid(code)) {
			throw Refusal.invalid("region", "procurement.region.unknown");
		}
		return catalog.region(RegionCode.of(code)).filter(RegionView::active)
			.orElseThrow(() -> Refusal.invalid("region", "procurement.region.unknown"));
	}

	/** An enabled category this module procures, or a refusal on the {@code category} field. */
	CategoryView category(String code) {
		if (code == null || !CategoryCode.isValid(code)) {
			throw Refusal.invalid("category", "procurement.category.unknown");
		}
		CategoryView category = catalog.findCategory(CategoryCode.of(code)).filter(CategoryView::enabled)
			.orElseThrow(() -> Refusal.invalid("category", "procurement.category.unknown"));
		if (!ProcurementDesk.procuredHere(category.family())) {
			throw Refusal.invalid("category", "procurement.category.notProcurement");
		}
		return category;
	}

	static Acting staff() {
		return Actors.requireAnyRole("procurement.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
	}

	static boolean isStaff(Acting acting) {
		return acting.hasRole(Role.CENTER_STAFF) || acting.hasRole(Role.PLATFORM_ADMIN);
	}

	/** The signed-in purchaser's (or agency's) approved entity. */
	EntityView purchaserEntity() {
		Actors.requireAnyRole("procurement.purchaserOnly", Role.TENDERER, Role.AGENCY);
		// the account may act, its registration is what is missing: a conflict it can fix, not a forbidden act
		return registry.myEntity().orElseThrow(() -> Refusal.conflict(null, "procurement.noEntity"));
	}

	/** The signed-in purchaser's approved entity: what registering a case or a framework starts with. */
	EntityView approvedPurchaser() {
		EntityView purchaser = purchaserEntity();
		if (purchaser.status() != org.yiwang.registry.EntityStatus.APPROVED) {
			throw Refusal.conflict(null, "procurement.noEntity");
		}
		return purchaser;
	}

	/** Staff publish only what is still submitted, and only the version they saw. */
	static void publishable(boolean submitted, long version, long seenVersion) {
		if (!submitted) {
			throw Refusal.conflict(null, "procurement.publish.notSubmitted");
		}
		if (version != seenVersion) {
			throw Refusal.conflict(null, "procurement.changedMeanwhile");
		}
	}

	/** Whether the entity is barred from the district and category on the day of {@code now} (Beijing). */
	boolean barred(org.yiwang.registry.EntityId entity, RegionCode region, CategoryCode category, Instant now) {
		return registry.isBarred(entity, region, category, LocalDate.ofInstant(now, CHINA));
	}

	/** A trade code {@code <prefix>-<district>-<year>-<6 random digits>}, the year in Beijing. */
	static org.yiwang.kernel.TradeCode tradeCode(String prefix, RegionCode region, java.time.Clock clock) {
		return org.yiwang.kernel.TradeCode.of("%s-%s-%d-%06d".formatted(prefix, region.value(),
				java.time.Year.now(clock.withZone(CHINA)).getValue(),
				java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000)));
	}

	/** The case, if the signed-in account is its purchaser's side or the district's staff (the negotiation team's seat). */
	ProcurementView asTeam(ProcurementView c) {
		Acting acting = Actors.required();
		if (isStaff(acting)) {
			return c;
		}
		if ((acting.hasRole(Role.TENDERER) || acting.hasRole(Role.AGENCY)) && registry.myEntity()
			.map(e -> e.id().equals(c.purchaser())).orElse(false)) {
			return c;
		}
		throw Refusal.notFound("procurement.notFound");
	}

	/** Whether the signed-in account is the district's staff or acts for {@code purchaser} (a framework's team). */
	boolean onTeam(org.yiwang.registry.EntityId purchaser) {
		Acting acting = Actors.required();
		return isStaff(acting) || (acting.hasRole(Role.TENDERER) || acting.hasRole(Role.AGENCY))
				&& registry.myEntity().map(e -> e.id().equals(purchaser)).orElse(false);
	}

	/**
	 * Whether the signed-in account may see a sealed stage's envelopes as its team: the purchaser's side, or staff whose
	 * scope covers the district (read as the platform, so row-level security does not decide it here).
	 */
	boolean onTeam(org.yiwang.registry.EntityId purchaser, RegionCode region) {
		return Actors.current().map(acting -> isStaff(acting) ? acting.regionScope().covers(region) : onTeam(purchaser))
			.orElse(false);
	}

	/** An amount sealed for {@code context} (a framework response or re-competition offer). */
	byte[] seal(String context, Money amount) {
		return sealed.seal(PURPOSE, context, amount.yuan().toPlainString().getBytes(StandardCharsets.UTF_8));
	}

	BigDecimal open(String context, byte[] value) {
		return new BigDecimal(new String(sealed.open(PURPOSE, context, value), StandardCharsets.UTF_8));
	}

	/** The signed-in supplier's row on the case; not found for anybody not invited. */
	Cases.Supplier asSupplier(ProcurementView c) {
		Actors.requireAnyRole("procurement.supplierOnly", Role.BIDDER);
		EntityView me = registry.myEntity().orElseThrow(() -> Refusal.forbidden("procurement.noEntity"));
		return cases.suppliers(c.id()).stream().filter(s -> s.supplier().equals(me.id())).findFirst()
			.orElseThrow(() -> Refusal.notFound("procurement.notFound"));
	}

	byte[] seal(ProcurementView c, Cases.Supplier s, String stage, Money amount) {
		return sealed.seal(PURPOSE, context(c, s, stage), amount.yuan().toPlainString().getBytes(StandardCharsets.UTF_8));
	}

	BigDecimal open(ProcurementView c, Cases.Supplier s, String stage, byte[] value) {
		return value == null ? null
				: new BigDecimal(new String(sealed.open(PURPOSE, context(c, s, stage), value), StandardCharsets.UTF_8));
	}

	private static String context(ProcurementView c, Cases.Supplier s, String stage) {
		return c.id() + ":" + s.supplier().value() + ":" + stage;
	}

	String sign(String text) {
		return Base64.getEncoder().encodeToString(keys.sign(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** An amount typed by a person: positive, at most two decimals, not absurd. */
	static Money amount(String field, BigDecimal yuan) {
		if (yuan == null) {
			throw Refusal.invalid(field, "procurement.amount.required");
		}
		if (yuan.stripTrailingZeros().scale() > 2) {
			throw Refusal.invalid(field, "procurement.amount.decimals");
		}
		if (yuan.signum() <= 0) {
			throw Refusal.invalid(field, "procurement.amount.positive");
		}
		if (yuan.compareTo(new BigDecimal("1000000000000")) >= 0) {
			throw Refusal.invalid(field, "procurement.amount.absurd");
		}
		return Money.of(yuan);
	}

	static String text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw Refusal.invalid(field, "procurement.text.required");
		}
		if (value.strip().length() > max) {
			throw Refusal.invalid(field, "procurement.text.tooLong", max);
		}
		return value.strip();
	}

	/** The exclusive end of a period whose last day is {@code lastDay}: the next midnight in Beijing. */
	static Instant endOf(LocalDate lastDay) {
		return lastDay.plusDays(1).atStartOfDay(CHINA).toInstant();
	}

	static String shown(Instant instant) {
		return instant == null ? "" : SHOWN.format(instant) + "（北京时间）";
	}

	static String yuan(Money m) {
		return m == null ? "" : m.yuan().toPlainString() + " 元";
	}

	static String methodName(ProcurementMethod method) {
		return switch (method) {
			case COMPETITIVE_NEGOTIATION -> "竞争性谈判";
			case COMPETITIVE_CONSULTATION -> "竞争性磋商";
			case REQUEST_FOR_QUOTATIONS -> "询价";
			case SINGLE_SOURCE -> "单一来源";
		};
	}

	static List<String> lines(String... lines) {
		return List.of(lines);
	}

	<T> T inTransaction(Supplier<T> work) {
		return transactions.execute(s -> work.get());
	}

	/**
	 * Staff work within their region (row-level security decides what they see); a market party is city-wide, so its
	 * work runs as the platform and this module checks which cases are its own.
	 */
	<T> T scoped(Supplier<T> work) {
		return Actors.current().filter(CaseParties::isStaff).isPresent() ? inTransaction(work) : platform(work);
	}

	<T> T platform(Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> work.get()));
	}
}
