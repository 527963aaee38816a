package org.yiwang.auction;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.yiwang.auction.Auctioneer.Pending;
import org.yiwang.auction.Auctioneer.Replay;
import org.yiwang.kernel.Money;

/**
 * One auction on this node ({@link Auctioneer}): its state, its queue and what the live pages need; its batches are
 * decided and committed by the {@link LaneWriter}.
 */
final class Lane {

	private final Clock clock;

	final UUID listing;

	final Auctions.Row row;

	final String title;

	final AuctionEngine engine;

	final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

	final AtomicBoolean draining = new AtomicBoolean();

	/** The writer parked until a batch in flight commits or a command comes (overlapped commits), else null. */
	volatile Thread waiting;

	/** The stamp of the last bid the writer took (read and written by the one writer draining the lane). */
	Instant lastStamp = Instant.MIN;

	final Map<String, Replay> keys = new HashMap<>();

	private final List<BidView> history = new ArrayList<>();

	private final Map<String, BidView> best = new HashMap<>();

	volatile AuctionView latest;

	/** Dutch: the step of the price schedule the live pages were last told of. */
	volatile long shownStep = -1;

	Lane(Auctions.Row row, String title, List<Auctions.Bid> bids, Clock clock) {
		this(row, title, bids, List.of(), clock);
	}

	/** @param sealed a running sealed round's prices, opened (the writer needs them for replays only) */
	Lane(Auctions.Row row, String title, List<Auctions.Bid> bids, List<SealedPrices.Opened> sealed, Clock clock) {
		this.clock = clock;
		this.listing = row.listing();
		this.row = row;
		this.title = title;
		this.engine = row.engine(sealed.stream().map(o -> o.price().bidderNumber()).toList());
		for (Auctions.Bid b : bids) {
			record(b.view());
			// A Dutch acceptance carries no amount: its retry matches on the key alone.
			keys.put(b.transferee() + "|" + b.idempotencyKey(), new Replay(engine instanceof DutchAuction ? null : b.amount(),
					new BidReceipt(listing, b.seq(), b.bidderNumber(), b.amount(), b.placedAt(), b.endsAtAfter(), true)));
		}
		for (SealedPrices.Opened o : sealed) {
			Auctions.SealedPrice p = o.price();
			keys.put(p.transferee() + "|" + p.idempotencyKey(), new Replay(o.amount(), new BidReceipt(listing, p.seq(),
					p.bidderNumber(), o.amount(), p.submittedAt(), row.endsAt(), true, p.commitment(), o.salt())));
		}
		latest = view(null, null);
	}

	/** Forgets the bids it shows (a sealed round's, disclosed at the close, are read back as bids). */
	void forgetBids() {
		history.clear();
		best.clear();
	}

	void record(BidView bid) {
		history.add(bid);
		best.merge(bid.bidderNumber(), bid, (a, b) -> b.amount().compareTo(a.amount()) > 0 ? b : a);
	}

	/** The latest state; a running Dutch auction's price is the one at this instant. */
	AuctionView latest() {
		AuctionView v = latest;
		if (engine instanceof DutchAuction && v.status() == AuctionStatus.RUNNING && v.leaderNumber() == null) {
			return view(null, null);
		}
		return v;
	}

	AuctionView view(String winnerName, Instant closedAt) {
		Instant now = clock.instant();
		AuctionStatus status = !engine.closed() ? AuctionStatus.RUNNING
				: engine.sold() ? AuctionStatus.SOLD : AuctionStatus.FAILED;
		if (engine instanceof SealedRound && !engine.closed()) {
			// Nothing about the prices, not even how many there are, until the close.
			return new AuctionView(listing, row.tradeCode(), title, status, engine.startsAt(), engine.timedFrom(),
					engine.endsAt(), (int) engine.countdown().toSeconds(), engine.startingPrice(), engine.increment(),
					null, engine.startingPrice(), null, 0, List.of(), List.of(), false, null, null, now,
					engine.kind(), null);
		}
		List<BidView> recent = new ArrayList<>(history.subList(Math.max(0, history.size() - Auctioneer.HISTORY), history.size()));
		java.util.Collections.reverse(recent);
		List<BidView> ranking = best.values().stream()
			.sorted(Comparator.comparing(BidView::amount).reversed().thenComparing(BidView::seq)).toList();
		Money price = engine.price();
		Instant nextStep = null;
		Instant endsAt = engine.endsAt();
		if (engine instanceof DutchAuction dutch && !engine.closed() && engine.leader() == null) {
			price = dutch.rules().priceAt(now);
			nextStep = dutch.rules().nextStepAt(now);
			// When the descending price would end tells where it stops: the floor, which is the confidential
			// reserve (start less the steps before the end, to one decrement). Shown at the close, with the record.
			endsAt = null;
		}
		return new AuctionView(listing, row.tradeCode(), title, status, engine.startsAt(), engine.timedFrom(),
				endsAt, (int) engine.countdown().toSeconds(), engine.startingPrice(), engine.increment(),
				price, engine.closed() ? null : engine.minimumBid(now), engine.leader(), engine.lastSeq(),
				List.copyOf(recent), ranking, engine.price() != null && engine.price().isAtLeast(engine.reserve()),
				winnerName, closedAt, now, engine.kind(), nextStep);
	}
}
