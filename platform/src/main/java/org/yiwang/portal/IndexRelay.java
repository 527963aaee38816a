package org.yiwang.portal;

import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.system.ClusterFeed;
import org.yiwang.system.ClusterNotified;
import org.yiwang.system.RegionScopes;

/**
 * The search index on every node (docs/cluster.md): a record reaches the portal on one node (the event publication
 * registry delivers each event once in the cluster), which indexes it and tells the other nodes its id by PostgreSQL
 * NOTIFY; each of them reads the committed record and indexes it too. A node that missed notices (it was down) finds
 * its index's count off at start and rebuilds it ({@link IndexRebuild}).
 */
@Component
class IndexRelay {

	static final String TOPIC = "portal-record";

	private final ClusterFeed feed;

	private final PublishedRecords records;

	private final SearchIndex index;

	private final TransactionTemplate transactions;

	IndexRelay(ClusterFeed feed, PublishedRecords records, SearchIndex index, TransactionTemplate transactions) {
		this.feed = feed;
		this.records = records;
		this.index = index;
		this.transactions = transactions;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void published(RecordPublished published) {
		feed.tell(TOPIC, published.id().toString());
	}

	@EventListener
	void relayed(ClusterNotified notice) {
		if (!TOPIC.equals(notice.topic())) {
			return;
		}
		UUID id = UUID.fromString(notice.key());
		RegionScopes.callAsPlatform(() -> transactions.execute(s -> records.find(id)))
			.ifPresent(record -> index.index(List.of(record), true));
	}
}
