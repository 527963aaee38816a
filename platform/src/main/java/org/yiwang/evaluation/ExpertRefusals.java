package org.yiwang.evaluation;

import java.time.Clock;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.evaluation.ExpertChanged.ChangeRefused;
import org.yiwang.kernel.RegionCode;
import org.yiwang.system.Actors;
import org.yiwang.system.Deployment;
import org.yiwang.system.RegionScopes;
import org.yiwang.system.Refusal;

/**
 * Runs a state change in its own transaction; a refusal (other than not found) is appended to the audit log in a
 * transaction of its own, after the refused one rolled back, so nothing of the change is kept but the refusal.
 */
@Component
class ExpertRefusals {

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Deployment deployment;

	private final Clock clock;

	ExpertRefusals(TransactionTemplate transactions, ApplicationEventPublisher events, Deployment deployment,
			Clock clock) {
		this.transactions = transactions;
		this.events = events;
		this.deployment = deployment;
		this.clock = clock;
	}

	<T> T audited(String attempted, String target, Supplier<T> change) {
		return auditedAround(attempted, target, () -> transactions.execute(status -> change.get()));
	}

	/** The same for work that opens its own transactions. */
	<T> T auditedAround(String attempted, String target, Supplier<T> work) {
		try {
			return work.get();
		}
		catch (Refusal refusal) {
			if (refusal.status() != HttpStatus.NOT_FOUND) {
				RegionCode city = deployment.cityCode();
				RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(status -> events.publishEvent(
						new ChangeRefused(Actors.actor(), attempted, target, refusal.messageKey(), city, clock.instant()))));
			}
			throw refusal;
		}
	}
}
