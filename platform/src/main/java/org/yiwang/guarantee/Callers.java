package org.yiwang.guarantee;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.Catalog;
import org.yiwang.kernel.Acting;
import org.yiwang.kernel.RegionCode;
import org.yiwang.kernel.Role;
import org.yiwang.system.Actors;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * Who calls the release and claim APIs (the issuer or bank a machine account acts for) and the audit of a refused
 * call, written in a transaction of its own because the refused one rolls back.
 */
@Component
class Callers {

	/** Idempotency keys and bank references: 1 to 100 visible ASCII characters. */
	static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{1,100}");

	/** Bank and issuer clocks drift; a time a few minutes "ahead" is not in the future. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private final Issuers issuers;

	private final Deposits deposits;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final TransactionTemplate separate;

	private final Clock clock;

	Callers(Issuers issuers, Deposits deposits, Catalog catalog, ApplicationEventPublisher events,
			PlatformTransactionManager manager, Clock clock) {
		this.issuers = issuers;
		this.deposits = deposits;
		this.catalog = catalog;
		this.events = events;
		this.transactions = new TransactionTemplate(manager);
		this.separate = new TransactionTemplate(manager);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** The issuer the signed-in machine account acts for. */
	IssuerView issuer() {
		Acting client = Actors.required();
		if (!client.hasRole(Role.GUARANTEE_ISSUER)) {
			throw Refusal.forbidden("guarantee.issuerOnly");
		}
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> issuers.byClient(client.actor().username())))
			.orElseThrow(() -> Refusal.notFound("guarantee.issuer.notLinked"));
	}

	/** The settlement bank the signed-in machine account acts for. */
	BankView bank() {
		Acting client = Actors.required();
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> deposits.bank(client.actor().username())))
			.orElseThrow(() -> Refusal.notFound("guarantee.bank.notLinked"));
	}

	/**
	 * Audits the refusal (in the acting staff's one district, else the city) and returns it to be thrown. The event
	 * is made from the region and the time.
	 */
	Refusal audited(Refusal refusal, BiFunction<RegionCode, Instant, GuaranteeChanged> event) {
		Acting acting = Actors.current().orElse(null);
		RegionCode region = acting != null && !acting.regionScope().all() && acting.regionScope().regions().size() == 1
				? acting.regionScope().regions().iterator().next()
				: catalog.city().code();
		RegionScopes.runAsPlatform(() -> separate
			.executeWithoutResult(status -> events.publishEvent(event.apply(region, clock.instant()))));
		return refusal;
	}
}
