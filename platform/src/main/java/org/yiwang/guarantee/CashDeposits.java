package org.yiwang.guarantee;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.guarantee.GuaranteeChanged.BankRegistered;
import org.yiwang.guarantee.GuaranteeChanged.DepositAccountOpened;
import org.yiwang.guarantee.GuaranteeChanged.DepositArrived;
import org.yiwang.guarantee.GuaranteeChanged.DepositReportRefused;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.kernel.Sha256;
import org.yiwang.kernel.TradeCode;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.EntityView;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * Cash deposits (现金保证金): a bidder opens its own deposit sub-account for a trade; the settlement bank's system
 * reports each arrival (amount, payer account and name, time, its own reference) under an idempotency key; the
 * arrival is matched to bidder and trade, or recorded with a flag (wrong payer, short amount, unknown sub-account)
 * and never counted. Sub-accounts carry the trade's region; bidders and banks act on their own records only, which
 * this class reads in the platform's scope.
 */
@Service
public class CashDeposits {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

	private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{1,100}");

	private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Za-z-]{1,40}");

	/** Bank clocks drift; a report a few minutes "ahead" is not in the future. */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Requirements requirements;

	private final Deposits deposits;

	private final EntityRegistry registry;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CashDeposits(Requirements requirements, Deposits deposits, EntityRegistry registry, Catalog catalog,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.requirements = requirements;
		this.deposits = deposits;
		this.registry = registry;
		this.catalog = catalog;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** City-wide staff register the settlement bank's machine account (role API_CLIENT) that reports arrivals. */
	public BankView registerBank(String clientUsername, String name) {
		Acting staff = Actors.required();
		if (!staff.actsCityWide()) {
			throw Refusal.forbidden("guarantee.issuer.cityWideOnly");
		}
		if (clientUsername == null || !USERNAME.matcher(clientUsername.strip()).matches()) {
			throw Refusal.invalid("clientUsername", "guarantee.issuer.clientForm");
		}
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw Refusal.invalid("name", "guarantee.bank.name");
		}
		return platform(() -> {
			if (deposits.bank(clientUsername.strip()).isPresent()) {
				throw Refusal.conflict("clientUsername", "guarantee.issuer.duplicate");
			}
			Instant now = clock.instant();
			BankView bank = new BankView(clientUsername.strip(), name.strip(), now);
			deposits.addBank(bank, staff.actor().username());
			events.publishEvent(new BankRegistered(staff.actor(), bank.clientUsername(), bank.name(), catalog.city().code(), now));
			return bank;
		});
	}

	/** The signed-in bidder's deposit sub-account for a trade, opened on first request. */
	public DepositAccountView openAccount(String tradeCode) {
		Acting bidder = Actors.required();
		if (!bidder.hasRole(Role.BIDDER)) {
			throw Refusal.forbidden("guarantee.bidderOnly");
		}
		return platform(() -> {
			EntityView entity = registry.myEntity().orElseThrow(() -> Refusal.notFound("registry.entity.none"));
			if (!entity.holds(EntityRole.BIDDER) && !entity.holds(EntityRole.TRANSFEREE)) { // a transferee bids in listings
				throw Refusal.conflict(null, "guarantee.application.notBidder");
			}
			if (!TradeCode.isValid(tradeCode)) {
				throw Refusal.invalid("tradeCode", "guarantee.tradeCode.form");
			}
			RequirementView requirement = requirements.byTradeCode(TradeCode.of(tradeCode))
				.orElseThrow(() -> Refusal.invalid("tradeCode", "guarantee.requirement.notFound"));
			Optional<DepositAccountView> open = deposits.account(requirement.id(), entity.id());
			if (open.isPresent()) {
				return open.get();
			}
			Instant now = clock.instant();
			for (int attempt = 0; attempt < 5; attempt++) {
				DepositAccountView account = new DepositAccountView(accountNumber(), requirement.tradeCode(),
						requirement.sectionName(), entity.id(), entity.name(), requirement.amount(), now);
				if (deposits.addAccount(account, requirement, bidder.actor().username())) {
					events.publishEvent(new DepositAccountOpened(bidder.actor(), account.accountNumber(),
							account.tradeCode(), entity.id(), account.amountRequired(), requirement.region(), now));
					return account;
				}
				Optional<DepositAccountView> concurrent = deposits.account(requirement.id(), entity.id());
				if (concurrent.isPresent()) {
					return concurrent.get();
				}
			}
			throw new IllegalStateException("No free deposit sub-account number after 5 tries");
		});
	}

	public List<DepositAccountView> myAccounts() {
		Actors.required();
		return platform(() -> registry.myEntity().map(e -> deposits.accountsOf(e.id())).orElse(List.of()));
	}

	public List<ArrivalView> myArrivals() {
		Actors.required();
		return platform(() -> registry.myEntity().map(e -> deposits.arrivalsOf(e.id())).orElse(List.of()));
	}

	/**
	 * The settlement bank's system looks up a sub-account it hosts before it accepts a transfer to it: the trade, the
	 * bidder's name the payer must bear and the amount required. An unknown number is not found.
	 */
	public DepositAccountView accountForBank(String accountNumber) {
		Acting client = Actors.required();
		platform(() -> deposits.bank(client.actor().username()))
			.orElseThrow(() -> Refusal.notFound("guarantee.bank.notLinked"));
		if (accountNumber == null || !ACCOUNT.matcher(accountNumber).matches()) {
			throw Refusal.notFound("guarantee.deposit.accountUnknown");
		}
		return platform(() -> deposits.account(accountNumber))
			.orElseThrow(() -> Refusal.notFound("guarantee.deposit.accountUnknown"));
	}

	/**
	 * The bank's system reports an arrival. The same idempotency key and body get the first answer again; another
	 * body under the key is a conflict, as is a bank reference reported before under another key.
	 */
	public ArrivalView report(String idempotencyKey, ArrivalReport report) {
		Acting client = Actors.required();
		BankView bank = platform(() -> deposits.bank(client.actor().username()))
			.orElseThrow(() -> Refusal.notFound("guarantee.bank.notLinked"));
		if (idempotencyKey == null || !TOKEN.matcher(idempotencyKey).matches()) {
			throw Refusal.invalid("Idempotency-Key", "guarantee.idempotency.keyForm");
		}
		if (report == null || report.accountNumber() == null || !ACCOUNT.matcher(report.accountNumber()).matches()) {
			throw Refusal.invalid("accountNumber", "guarantee.deposit.accountForm");
		}
		Money amount = BidSecurity.amount("amount", report.amount());
		if (amount.compareTo(Money.ZERO) <= 0) {
			throw Refusal.invalid("amount", "guarantee.amount.positive");
		}
		if (report.payerAccount() == null || !ACCOUNT.matcher(report.payerAccount()).matches()) {
			throw Refusal.invalid("payerAccount", "guarantee.deposit.payerAccount");
		}
		if (report.payerName() == null || report.payerName().isBlank() || report.payerName().length() > 100) {
			throw Refusal.invalid("payerName", "guarantee.deposit.payerName");
		}
		if (report.paidAt() == null) {
			throw Refusal.invalid("paidAt", "guarantee.deposit.paidAt");
		}
		if (report.paidAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
			throw Refusal.invalid("paidAt", "guarantee.deposit.paidInFuture", report.paidAt().toString(),
					clock.instant().toString());
		}
		if (report.bankReference() == null || !TOKEN.matcher(report.bankReference()).matches()) {
			throw Refusal.invalid("bankReference", "guarantee.deposit.reference");
		}
		String requestSha256 = Sha256.hex(String.join("\n", report.accountNumber(), amount.toString(),
				report.payerAccount(), report.payerName(), report.paidAt().toString(), report.bankReference())
			.getBytes(StandardCharsets.UTF_8));
		try {
			return platform(() -> record(client, bank, idempotencyKey, requestSha256, amount, report));
		}
		catch (DuplicateKeyException e) {
			// A concurrent report with the same key or reference won the race.
			throw audited(client, report,
					Refusal.conflict("bankReference", "guarantee.deposit.alreadyReported", report.bankReference()));
		}
		catch (Refusal refusal) {
			throw audited(client, report, refusal);
		}
	}

	/** The refusal goes to the audit log in a transaction of its own: the report's was rolled back. */
	private Refusal audited(Acting client, ArrivalReport report, Refusal refusal) {
		platform(() -> {
			events.publishEvent(new DepositReportRefused(client.actor(), report.accountNumber(), report.bankReference(),
					refusal.messageKey(), deposits.region(report.accountNumber()).orElse(catalog.city().code()),
					clock.instant()));
			return null;
		});
		return refusal;
	}

	private ArrivalView record(Acting client, BankView bank, String key, String requestSha256, Money amount,
			ArrivalReport report) {
		Optional<Deposits.Stored> first = deposits.byKey(bank.clientUsername(), key);
		if (first.isPresent()) {
			if (!first.get().requestSha256().equals(requestSha256)) {
				throw Refusal.conflict("Idempotency-Key", "guarantee.idempotency.keyReused");
			}
			return first.get().arrival();
		}
		if (deposits.byReference(bank.clientUsername(), report.bankReference()).isPresent()) {
			throw Refusal.conflict("bankReference", "guarantee.deposit.alreadyReported", report.bankReference());
		}
		Optional<DepositAccountView> account = deposits.account(report.accountNumber());
		// A value date the sub-account cannot have seen is the bank's error, not an arrival: interest would run on it.
		if (account.isPresent() && report.paidAt().isBefore(account.get().openedAt().minus(CLOCK_SKEW))) {
			throw Refusal.invalid("paidAt", "guarantee.deposit.paidBeforeAccount", report.paidAt().toString(),
					account.get().openedAt().toString());
		}
		Optional<Instant> refunded = deposits.firstRefund(report.accountNumber());
		if (refunded.isPresent() && report.paidAt().isAfter(refunded.get())) {
			throw Refusal.invalid("paidAt", "guarantee.deposit.paidAfterRefund", report.paidAt().toString(),
					refunded.get().toString());
		}
		DepositOutcome outcome;
		if (account.isEmpty()) {
			outcome = DepositOutcome.UNKNOWN_ACCOUNT;
		}
		else if (!report.payerName().strip().equals(account.get().bidderName())) {
			outcome = DepositOutcome.WRONG_PAYER;
		}
		else if (!amount.isAtLeast(account.get().amountRequired())) {
			outcome = DepositOutcome.SHORT;
		}
		else {
			outcome = DepositOutcome.MATCHED;
		}
		Instant now = clock.instant();
		ArrivalView arrival = new ArrivalView(UUID.randomUUID(), report.bankReference(), report.accountNumber(),
				account.map(DepositAccountView::tradeCode).orElse(null), account.map(DepositAccountView::bidder).orElse(null),
				amount, report.payerAccount(), report.payerName().strip(), report.paidAt(), outcome, now, false);
		deposits.addArrival(arrival, bank.clientUsername(), key, requestSha256);
		RegionCode region = deposits.region(report.accountNumber()).orElse(catalog.city().code());
		events.publishEvent(new DepositArrived(client.actor(), arrival.id(), arrival.accountNumber(), arrival.bankReference(),
				amount, outcome, region, now));
		return arrival;
	}

	private <T> T platform(Supplier<T> work) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(status -> work.get()));
	}

	/** 20 digits, the first not zero. */
	private static String accountNumber() {
		StringBuilder number = new StringBuilder().append(1 + RANDOM.nextInt(9));
		for (int i = 1; i < 20; i++) {
			number.append(RANDOM.nextInt(10));
		}
		return number.toString();
	}
}
