package org.yiwang.guarantee;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.guarantee.GuaranteeChanged.ContractSigned;
import org.yiwang.guarantee.GuaranteeChanged.GuaranteeReleased;
import org.yiwang.guarantee.GuaranteeChanged.RefundExecuted;
import org.yiwang.guarantee.GuaranteeChanged.RefundInstructed;
import org.yiwang.guarantee.GuaranteeChanged.ReleaseAcknowledged;
import org.yiwang.guarantee.GuaranteeChanged.ReleaseRefused;
import org.yiwang.guarantee.GuaranteeChanged.TransactionEnded;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityId;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * Release and refund of bid security (实施条例 Art. 57). When a trade's transaction ends the securities of its
 * unsuccessful bidders are released at once, the winner's when the contract is signed: a guarantee letter is marked
 * released and put on its issuer's feed until the issuer's system acknowledges it; cash on a bidder's sub-account
 * becomes a refund instruction (principal + interest at the deposit rate, {@link DepositInterest}) on its bank's feed
 * until the bank's system confirms it executed. Refunds at the end of a transaction are due within 5 days of it,
 * refunds at the signing within 5 days of the signing; staff see overdue ones. Every call is idempotent; a refused
 * one is audited and records nothing.
 */
@Service
public class SecurityReleases {

	/** 实施条例 Art. 57: refunds at the latest 5 days after the contract is signed. */
	static final int REFUND_DAYS = 5;

	private final Requirements requirements;

	private final Releases releases;

	private final Claims claims;

	private final Deposits deposits;

	private final EntityRegistry registry;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Callers callers;

	private final BigDecimal annualRate;

	SecurityReleases(Requirements requirements, Releases releases, Claims claims, Deposits deposits,
			EntityRegistry registry, Catalog catalog, ApplicationEventPublisher events, PlatformTransactionManager manager,
			Callers callers, Clock clock, @Value("${yiwang.guarantee.deposit-annual-rate:0.0035}") BigDecimal annualRate) {
		if (annualRate.signum() < 0 || annualRate.compareTo(BigDecimal.ONE) >= 0 || annualRate.scale() > 6) {
			throw new IllegalArgumentException(
					"yiwang.guarantee.deposit-annual-rate is a fraction in [0, 1) with at most 6 decimals (0.0035 = 0.35%): "
							+ annualRate);
		}
		this.requirements = requirements;
		this.releases = releases;
		this.claims = claims;
		this.deposits = deposits;
		this.registry = registry;
		this.catalog = catalog;
		this.events = events;
		this.transactions = new TransactionTemplate(manager);
		this.clock = clock;
		this.callers = callers;
		this.annualRate = annualRate;
	}

	/** The deposit rate refunds pay, as a fraction (0.0035 = 0.35% a year). */
	public BigDecimal annualRate() {
		return annualRate;
	}

	/** Staff's picture of one trade of their regions; another region's is not found. */
	public TradeSecurityView trade(String tradeCode) {
		requireStaff();
		return transactions.execute(status -> view(requirement(tradeCode)));
	}

	/** The staff action for trades without a tendering module yet: ends the transaction, the winner named by id. */
	public TradeSecurityView endTransaction(String tradeCode, String winner) {
		Optional<EntityId> named;
		if (winner == null || winner.isBlank()) {
			named = Optional.empty();
		}
		else {
			try {
				named = Optional.of(EntityId.of(winner.strip()));
			}
			catch (RuntimeException e) {
				throw audited("trade:" + tradeCode, Refusal.invalid("winner", "guarantee.release.winnerUnknown"));
			}
		}
		if (tradeCode == null || !TradeCode.isValid(tradeCode)) {
			throw audited("trade:" + tradeCode, Refusal.notFound("guarantee.requirement.notFound"));
		}
		return transactionEnded(TradeCode.of(tradeCode), named);
	}

	/**
	 * The transaction of a trade ended: the securities of every bidder but the winner are released at once. Called
	 * again with the same winner it answers as before; with another winner it is refused.
	 */
	/**
	 * The trade's bids were opened (the tendering module at opening, the auction module at its result): its beneficiary
	 * may now see who holds security and claim on it. Idempotent.
	 */
	public TradeSecurityView biddersDisclosed(TradeCode trade) {
		requireStaffOrPlatform();
		try {
			return transactions.execute(status -> {
				RequirementView requirement = requirement(trade == null ? null : trade.value());
				Instant now = clock.instant();
				if (requirements.discloseBidders(requirement.tradeCode(), now)) {
					events.publishEvent(new GuaranteeChanged.BiddersDisclosed(Actors.actor(), requirement.tradeCode(),
							requirement.region(), now));
				}
				return view(requirement);
			});
		}
		catch (Refusal refusal) {
			throw audited("trade:" + trade, refusal);
		}
	}

