package org.yiwang.guarantee;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.guarantee.GuaranteeChanged.ClaimDecided;
import org.yiwang.guarantee.GuaranteeChanged.ClaimFiled;
import org.yiwang.guarantee.GuaranteeChanged.ClaimPaid;
import org.yiwang.guarantee.GuaranteeChanged.ClaimRefused;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * Claims (索赔) on bid security. The tenderer, acting for the trade's beneficiary, files a claim on a bidder's
 * security with a ground; staff of the trade's region approve or reject it with a reason. An approved claim on a
 * guarantee goes on the issuer's feed until the issuer's system records what it paid (at most the guarantee's
 * amount); an approved claim on cash forfeits the deposit, which is then never refunded. A security under a claim
 * not yet decided is not released; a rejected claim lets it go as the trade's end would have. Every refusal is
 * audited and records nothing.
 */
@Service
public class SecurityClaims {

	private final Requirements requirements;

	private final Claims claims;

	private final Releases releases;

	private final SecurityReleases securityReleases;

	private final EntityRegistry registry;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Callers callers;

	SecurityClaims(Requirements requirements, Claims claims, Releases releases,
			SecurityReleases securityReleases, EntityRegistry registry, Catalog catalog, ApplicationEventPublisher events,
			PlatformTransactionManager manager, Callers callers, Clock clock) {
		this.requirements = requirements;
		this.claims = claims;
		this.releases = releases;
		this.securityReleases = securityReleases;
		this.registry = registry;
		this.catalog = catalog;
		this.events = events;
		this.transactions = new TransactionTemplate(manager);
		this.clock = clock;
		this.callers = callers;
	}

	/** The signed-in tenderer files a claim for the entity it acts for, which must be the trade's beneficiary. */
	public ClaimView file(NewClaim claim) {
		Acting tenderer = Actors.required();
		String target = "trade:" + (claim == null ? null : claim.tradeCode());
		try {
			if (!tenderer.hasRole(Role.TENDERER)) {
				throw Refusal.forbidden("guarantee.claim.tendererOnly");
			}
			if (claim == null || claim.tradeCode() == null || !TradeCode.isValid(claim.tradeCode())) {
				throw Refusal.invalid("tradeCode", "guarantee.tradeCode.form");
			}
			ClaimGround ground = ground(claim.ground());
			String text = claim.text() == null || claim.text().isBlank() ? null : claim.text().strip();
			if (ground == ClaimGround.OTHER && text == null) {
				throw Refusal.invalid("text", "guarantee.claim.textRequired");
			}
			if (text != null && text.length() > 500) {
				throw Refusal.invalid("text", "guarantee.claim.textTooLong");
			}
			EntityId bidder = entity(claim.bidder(), "bidder", "guarantee.claim.bidderUnknown");
			return platform(() -> {
				EntityView mine = registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
				RequirementView requirement = requirements.byTradeCode(TradeCode.of(claim.tradeCode()))
					.orElseThrow(() -> Refusal.notFound("guarantee.requirement.notFound"));
				if (!requirement.beneficiary().equals(mine.id())) {
					throw Refusal.forbidden("guarantee.claim.notBeneficiary");
				}
				if (!requirements.biddersDisclosed(requirement.tradeCode())) {
					throw Refusal.conflict("bidder", "guarantee.claim.biddersSealed");
				}
				if (claims.open(requirement.tradeCode(), bidder)) {
					throw Refusal.conflict("bidder", "guarantee.claim.open");
				}
				Instant now = clock.instant();
				Optional<GuaranteeView> letter = releases.validLetters(requirement.tradeCode()).stream()
					.filter(l -> l.applicant().equals(bidder)).findFirst();
				Money cash = claims.cashHeld(requirement.tradeCode(), bidder);
				ClaimView filed;
				if (letter.isPresent()) {
					filed = new ClaimView(UUID.randomUUID(), requirement.tradeCode(), SecurityForm.GUARANTEE,
							letter.get().letterNumber(), letter.get().issuer(), bidder, mine.id(), letter.get().amount(),
							ground, text, ClaimStatus.FILED, now, null, null, null, null, false);
				}
				else if (cash.compareTo(Money.ZERO) > 0) {
					String account = releases.refundable(requirement.tradeCode()).stream()
						.filter(a -> a.bidder().equals(bidder)).map(Releases.Refundable::accountNumber).findFirst()
						.orElseThrow();
					filed = new ClaimView(UUID.randomUUID(), requirement.tradeCode(), SecurityForm.CASH_DEPOSIT, account,
							null, bidder, mine.id(), cash, ground, text, ClaimStatus.FILED, now, null, null, null, null,
							false);
				}
				else {
					throw Refusal.conflict("bidder", "guarantee.claim.noSecurity");
				}
				claims.add(filed, letter.map(GuaranteeView::id).orElse(null), requirement.region(),
						tenderer.actor().username());
				events.publishEvent(new ClaimFiled(tenderer.actor(), filed.id(), filed.tradeCode(), bidder, filed.form(),
						filed.reference(), ground, requirement.region(), now));
				return filed;
			});
		}
		catch (DuplicateKeyException e) {
			throw audited(target, Refusal.conflict("bidder", "guarantee.claim.open"));
		}
		catch (Refusal refusal) {
			throw audited(target, refusal);
		}
	}

