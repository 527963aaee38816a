package org.yiwang.account;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.account.AccountChanged.AccountEnabledChanged;
import org.yiwang.kernel.Actor;
import org.yiwang.system.RegionScopes;

/**
 * What {@code yiwang.demo=false} does to accounts at start: every demo account left over from a demo run is disabled,
 * with its tokens useless. This stays in the account module because the demo module is off then.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty(name = "yiwang.demo", havingValue = false)
class DemoAccountsOff implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAccountsOff.class);

	private final Accounts accounts;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DemoAccountsOff(Accounts accounts, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(status -> disableAll()));
	}

	private void disableAll() {
		Instant now = clock.instant();
		for (Account account : accounts.demoAccounts()) {
			if (account.enabled()) {
				account.setEnabled(false, now);
				accounts.update(account);
				events.publishEvent(new AccountEnabledChanged(Actor.SYSTEM, account.id(), false, account.region(), now));
				log.info("Disabled demo account {} (yiwang.demo=false)", account.username());
			}
		}
	}
}
