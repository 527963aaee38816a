package org.yiwang.auction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.auction.AuctionChanged.AuctionResumed;
import org.yiwang.auction.AuctionChanged.RefusedBid;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.Money;
import org.yiwang.kernel.RegionScope;
import org.yiwang.pki.SealedValues;
import org.yiwang.catalog.AuctionKind;
import org.yiwang.auction.AuctionChanged.SealedRoundDisclosed;
import org.yiwang.auction.AuctionChanged.SealedSubmission;
import org.yiwang.registry.EntityId;
import org.yiwang.system.RegionScopes;

/**
 * Runs the live auctions of this node. Each auction has one lane: bids are stamped with the server's clock and queued
 * without a lock (one taken by hundreds of request threads on a few cores became a convoy: JFR recorded waits of
 * 280 ms on average for it on a busy machine). A thread paused between reading the clock and queueing would leave its
 * bid behind a later stamp, so the writer gives each bid the later of its stamp and the bid's before it: times never
 * run backwards in the queue's order, the one total order. One writer at a time drains a lane, decides each bid
 * against the auction's state in memory, and commits the whole batch (bids, new state, audit entries) in one
 * transaction before any of them is acknowledged (group commit). A failed commit puts the state back and fails the
 * batch: nothing is acknowledged that is not durable (the {@link LaneWriter} does this, one batch at a time or, when
 * configured, with two batches' commits overlapped in order). A sweeper closes auctions whose countdown ran out, through the
 * same lane; a heartbeat lets a restart measure the outage and extend the running auctions by it.
 * <p>
 * Across several nodes on one database one node runs the clock: the holder of the {@link ClockLease}, renewed every
 * second. The others hold no lane (a bid reaching them is refused as served elsewhere, and the reverse proxy passes it
 * on); when the holder dies its lease expires, the next node to renew takes it over, resumes the running auctions and
 * extends them by the outage since the dead holder's last heartbeat, exactly as a restart does. The holder also picks
 * up every second the auctions another node opened.
 */