	/**
	 * The trades whose beneficiary the signed-in tenderer's entity is, with the security each bidder holds on them (a
	 * guarantee in force, else matched cash not yet refunded) and the claims filed; none when it acts for no entity.
	 */
	public List<BeneficiaryTradeView> beneficiaryTrades() {
		Actors.requireAnyRole("guarantee.claim.tendererOnly", Role.TENDERER);
		return platform(() -> registry.myEntity()
			.map(me -> requirements.ofBeneficiary(me.id()).stream().map(this::asBeneficiary).toList())
			.orElse(List.of()));
	}

	private BeneficiaryTradeView asBeneficiary(RequirementView requirement) {
		TradeCode trade = requirement.tradeCode();
		if (!requirements.biddersDisclosed(trade)) {
			return new BeneficiaryTradeView(requirement, false, List.of(), claims.ofTrade(trade));
		}
		List<BeneficiaryTradeView.Holder> holders = new java.util.ArrayList<>();
		java.util.Set<EntityId> seen = new java.util.HashSet<>();
		for (GuaranteeView letter : releases.validLetters(trade)) {
			if (seen.add(letter.applicant())) {
				holders.add(new BeneficiaryTradeView.Holder(letter.applicant(), registry.entity(letter.applicant()).name(),
						SecurityForm.GUARANTEE, letter.letterNumber(), letter.amount()));
			}
		}
		for (Releases.Refundable arrival : releases.refundable(trade)) {
			Money cash = claims.cashHeld(trade, arrival.bidder());
			if (cash.compareTo(Money.ZERO) > 0 && seen.add(arrival.bidder())) {
				holders.add(new BeneficiaryTradeView.Holder(arrival.bidder(), arrival.bidderName(),
						SecurityForm.CASH_DEPOSIT, arrival.accountNumber(), cash));
			}
		}
		return new BeneficiaryTradeView(requirement, true, List.copyOf(holders), claims.ofTrade(trade));
	}

	/** The claims the signed-in tenderer's entity filed. */
	public List<ClaimView> myClaims() {
		Actors.required();
		return platform(() -> registry.myEntity().map(e -> claims.ofBeneficiary(e.id())).orElse(List.of()));
	}

