package org.yiwang.guarantee;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.catalog.Catalog;
import org.yiwang.guarantee.GuaranteeChanged.RequirementSet;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.CategoryCode;
import org.yiwang.kernel.CreditCode;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;

/**
 * The guarantee module's entry point for the rest of the platform: the bid security each trade asks for (set by the
 * district's staff now, by the tendering and auction modules later), the question whether a bidder holds valid
 * security for a trade, and the public authenticity check of a guarantee by its number and verification code.
 */
@Service
public class BidSecurity {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Requirements requirements;

	private final Letters letters;

	private final Deposits deposits;

	private final EntityRegistry registry;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final SecurityReleases releases;

	private final Clock clock;

	BidSecurity(Requirements requirements, Letters letters, Deposits deposits, EntityRegistry registry, Catalog catalog,
			ApplicationEventPublisher events, SecurityReleases releases, Clock clock) {
		this.releases = releases;
		this.requirements = requirements;
		this.letters = letters;
		this.deposits = deposits;
		this.registry = registry;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Staff of the trade's region (or city-wide staff) set the security a trade asks for. The beneficiary must be an
	 * approved organisation holding the tenderer role; the amount has at most two decimals; bids must stay valid until
	 * a day not yet past.
	 */
	@Transactional
	public RequirementView require(NewRequirement request) {
		Acting staff = requireStaff();
		if (!TradeCode.isValid(request.tradeCode())) {
			throw Refusal.invalid("tradeCode", "guarantee.tradeCode.form");
		}
		if (request.sectionName() == null || request.sectionName().isBlank() || request.sectionName().strip().length() > 200) {
			throw Refusal.invalid("sectionName", "guarantee.sectionName.required");
		}
		if (!RegionCode.isValid(request.region())
				|| catalog.region(RegionCode.of(request.region())).filter(r -> r.active()).isEmpty()) {
			throw Refusal.invalid("region", "guarantee.region.unknown");
		}
		RegionCode region = RegionCode.of(request.region());
		if (!staff.regionScope().covers(region)) {
			throw Refusal.forbidden("guarantee.region.outOfScope");
		}
		if (!CategoryCode.isValid(request.category())
				|| catalog.findCategory(CategoryCode.of(request.category())).isEmpty()) {
			throw Refusal.invalid("category", "guarantee.category.unknown");
		}
		EntityView beneficiary = beneficiary(request);
		Money amount = amount("amount", request.amount());
		if (amount.compareTo(Money.ZERO) <= 0) {
			throw Refusal.invalid("amount", "guarantee.amount.positive");
		}
		if (request.bidValidityEnd() == null || request.bidValidityEnd().isBefore(today())) {
			throw Refusal.invalid("bidValidityEnd", "guarantee.bidValidityEnd.past");
		}
		Instant now = clock.instant();
		RequirementView requirement = new RequirementView(UUID.randomUUID(), TradeCode.of(request.tradeCode()),
				request.sectionName().strip(), region, CategoryCode.of(request.category()), beneficiary.id(),
				beneficiary.name(), beneficiary.creditCode(), amount, request.bidValidityEnd(), staff.actor().username(), now);
		requirements.add(requirement);
		events.publishEvent(new RequirementSet(staff.actor(), requirement.id(), requirement.tradeCode(), beneficiary.id(),
				amount, requirement.bidValidityEnd(), region, now));
		return requirement;
	}

	/** The requirements of the acting staff's regions (the database shows no others). */
	@Transactional(readOnly = true)
	public List<RequirementView> requirements() {
		requireStaff();
		return requirements.all();
	}

	/** A requirement of the acting staff's regions; one of another region is not found. */
	@Transactional(readOnly = true)
	public RequirementView requirement(String tradeCode) {
		requireStaff();
		return Optional.ofNullable(tradeCode).filter(TradeCode::isValid).map(TradeCode::of)
			.flatMap(requirements::byTradeCode)
			.orElseThrow(() -> Refusal.notFound("guarantee.requirement.notFound"));
	}

	/**
	 * Does the bidder hold valid security for the trade of at least this amount, today? A guarantee in force if there
	 * is one, else a matched cash deposit (flagged arrivals never count); empty when neither.
	 */
	@Transactional(readOnly = true)
	public Optional<SecurityHeld> securityHeld(EntityId bidder, TradeCode trade, Money atLeast) {
		Optional<SecurityHeld> guarantee = letters.held(bidder, trade, atLeast, today()).stream().findFirst()
			.map(g -> new SecurityHeld(bidder, trade, SecurityForm.GUARANTEE, g.amount(), g.letterNumber(), g.validUntil(),
					g.recordedAt()));
		if (guarantee.isPresent()) {
			return guarantee;
		}
		return deposits.matched(bidder, trade, atLeast).stream().findFirst()
			.map(d -> new SecurityHeld(bidder, trade, SecurityForm.CASH_DEPOSIT, d.amount(), d.accountNumber(), null,
					d.paidAt()));
	}

	/**
	 * The buyer's cash deposit counts towards the price (竞得人保证金抵作价款): up to {@code upTo} of the deposit that
	 * {@link #securityHeld} names is marked applied, so no release refunds it and no claim forfeits it; a part above
	 * the price stays refundable. Called in the result's transaction (the caller's scope covers the trade); answers
	 * what was applied, zero when the bidder holds no unapplied cash deposit.
	 */
	@Transactional
	public Money applyDeposit(EntityId buyer, TradeCode trade, Money atLeast, Money upTo) {
		if (upTo.compareTo(Money.ZERO) <= 0) {
			return Money.ZERO;
		}
		return deposits.apply(buyer, trade, atLeast, upTo, clock.instant());
	}

	/**
	 * The transaction of a trade ended (the tendering or auction module decided, or staff for a trade without one):
	 * the securities of every bidder but the winner are released at once, guarantees on their issuers' feeds and cash
	 * as refund instructions with interest on the bank's feed. Empty winner: the trade failed, everyone's is released.
	 * Idempotent for the same winner; another winner is refused (409). Called by staff of the trade's region or by
	 * the platform itself (no principal, in a scope covering the trade).
	 */
	/**
	 * The trade's bids were opened: its beneficiary may now see who holds security on it and claim (until then the
	 * bidders stay secret, 招标投标法 Art. 22). The end of the trade discloses them too. Idempotent.
	 */
	public TradeSecurityView biddersDisclosed(TradeCode trade) {
		return releases.biddersDisclosed(trade);
	}

	public TradeSecurityView transactionEnded(TradeCode trade, Optional<EntityId> winner) {
		return releases.transactionEnded(trade, winner);
	}

	/**
	 * The winner signed the contract on that day: its security is released and every cash refund of the trade is due
	 * within 5 days of the signing (实施条例 Art. 57). Idempotent for the same day; another day is refused (409).
	 */
	public TradeSecurityView contractSigned(TradeCode trade, LocalDate signedOn) {
		return releases.contractSigned(trade, signedOn);
	}

	/**
	 * Anyone checks a guarantee by its letter number and verification code. A wrong code and an unknown number look
	 * the same: not found.
	 */
	@Transactional(readOnly = true)
	public Optional<PublicGuaranteeView> verify(String letterNumber, String verificationCode) {
		if (letterNumber == null || verificationCode == null || letterNumber.length() > 64
				|| verificationCode.length() > 32) {
			return Optional.empty();
		}
		LocalDate today = today();
		return letters.byNumber(letterNumber.strip())
			.filter(g -> MessageDigest.isEqual(g.verificationCode().getBytes(StandardCharsets.US_ASCII),
					verificationCode.strip().toUpperCase().getBytes(StandardCharsets.US_ASCII)))
			.map(g -> new PublicGuaranteeView(g.letterNumber(), g.issuerName(), g.beneficiaryName(), g.tradeCode(),
					g.amount(), g.validFrom(), g.validUntil(), g.status(), g.status() == GuaranteeStatus.VALID
							&& !today.isBefore(g.validFrom()) && !today.isAfter(g.validUntil())));
	}

	private EntityView beneficiary(NewRequirement request) {
		Optional<EntityView> found;
		if (request.beneficiaryId() != null && !request.beneficiaryId().isBlank()) {
			EntityId id;
			try {
				id = EntityId.of(request.beneficiaryId().strip());
			}
			catch (IllegalArgumentException e) {
				throw Refusal.invalid("beneficiaryId", "guarantee.beneficiary.unknown");
			}
			try {
				found = Optional.of(registry.entity(id));
			}
			catch (Refusal notFound) {
				found = Optional.empty();
			}
		}
		else if (request.beneficiaryCreditCode() != null && CreditCode.problem(request.beneficiaryCreditCode().strip()).isEmpty()) {
			found = registry.findByCreditCode(CreditCode.of(request.beneficiaryCreditCode().strip()));
		}
		else {
			throw Refusal.invalid("beneficiaryCreditCode", "guarantee.beneficiary.required");
		}
		EntityView entity = found.orElseThrow(() -> Refusal.invalid("beneficiaryCreditCode", "guarantee.beneficiary.unknown"));
		// A tender's security benefits the tenderer; a listing's (挂牌) the transferor.
		if (!(entity.holds(EntityRole.TENDERER) || entity.holds(EntityRole.TRANSFEROR)) || entity.creditCode() == null) {
			throw Refusal.invalid("beneficiaryCreditCode", "guarantee.beneficiary.notTenderer", entity.name());
		}
		return entity;
	}

	/** An amount of yuan; more than two decimals is refused, never rounded. */
	static Money amount(String field, BigDecimal yuan) {
		if (yuan == null) {
			throw Refusal.invalid(field, "guarantee.amount.required");
		}
		try {
			return Money.nonNegative(yuan);
		}
		catch (IllegalArgumentException e) {
			throw Refusal.invalid(field, yuan.stripTrailingZeros().scale() > 2 ? "guarantee.amount.decimals"
					: "guarantee.amount.positive", yuan.toPlainString());
		}
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(CHINA));
	}

	private static Acting requireStaff() {
		return Actors.requireAnyRole("guarantee.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
	}
}