@Component
class Auctioneer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Auctioneer.class);

	/** The most bids one transaction carries. */
	static final int BATCH = 256;

	/** Writer threads (each lane is drained by one at a time), each with a connection of its own. */
	static final int WRITERS = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);

	/** How many of the latest bids a live view carries (the ranking carries every bidder). */
	static final int HISTORY = 50;

	/** A command to a lane, stamped with the instant it entered the platform. */
	sealed interface Command {

		Instant at();
	}

	record PlaceBid(Actor actor, EntityId transferee, String bidderNumber, Money amount, String key, Instant at)
			implements Command {

		/** The bid, stamped no earlier than {@code previous} (the stamp of the bid queued before it). */
		PlaceBid notBefore(Instant previous) {
			return at.isBefore(previous) ? new PlaceBid(actor, transferee, bidderNumber, amount, key, previous) : this;
		}
	}

	record Close(Instant at) implements Command {
	}

	/** A bid's outcome: the receipt, or why it was refused. */
	record Outcome(BidReceipt receipt, BidRefusal refusal) {
	}

	record Pending(Command command, Ticket result, long arrived) {

		Pending(Command command, Ticket result) {
			this(command, result, System.nanoTime());
		}
	}

	/** A command's answer to come; when it was handed over, so the request thread can time its wake-up. */
	static final class Ticket extends CompletableFuture<Outcome> {

		volatile long answeredAt;

		boolean answer(Outcome outcome) {
			answeredAt = System.nanoTime();
			return complete(outcome);
		}
	}

	/** Where the writer's time goes, for the load bench. */
	final WriterTimings timings = new WriterTimings();

	/** What one idempotency key got the first time. */
	record Replay(Money amount, BidReceipt receipt) {
	}

	private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();

	private final Auctions auctions;

	private final Listings listings;

	private final AuctionClosing closing;

	private final TransactionTemplate transactions;

	private final WriterConnections connections;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SealedValues sealedValues;

	private final ExecutorService writers;

	/** Decides and commits each lane's batches. */
	final LaneWriter writer;

	private ScheduledExecutorService ticker;

	private volatile boolean running;

	private final ClockLease lease;

	/** Whether this node holds the clock's lease (and so the lanes). */
	private volatile boolean owner;

	/** Auctions this node closed: the pick-up of auctions opened elsewhere must not bring them back. */
	private final java.util.Set<UUID> closed = ConcurrentHashMap.newKeySet();

	Auctioneer(Auctions auctions, Listings listings, AuctionClosing closing, TransactionTemplate transactions,
			WriterConnections connections, ApplicationEventPublisher events, Clock clock, SealedValues sealedValues,
			ClockLease lease) {
		this.lease = lease;
		this.sealedValues = sealedValues;
		this.auctions = auctions;
		this.listings = listings;
		this.closing = closing;
		this.transactions = transactions;
		this.connections = connections;
		this.events = events;
		this.clock = clock;
		this.writer = new LaneWriter(this, auctions, transactions, connections, events, clock, sealedValues, timings);
		AtomicInteger n = new AtomicInteger();
		this.writers = Executors.newFixedThreadPool(WRITERS, r -> {
			Thread t = new Thread(r, "auction-writer-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	// --- lifecycle: resume after a restart, then sweep and beat --------------------------------------------------

	@Override
	public void start() {
		owner = holdLease();
		if (owner) {
			RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(status -> resumeAll()));
		}
		else {
			log.info("The auction clock runs on node {}; this node ({}) takes it over if that one stops renewing its lease",
					lease.holder().map(ClockLease.Holder::node).orElse("?"), lease.node());
		}
		ticker = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "auction-ticker");
			t.setDaemon(true);
			return t;
		});
		ticker.scheduleWithFixedDelay(this::sweep, 100, 100, TimeUnit.MILLISECONDS);
		ticker.scheduleWithFixedDelay(this::keepClock, 0, 1, TimeUnit.SECONDS);
		running = true;
	}

	private boolean holdLease() {
		try {
			return lease.hold();
		}
		catch (RuntimeException e) {
			log.warn("Auction clock lease could not be renewed: {}", e.toString());
			return owner;
		}
	}

	/**
	 * Every second: renew the lease (or take it over once it expired), then beat. A node that took the clock over
	 * resumes the running auctions, extended by the outage; one that lost it (it could not renew in time and another
	 * node took it) drops its lanes and decides nothing more.
	 */
	void keepClock() {
		boolean holds = holdLease();
		if (holds && !owner) {
			try {
				RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(status -> resumeAll()));
			}
			catch (RuntimeException e) {
				log.warn("Auction clock takeover failed, tried again in a second: {}", e.toString());
				return;
			}
			owner = true;
			log.warn("Node {} took the auction clock over: {} auctions running", lease.node(), lanes.size());
		}
		else if (!holds && owner) {
			owner = false;
			lanes.clear();
			log.warn("Node {} lost the auction clock's lease to node {}: it runs no auction now", lease.node(),
					lease.holder().map(ClockLease.Holder::node).orElse("?"));
		}
		if (owner) {
			pickUp();
			beat();
		}
	}

	/** The holder opens the auctions another node opened (that node holds no lane for them). */
	private void pickUp() {
		try {
			RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(status -> {
				for (Auctions.Row row : auctions.running()) {
					if (!lanes.containsKey(row.listing()) && !closed.contains(row.listing())) {
						open(row);
					}
				}
			}));
		}
		catch (RuntimeException e) {
			log.warn("Auction pick-up failed: {}", e.toString());
		}
	}

	/**
	 * Takes a running auction's lane off this node's floor until {@link #bringBack}: the state a start or a takeover
	 * leaves an auction in until its lane is loaded, in which a bid is answered 503 "resuming" (for the test of that
	 * answer; nothing else calls it). The lane must hold no queued bid.
	 */
	void setAside(UUID listing) {
		closed.add(listing); // the pick-up skips it
		lanes.remove(listing);
	}

	/** The next pick-up (within a second, on the clock's node) loads the auction set aside again from the database. */
	void bringBack(UUID listing) {
		closed.remove(listing);
	}

	/** Whether this node runs the auctions' clock (else the bids go to the node that does). */
	boolean ownsClock() {
		return owner;
	}

	/**
	 * Stops sweeping and beating (the test framework also pauses idle contexts this way); the writers finish what
	 * they hold and stay for a restart. The next start resumes the running auctions, extended by the pause.
	 */
	@Override
	public void stop() {
		running = false;
		if (ticker != null) {
			ticker.shutdownNow();
			try {
				// A sweep or renewal in progress ends first: else it could beat or renew the lease after the release
				// below, and the clock would look alive (or held) after this node stopped.
				ticker.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		if (owner) {
			owner = false;
			// A node that does not hold the clock holds no lane; the next start resumes them from the database.
			lanes.clear();
			try {
				lease.release();
			}
			catch (RuntimeException e) {
				// It expires on its own.
			}
		}
	}

	/** Overlapped commits for English auctions ({@link LaneWriter}); off unless configured. */
	@org.springframework.beans.factory.annotation.Autowired
	void overlapCommits(@org.springframework.beans.factory.annotation.Value("${yiwang.auction.overlap-commits:false}") boolean on) {
		writer.overlap = on;
	}

	@jakarta.annotation.PreDestroy
	void shutDown() {
		stop();
		writer.shutDown();
		writers.shutdown();
		try {
			writers.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		// After the web server and the database pool start, before they stop.
		return Integer.MAX_VALUE - 1000;
	}

	/**
	 * Loads every running auction. One that was running when the platform stopped (its end after the last heartbeat)
	 * gets its end, and a start or timed period not yet reached, moved by the outage: the rule is that no bidder loses
	 * bidding time to the platform's absence. The extension is recorded and audited.
	 */
	private void resumeAll() {
		Instant now = clock.instant();
		Optional<Instant> lastAlive = auctions.lastAlive();
		for (Auctions.Row row : auctions.running()) {
			Auctions.Row resumed = row;
			// The platform was alive at its last heartbeat and when it took the auction's latest bid, whichever is later:
			// bids taken since the last beat tell that the auction had started (its start must not move) and shorten
			// the outage.
			Optional<Instant> aliveAt = lastAlive
				.map(beat -> auctions.lastActivity(row.listing()).filter(bid -> bid.isAfter(beat)).orElse(beat));
			if (aliveAt.isPresent() && row.endsAt().isAfter(aliveAt.get()) && now.isAfter(aliveAt.get())) {
				Instant alive = aliveAt.get();
				Duration outage = Duration.between(alive, now);
				Instant startsAt = row.startsAt().isAfter(alive) ? row.startsAt().plus(outage) : row.startsAt();
				// A Dutch auction's price schedule moves whole: it resumes at the price it stood at when the platform stopped.
				Instant timedFrom = row.kind() == AuctionKind.DUTCH || row.timedFrom().isAfter(alive)
						? row.timedFrom().plus(outage) : row.timedFrom();
				Instant endsAt = row.endsAt().plus(outage);
				auctions.extend(row.listing(), row.region(), alive, now, row, startsAt, timedFrom, endsAt);
				events.publishEvent(new AuctionResumed(Actor.SYSTEM, row.listing(), alive, now, row.endsAt(), endsAt,
						row.region(), now));
				log.warn("Auction {} resumed after an outage of {}: its end moved from {} to {}", row.listing(), outage,
						row.endsAt(), endsAt);
				resumed = auctions.byId(row.listing()).orElseThrow();
			}
			open(resumed);
		}
		auctions.beat(now);
	}

	/** Puts an auction on this node's floor (called in a transaction that can read it). */
	Lane open(Auctions.Row row) {
		String title = listings.byId(row.listing()).map(ListingView::title).orElse(row.tradeCode().value());
		List<SealedPrices.Opened> sealed = row.kind() == AuctionKind.SEALED
				? SealedPrices.opened(sealedValues, auctions.sealedPrices(row.listing())) : List.of();
		Lane lane = new Lane(row, title, auctions.bids(row.listing()), sealed, clock);
		lanes.put(row.listing(), lane);
		return lane;
	}

	/** Puts a newly opened auction (no bids yet) on the floor, after the transaction that opened it committed. */
	void place(Auctions.Row row, String title) {
		if (!owner) {
			// The clock's holder picks it up within a second.
			return;
		}
		lanes.put(row.listing(), new Lane(row, title, List.of(), clock));
	}

	/** A lane rebuilt from the record of a closed auction, for its final view; not on the floor. */
	Lane detached(Auctions.Row row, String title, List<Auctions.Bid> bids) {
		return new Lane(row, title, bids, clock);
	}

	Optional<Lane> lane(UUID listing) {
		return Optional.ofNullable(lanes.get(listing));
	}

	int liveCount() {
		return lanes.size();
	}

	private void beat() {
		try {
			transactions.executeWithoutResult(status -> auctions.beat(clock.instant()));
		}
		catch (RuntimeException e) {
			log.warn("Auction heartbeat failed: {}", e.toString());
		}
	}

	private void sweep() {
		try {
			Instant now = clock.instant();
			for (Lane lane : lanes.values()) {
				if (lane.engine.isDue(now) && lane.queue.isEmpty()) {
					submit(lane, at -> new Close(at));
				}
				else if (lane.engine instanceof DutchAuction dutch && lane.engine.leader() == null) {
					long step = dutch.rules().stepAt(now);
					if (step != lane.shownStep) {
						// The price stepped down: every live page learns it from the server's clock.
						lane.shownStep = step;
						events.publishEvent(new LiveAuctionUpdated(lane.view(null, null)));
					}
				}
			}
		}
		catch (RuntimeException e) {
			log.warn("Auction sweep failed: {}", e.toString());
		}
	}

	// --- the lane: stamp, queue, drain ----------------------------------------------------------------------------

	Ticket bid(Lane lane, Actor actor, EntityId transferee, String bidderNumber, Money amount,
			String key) {
		return submit(lane, at -> new PlaceBid(actor, transferee, bidderNumber, amount, key, at));
	}

	/**
	 * Closes the auction as of {@code at} if its countdown has run out by then. For tests that let time pass; the
	 * sweeper does it with the clock.
	 */
	CompletableFuture<Outcome> closeAsOf(Lane lane, Instant at) {
		Ticket result = new Ticket();
		lane.queue.add(new Pending(new Close(at), result));
		schedule(lane);
		return result;
	}

	private Ticket submit(Lane lane, java.util.function.Function<Instant, Command> command) {
		Ticket result = new Ticket();
		// The queue's order is the one total order; the writer keeps the stamps in that order (PlaceBid.notBefore).
		lane.queue.add(new Pending(command.apply(clock.instant()), result));
		schedule(lane);
		return result;
	}

	private void schedule(Lane lane) {
		if (lane.draining.compareAndSet(false, true)) {
			writers.execute(() -> writer.drain(lane));
		}
		else {
			Thread parked = lane.waiting;
			if (parked != null) {
				LockSupport.unpark(parked);
			}
		}
	}

	void close(Lane lane, Instant closeAt) {
		AuctionEngine.Snapshot before = lane.engine.snapshot();
		lane.engine.close();
		AuctionClosing.Result result;
		closed.add(lane.listing);
		try {
			result = RegionScopes.callIn(RegionScope.of(lane.row.region()), () -> connections
				.call(() -> transactions.execute(status -> {
					List<String> disclosures = lane.engine instanceof SealedRound round ? disclose(lane, round)
							: List.of();
					return closing.close(lane.listing, lane.engine, closeAt, disclosures);
				})));
		}
		catch (RuntimeException e) {
			lane.engine.restore(before);
			closed.remove(lane.listing);
			log.error("Auction {} could not close; the sweeper tries again", lane.listing, e);
			return;
		}
		lanes.remove(lane.listing);
		if (lane.engine instanceof SealedRound) {
			// The disclosed prices are bids now, for the final view.
			lane.forgetBids();
			RegionScopes.runIn(RegionScope.of(lane.row.region()),
					() -> transactions.executeWithoutResult(s -> auctions.bids(lane.listing).forEach(b -> lane.record(b.view()))));
		}
		lane.latest = lane.view(result.winnerName(), closeAt);
		events.publishEvent(new LiveAuctionUpdated(lane.latest));
		closing.afterClose(result);
	}

	/**
	 * In the closing transaction of a sealed round: opens its prices, records them as its bids (in the order of
	 * submission) and lets the round find the winner; returns the record's lines that let anyone check each receipt's
	 * commitment ({@code sealed=seq,number,commitment,salt}).
	 */
	private List<String> disclose(Lane lane, SealedRound round) {
		auctions.lockForClose(lane.listing);
		List<SealedPrices.Opened> opened = SealedPrices.opened(sealedValues, auctions.sealedPrices(lane.listing));
		List<SealedSubmission> submissions = new ArrayList<>();
		List<Auctions.Bid> bids = new ArrayList<>();
		List<SealedRound.Disclosed> disclosed = new ArrayList<>();
		List<String> lines = new ArrayList<>();
		for (SealedPrices.Opened o : opened) {
			Auctions.SealedPrice p = o.price();
			bids.add(new Auctions.Bid(lane.listing, p.seq(), p.region(), p.bidderNumber(), p.transferee(), o.amount(),
					p.submittedAt(), round.endsAt(), p.idempotencyKey()));
			disclosed.add(new SealedRound.Disclosed(p.seq(), p.bidderNumber(), o.amount(), p.submittedAt()));
			lines.add("sealed=" + p.seq() + "," + p.bidderNumber() + "," + p.commitment() + "," + o.salt());
			submissions.add(new SealedSubmission(p.seq(), p.submittedBy() == null ? "" : p.submittedBy(), p.bidderNumber(),
					p.transferee(), o.amount(), p.commitment(), o.salt(), p.submittedAt()));
		}
		round.disclose(disclosed);
		auctions.commitBids(bids, round.snapshot(), lane.listing);
		List<RefusedBid> refused = auctions.sealedRefusals(lane.listing).stream()
			.map(r -> new RefusedBid(r.bidder(), "", r.reason(), r.at())).toList();
		events.publishEvent(new SealedRoundDisclosed(Actor.SYSTEM, lane.listing, submissions, refused, lane.row.region(),
				clock.instant()));
		return lines;
	}
}
