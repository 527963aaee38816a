package org.yiwang.portal;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.system.RegionScopes;

/**
 * Rebuilds the search index from the database, a batch at a time, with progress others can watch. At start, an
 * index that holds fewer or more records than the database (lost, damaged, from another database) is rebuilt.
 * Records published meanwhile are indexed by the listener as usual (re-adding one is harmless); while it runs,
 * searches may see a partial index.
 */
@Component
class IndexRebuild {

	private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);

	private static final int BATCH = 1000;

	private final PublishedRecords records;

	private final SearchIndex index;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(RebuildProgress.NEVER);

	IndexRebuild(PublishedRecords records, SearchIndex index, TransactionTemplate transactions, Clock clock) {
		this.records = records;
		this.index = index;
		this.transactions = transactions;
		this.clock = clock;
	}

	RebuildProgress progress() {
		return progress.get();
	}

	/** Starts a rebuild in the background; false when one is already running. */
	boolean start() {
		RebuildProgress current = progress.get();
		if (current.running()) {
			return false;
		}
		RebuildProgress starting = new RebuildProgress(true, 0, 0, clock.instant(), null, null);
		if (!progress.compareAndSet(current, starting)) {
			return false;
		}
		Thread worker = new Thread(this::run, "portal-index-rebuild");
		worker.setDaemon(true);
		worker.start();
		return true;
	}

	private void run() {
		RebuildProgress started = progress.get();
		try {
			long total = RegionScopes.callAsPlatform(() -> transactions.execute(s -> records.count()));
			progress.set(new RebuildProgress(true, 0, total, started.startedAt(), null, null));
			index.deleteAll();
			long[] done = { 0 };
			RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> records.forEachBatch(BATCH, batch -> {
				index.index(batch, false);
				done[0] += batch.size();
				progress.set(new RebuildProgress(true, done[0], Math.max(total, done[0]), started.startedAt(), null, null));
			})));
			index.commit();
			progress.set(new RebuildProgress(false, done[0], Math.max(total, done[0]), started.startedAt(), clock.instant(),
					null));
			log.info("Portal index rebuilt: {} records", done[0]);
		}
		catch (RuntimeException e) {
			log.error("Portal index rebuild failed", e);
			RebuildProgress last = progress.get();
			progress.set(new RebuildProgress(false, last.done(), last.total(), started.startedAt(), clock.instant(),
					String.valueOf(e.getMessage())));
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void reconcileAtStart() {
		long held = RegionScopes.callAsPlatform(() -> transactions.execute(s -> records.count()));
		long indexed = index.size();
		if (held != indexed) {
			log.info("Portal index holds {} records, the database {}: rebuilding", indexed, held);
			start();
		}
	}
}
