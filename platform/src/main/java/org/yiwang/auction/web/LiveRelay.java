package org.yiwang.auction.web;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yiwang.auction.AuctionHall;
import org.yiwang.auction.AuctionView;
import org.yiwang.auction.LiveAuctionUpdated;
import org.yiwang.system.ClusterFeed;
import org.yiwang.system.ClusterNotified;

/**
 * Live auctions on every node (docs/cluster.md): the node that runs an auction's clock tells the others, by PostgreSQL
 * NOTIFY, that the auction changed (its id only); a node with watchers of that auction reads its state from the
 * database and hands it to its own {@link LiveFeed}, so a watcher on any node sees every decided bid. A state arrives
 * here only from this node's auctioneer (relayed states go to the feed directly), so nothing is relayed twice.
 */
@Component
class LiveRelay {

	static final String TOPIC = "auction";

	private final ClusterFeed feed;

	private final LiveFeed live;

	private final AuctionHall hall;

	LiveRelay(ClusterFeed feed, LiveFeed live, AuctionHall hall) {
		this.feed = feed;
		this.live = live;
		this.hall = hall;
	}

	@EventListener
	void decided(LiveAuctionUpdated update) {
		feed.tell(TOPIC, update.view().listing().toString());
	}

	@EventListener
	void relayed(ClusterNotified notice) {
		if (!TOPIC.equals(notice.topic())) {
			return;
		}
		UUID listing = UUID.fromString(notice.key());
		if (live.watching(listing) == 0) {
			return;
		}
		AuctionView view = hall.auction(listing);
		live.on(new LiveAuctionUpdated(view));
	}
}