	public TradeSecurityView transactionEnded(TradeCode trade, Optional<EntityId> winner) {
		Acting acting = requireStaffOrPlatform();
		String target = "trade:" + trade;
		try {
			return transactions.execute(status -> {
				RequirementView requirement = requirement(trade == null ? null : trade.value());
				EntityId named = winner == null ? null : winner.orElse(null);
				Optional<Releases.End> end = releases.end(requirement.tradeCode());
				if (end.isPresent()) {
					return same(requirement, end.get(), named);
				}
				TradeSecurityView before = view(requirement);
				if (named != null && !before.holders().contains(named)) {
					throw Refusal.invalid("winner", "guarantee.release.winnerUnknown");
				}
				Instant now = clock.instant();
				if (!releases.addEnd(requirement.tradeCode(), requirement.region(), named, username(acting), now)) {
					return same(requirement, releases.end(requirement.tradeCode()).orElseThrow(), named);
				}
				events.publishEvent(new TransactionEnded(Actors.actor(), requirement.tradeCode(), named,
						requirement.region(), now));
				requirements.discloseBidders(requirement.tradeCode(), now);
				LocalDate today = today();
				releaseAll(requirement, bidder -> !bidder.equals(named), ReleaseReason.UNSUCCESSFUL,
						today.plusDays(REFUND_DAYS), now);
				return view(requirement);
			});
		}
		catch (Refusal refusal) {
			throw audited(target, refusal);
		}
	}

	/** The staff action: the winner's contract was signed on that day. */
	public TradeSecurityView signContract(String tradeCode, LocalDate signedOn) {
		if (tradeCode == null || !TradeCode.isValid(tradeCode)) {
			throw audited("trade:" + tradeCode, Refusal.notFound("guarantee.requirement.notFound"));
		}
		return contractSigned(TradeCode.of(tradeCode), signedOn);
	}

	/**
	 * The winner signed the contract: its security is released, and cash refunds are due within 5 days of the signing.
	 * Called again with the same day it answers as before; with another day it is refused.
	 */
	public TradeSecurityView contractSigned(TradeCode trade, LocalDate signedOn) {
		Acting acting = requireStaffOrPlatform();
		String target = "trade:" + trade;
		try {
			return transactions.execute(status -> {
				RequirementView requirement = requirement(trade == null ? null : trade.value());
				if (signedOn == null) {
					throw Refusal.invalid("signedOn", "guarantee.release.signedOnRequired");
				}
				Releases.End end = releases.end(requirement.tradeCode())
					.orElseThrow(() -> Refusal.conflict("signedOn", "guarantee.release.notEnded"));
				if (end.winner() == null) {
					throw Refusal.conflict("signedOn", "guarantee.release.noWinner");
				}
				if (end.contractSignedOn() != null) {
					if (end.contractSignedOn().equals(signedOn)) {
						return view(requirement);
					}
					throw Refusal.conflict("signedOn", "guarantee.release.alreadySigned", end.contractSignedOn().toString());
				}
				LocalDate today = today();
				if (signedOn.isAfter(today)) {
					throw Refusal.invalid("signedOn", "guarantee.release.signedInFuture", signedOn.toString());
				}
				Instant now = clock.instant();
				if (!releases.markSigned(requirement.tradeCode(), signedOn, username(acting), now)) {
					return view(requirement);
				}
				events.publishEvent(new ContractSigned(Actors.actor(), requirement.tradeCode(), signedOn,
						requirement.region(), now));
				// The winner's security, and anything that arrived after the end, is released now.
				releaseAll(requirement, bidder -> true, null, signedOn.plusDays(REFUND_DAYS), now);
				return view(requirement);
			});
		}
		catch (Refusal refusal) {
			throw audited(target, refusal);
		}
	}

	/** Refunds of the acting staff's regions not executed by their due day. */
	public List<RefundView> overdueRefunds() {
		requireStaff();
		return transactions.execute(status -> releases.overdue(today()));
	}

	/** The signed-in bidder's refunds. */
	public List<RefundView> myRefunds() {
		Actors.required();
		return platform(() -> registry.myEntity().map(e -> releases.refundsOf(e.id(), today())).orElse(List.of()));
	}

	/** The releases the calling issuer's system has not acknowledged yet. */
	public List<ReleaseView> pendingReleases() {
		IssuerView issuer = callers.issuer();
		return platform(() -> releases.unacknowledged(issuer.entity()));
	}