	/** Staff of the trade's region decide a filed claim; another region's is not found. */
	public ClaimView decide(String claimId, boolean approve, String reason) {
		Acting staff = Actors.requireAnyRole("guarantee.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
		String target = "claim:" + claimId;
		try {
			UUID id = id(claimId);
			if (reason == null || reason.isBlank()) {
				throw Refusal.invalid("reason", "guarantee.claim.reasonRequired");
			}
			if (reason.strip().length() > 500) {
				throw Refusal.invalid("reason", "guarantee.claim.textTooLong");
			}
			return transactions.execute(status -> {
				ClaimView claim = claims.byId(id).orElseThrow(() -> Refusal.notFound("guarantee.claim.notFound"));
				RequirementView requirement = requirements.byTradeCode(claim.tradeCode())
					.orElseThrow(() -> Refusal.notFound("guarantee.claim.notFound"));
				ClaimStatus outcome = !approve ? ClaimStatus.REJECTED
						: claim.form() == SecurityForm.GUARANTEE ? ClaimStatus.APPROVED : ClaimStatus.FORFEITED;
				Instant now = clock.instant();
				if (!claims.decide(id, outcome, reason.strip(), staff.actor().username(), now)) {
					throw Refusal.conflict(null, "guarantee.claim.decided");
				}
				if (outcome == ClaimStatus.APPROVED) {
					claims.letter(id).ifPresent(claims::markLetterClaimed);
				}
				else if (outcome == ClaimStatus.FORFEITED) {
					claims.forfeit(claim.tradeCode(), claim.bidder(), now);
				}
				events.publishEvent(new ClaimDecided(staff.actor(), id, claim.tradeCode(), outcome, reason.strip(),
						requirement.region(), now));
				// Whatever the claim did not take (all of it when rejected; flagged arrivals, never security, when the
				// deposit was forfeited) is released now if the trade's end already released the others'.
				securityReleases.releaseAfterClaim(requirement, claim.bidder());
				return claims.byId(id).orElseThrow();
			});
		}
		catch (Refusal refusal) {
			throw audited(target, refusal);
		}
	}

	/** Approved claims the calling issuer's system has not paid yet. */
	public List<ClaimView> approvedClaims() {
		IssuerView issuer = callers.issuer();
		return platform(() -> claims.approvedFor(issuer.entity()));
	}

	/**
	 * The issuer's system records what it paid on an approved claim: more than zero, at most the guarantee's amount,
	 * two decimals at most. The same key and body get the first answer again; anything else on a paid claim is refused.
	 */
	public ClaimView recordPayment(UUID claim, String idempotencyKey, ClaimPayment payment) {
		IssuerView issuer = callers.issuer();
		String target = "claim:" + claim;
		try {
			if (idempotencyKey == null || !Callers.TOKEN.matcher(idempotencyKey).matches()) {
				throw Refusal.invalid("Idempotency-Key", "guarantee.idempotency.keyForm");
			}
			if (payment == null) {
				throw Refusal.invalid("paidAmount", "guarantee.amount.required");
			}
			Money paid = BidSecurity.amount("paidAmount", payment.paidAmount());
			if (paid.compareTo(Money.ZERO) <= 0) {
				throw Refusal.invalid("paidAmount", "guarantee.amount.positive");
			}
			if (payment.paidAt() == null || payment.paidAt().isAfter(clock.instant().plus(Callers.CLOCK_SKEW))) {
				throw Refusal.invalid("paidAt", "guarantee.claim.paidAt");
			}
			String sha256 = Sha256.hex((claim + "\n" + paid + "\n" + payment.paidAt())
				.getBytes(StandardCharsets.UTF_8));
			return platform(() -> {
				Claims.Paid found = claims.paid(claim).filter(c -> issuer.entity().equals(c.claim().issuer()))
					.orElseThrow(() -> Refusal.notFound("guarantee.claim.notFound"));
				ClaimView current = found.claim();
				if (current.status() == ClaimStatus.PAID) {
					if (idempotencyKey.equals(found.paymentKey()) && sha256.equals(found.paymentSha256())) {
						return withReplayed(current);
					}
					throw Refusal.conflict(null, "guarantee.claim.alreadyPaid", current.paidAmount().toString());
				}
				if (current.status() != ClaimStatus.APPROVED) {
					throw Refusal.conflict(null, "guarantee.claim.notApproved");
				}
				if (!current.amount().isAtLeast(paid)) {
					throw Refusal.invalid("paidAmount", "guarantee.claim.paidTooMuch", paid.toString(),
							current.amount().toString());
				}
				if (!claims.pay(claim, paid, payment.paidAt(), idempotencyKey, sha256)) {
					throw Refusal.conflict(null, "guarantee.claim.notApproved");
				}
				events.publishEvent(new ClaimPaid(Actors.actor(), claim, current.reference(), paid,
						region(current.tradeCode()), clock.instant()));
				return claims.byId(claim).orElseThrow();
			});
		}
		catch (Refusal refusal) {
			throw audited(target, refusal);
		}
	}

	private static ClaimView withReplayed(ClaimView c) {
		return new ClaimView(c.id(), c.tradeCode(), c.form(), c.reference(), c.issuer(), c.bidder(), c.beneficiary(),
				c.amount(), c.ground(), c.text(), c.status(), c.filedAt(), c.decidedAt(), c.decisionReason(), c.paidAmount(),
				c.paidAt(), true);
	}

	private RegionCode region(TradeCode trade) {
		return requirements.byTradeCode(trade).map(RequirementView::region).orElse(catalog.city().code());
	}

	private static ClaimGround ground(String value) {
		try {
			return ClaimGround.valueOf(value);
		}
		catch (RuntimeException e) {
			throw Refusal.invalid("ground", "guarantee.claim.ground");
		}
	}

	private static EntityId entity(String value, String field, String key) {
		try {
			return EntityId.of(value.strip());
		}
		catch (RuntimeException e) {
			throw Refusal.invalid(field, key);
		}
	}

	private static UUID id(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (RuntimeException e) {
			throw Refusal.notFound("guarantee.claim.notFound");
		}
	}

	private <T> T platform(Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> work.get()));
	}

	private Refusal audited(String target, Refusal refusal) {
		return callers.audited(refusal, (region, at) -> new ClaimRefused(Actors.actor(), target.length() > 200
				? target.substring(0, 200) : target, refusal.messageKey(), region, at));
	}
}
