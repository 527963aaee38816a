package org.yiwang.analytics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.system.RegionScopes;

/**
 * Recomputes every rollup from the facts, month by month, logging the share done after each month. The rollups are
 * emptied first; a month is added in its own transaction, so a rebuild of years of facts holds no long transaction
 * (and one stopped half-way is simply run again).
 */
@Component
public class RollupRebuild {

	private static final Logger log = LoggerFactory.getLogger(RollupRebuild.class);

	private final Rollups rollups;

	private final TransactionTemplate transactions;

	RollupRebuild(Rollups rollups, TransactionTemplate transactions) {
		this.rollups = rollups;
		this.transactions = transactions;
	}

	/** Rebuilds all rollups as the platform; returns how long it took. */
	public Duration rebuild() {
		long start = System.nanoTime();
		RegionScopes.runAsPlatform(() -> {
			List<LocalDate> months = transactions.execute(status -> {
				rollups.clear();
				return rollups.months();
			});
			log.info("Analytics rollups: rebuilding {} months of facts", months.size());
			for (int i = 0; i < months.size(); i++) {
				LocalDate month = months.get(i);
				transactions.executeWithoutResult(status -> rollups.addMonth(month));
				log.info("Analytics rollups: {} done, {} of {} months ({}%)", month.toString().substring(0, 7), i + 1,
						months.size(), (i + 1) * 100 / months.size());
			}
		});
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		log.info("Analytics rollups rebuilt in {} s", took.toMillis() / 1000.0);
		return took;
	}
}