	/** The issuer's system acknowledges a release; acknowledging again answers the same. */
	public ReleaseView acknowledge(UUID release) {
		IssuerView issuer = callers.issuer();
		return platform(() -> {
			ReleaseView found = releases.release(release).filter(r -> r.issuer().equals(issuer.entity()))
				.orElseThrow(() -> Refusal.notFound("guarantee.release.notFound"));
			if (found.acknowledgedAt() != null) {
				return found;
			}
			Instant now = clock.instant();
			if (releases.acknowledge(found.id(), now)) {
				events.publishEvent(new ReleaseAcknowledged(Actors.actor(), found.id(), found.letterNumber(),
						requirements.byTradeCode(found.tradeCode()).map(RequirementView::region).orElse(catalog.city().code()),
						now));
			}
			return releases.release(release).orElseThrow();
		});
	}

	/** The refund instructions the calling bank's system has not confirmed yet, earliest due first. */
	public List<RefundView> refundInstructions() {
		BankView bank = callers.bank();
		return platform(() -> releases.instructed(bank.clientUsername(), today()));
	}

	/**
	 * The bank's system confirms it executed a refund. The same key and body get the first answer again; another body
	 * under the key, a second confirmation under another key, or a bank reference used before are refused.
	 */
	public RefundReceipt confirmRefund(UUID refund, String idempotencyKey, RefundExecution execution) {
		BankView bank = callers.bank();
		String target = "refund:" + refund;
		try {
			if (idempotencyKey == null || !Callers.TOKEN.matcher(idempotencyKey).matches()) {
				throw Refusal.invalid("Idempotency-Key", "guarantee.idempotency.keyForm");
			}
			if (execution == null || execution.bankReference() == null
					|| !Callers.TOKEN.matcher(execution.bankReference()).matches()) {
				throw Refusal.invalid("bankReference", "guarantee.deposit.reference");
			}
			Instant latest = clock.instant().plus(Callers.CLOCK_SKEW);
			if (execution.executedAt() == null || execution.executedAt().isAfter(latest)) {
				throw Refusal.invalid("executedAt", "guarantee.refund.executedAt");
			}
			String sha256 = Sha256.hex((refund + "\n" + execution.bankReference() + "\n"
					+ execution.executedAt()).getBytes(StandardCharsets.UTF_8));
			return platform(() -> {
				Releases.Confirmed found = releases.confirmed(refund, today())
					.filter(r -> r.bankClient().equals(bank.clientUsername()))
					.orElseThrow(() -> Refusal.notFound("guarantee.refund.notFound"));
				if (found.refund().status() == RefundStatus.EXECUTED) {
					if (idempotencyKey.equals(found.confirmKey())) {
						if (sha256.equals(found.confirmSha256())) {
							return new RefundReceipt(found.refund(), true);
						}
						throw Refusal.conflict("Idempotency-Key", "guarantee.idempotency.keyReused");
					}
					throw Refusal.conflict(null, "guarantee.refund.alreadyExecuted", found.refund().bankReference());
				}
				if (releases.referenceTaken(bank.clientUsername(), execution.bankReference())) {
					throw Refusal.conflict("bankReference", "guarantee.deposit.alreadyReported", execution.bankReference());
				}
				Instant now = clock.instant();
				if (!releases.markExecuted(refund, execution.bankReference(), execution.executedAt(), idempotencyKey,
						sha256, now)) {
					throw Refusal.conflict(null, "guarantee.refund.alreadyExecuted", execution.bankReference());
				}
				RefundView executed = releases.confirmed(refund, today()).orElseThrow().refund();
				events.publishEvent(new RefundExecuted(Actors.actor(), refund, executed.accountNumber(),
						execution.bankReference(), executed.total(), region(executed.tradeCode()), now));
				return new RefundReceipt(executed, false);
			});
		}
		catch (DuplicateKeyException e) {
			throw audited(target, Refusal.conflict("Idempotency-Key", "guarantee.refund.concurrent"));
		}
		catch (Refusal refusal) {
			throw audited(target, refusal);
		}
	}

	/**
	 * Releases every letter and refunds every arrival of the bidders the filter admits. A null reason means: the
	 * winner's is released for the signed contract, anyone else's as unsuccessful.
	 */
	private void releaseAll(RequirementView requirement, java.util.function.Predicate<EntityId> admitted,
			ReleaseReason fixed, LocalDate dueOn, Instant now) {
		EntityId winner = releases.end(requirement.tradeCode()).map(Releases.End::winner).orElse(null);
		// A security under an open claim stays until the claim is decided.
		java.util.function.Predicate<EntityId> released = bidder -> admitted.test(bidder)
				&& !claims.undecided(requirement.tradeCode(), bidder);
		for (GuaranteeView letter : releases.validLetters(requirement.tradeCode())) {
			if (!released.test(letter.applicant())) {
				continue;
			}
			ReleaseReason reason = reason(fixed, letter.applicant(), winner);
			UUID id = UUID.randomUUID();
			if (releases.release(letter, requirement.region(), reason, id, now)) {
				events.publishEvent(new GuaranteeReleased(Actors.actor(), id, letter.letterNumber(),
						requirement.tradeCode(), letter.issuer(), reason, requirement.region(), now));
			}
		}
		LocalDate today = today();
		for (Releases.Refundable arrival : releases.refundable(requirement.tradeCode())) {
			if (!released.test(arrival.bidder())) {
				continue;
			}
			ReleaseReason reason = reason(fixed, arrival.bidder(), winner);
			LocalDate from = LocalDate.ofInstant(arrival.paidAt(), BidSecurity.CHINA);
			// Money from a payer who is not the bidder was never the bidder's security: it goes back as it came, no
			// interest (docs/bid-security.md).
			LocalDate until = from.isAfter(today) || arrival.outcome() == DepositOutcome.WRONG_PAYER ? from : today;
			long days = DepositInterest.days(from, until);
			Money interest = DepositInterest.of(arrival.amount(), annualRate, days);
			RefundView refund = new RefundView(UUID.randomUUID(), arrival.accountNumber(), requirement.tradeCode(),
					arrival.bidder(), arrival.bidderName(), arrival.payerAccount(), arrival.payerName(), arrival.amount(),
					annualRate, from, until, (int) days, interest, arrival.amount().plus(interest), reason, dueOn,
					RefundStatus.INSTRUCTED, now, null, null, false);
			if (releases.addRefund(refund, arrival.arrival(), arrival.bankClient(), requirement.region())) {
				events.publishEvent(new RefundInstructed(Actors.actor(), refund.id(), refund.accountNumber(),
						refund.tradeCode(), refund.principal(), interest, dueOn, reason, requirement.region(), now));
			}
		}
	}

	/**
	 * After a claim on the bidder was rejected: its security is released now if the trade's end (or, for the winner,
	 * the contract signing) already released the others'.
	 */
	void releaseAfterClaim(RequirementView requirement, EntityId bidder) {
		Optional<Releases.End> end = releases.end(requirement.tradeCode());
		if (end.isEmpty()) {
			return;
		}
		boolean winner = bidder.equals(end.get().winner());
		if (winner && end.get().contractSignedOn() == null) {
			return;
		}
		LocalDate due = winner ? end.get().contractSignedOn().plusDays(REFUND_DAYS) : today().plusDays(REFUND_DAYS);
		releaseAll(requirement, bidder::equals, null, due, clock.instant());
	}

	private static ReleaseReason reason(ReleaseReason fixed, EntityId bidder, EntityId winner) {
		if (fixed != null) {
			return fixed;
		}
		return bidder.equals(winner) ? ReleaseReason.CONTRACT_SIGNED : ReleaseReason.UNSUCCESSFUL;
	}

	private TradeSecurityView same(RequirementView requirement, Releases.End end, EntityId named) {
		if (!Objects.equals(end.winner(), named)) {
			throw Refusal.conflict("winner", "guarantee.release.alreadyEnded");
		}
		return view(requirement);
	}

	private TradeSecurityView view(RequirementView requirement) {
		TradeCode trade = requirement.tradeCode();
		Optional<Releases.End> end = releases.end(trade);
		List<ArrivalView> arrivals = deposits.arrivalsOfTrade(trade);
		return new TradeSecurityView(requirement, end.isPresent(), end.map(Releases.End::winner).orElse(null),
				end.map(Releases.End::endedAt).orElse(null), end.map(Releases.End::contractSignedOn).orElse(null),
				releases.letters(trade), arrivals, releases.releases(trade), releases.refunds(trade, today()),
				claims.ofTrade(trade));
	}

	private RequirementView requirement(String tradeCode) {
		return Optional.ofNullable(tradeCode).filter(TradeCode::isValid).map(TradeCode::of)
			.flatMap(requirements::byTradeCode)
			.orElseThrow(() -> Refusal.notFound("guarantee.requirement.notFound"));
	}

	private RegionCode region(TradeCode trade) {
		return requirements.byTradeCode(trade).map(RequirementView::region).orElse(catalog.city().code());
	}

	private static Acting requireStaff() {
		return Actors.requireAnyRole("guarantee.staffOnly", Role.CENTER_STAFF, Role.PLATFORM_ADMIN);
	}

	/** Staff, or the platform itself (a module's listener running in the platform's scope), with no principal. */
	private static Acting requireStaffOrPlatform() {
		return Actors.current().isEmpty() ? null : requireStaff();
	}

	private static String username(Acting acting) {
		return acting == null ? "system" : acting.actor().username();
	}

	private <T> T platform(Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> work.get()));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(BidSecurity.CHINA));
	}

	private Refusal audited(String target, Refusal refusal) {
		return callers.audited(refusal, (region, at) -> new ReleaseRefused(Actors.actor(), target.length() > 200
				? target.substring(0, 200) : target, refusal.messageKey(), region, at));
	}
}
