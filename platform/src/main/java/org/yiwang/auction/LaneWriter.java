package org.yiwang.auction;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.auction.AuctionChanged.AcceptedBid;
import org.yiwang.auction.AuctionChanged.BidsCommitted;
import org.yiwang.auction.AuctionChanged.RefusedBid;
import org.yiwang.auction.Auctioneer.Close;
import org.yiwang.auction.Auctioneer.Outcome;
import org.yiwang.auction.Auctioneer.Pending;
import org.yiwang.auction.Auctioneer.PlaceBid;
import org.yiwang.auction.Auctioneer.Replay;
import org.yiwang.auction.WriterTimings.Stage;
import org.yiwang.kernel.Actor;
import org.yiwang.kernel.RegionScope;
import org.yiwang.pki.SealedValues;
import org.yiwang.system.RegionScopes;

/**
 * A lane's writer (the batch half of {@link Auctioneer}): takes the commands queued on a lane, decides each against the
 * auction's state in memory, writes the batch (bids, state, one audit entry) in one transaction and answers its bids
 * only after that transaction committed (group commit). A failed commit puts the state back and fails the batch.
 * <p>
 * <b>Overlapped commits</b> ({@code yiwang.auction.overlap-commits}, off by default): an English auction's batch n+1 is
 * decided in memory, and its statements sent on a second writer connection, while batch n's commit is in flight. Its
 * transaction sends its statements only once n's are done (the auction's row lock then orders the two in
 * PostgreSQL), and its COMMIT only once n's commit has returned: PostgreSQL's commit order is the decision order, and
 * no batch is durable unless every batch decided before it is. Each bid is answered after its own batch committed. If
 * n's commit fails, n+1 rolls back without committing (it waits for n, sees n failed and throws), both batches' bids
 * get the retryable "not committed" error (their idempotency keys make the retry safe), and the state goes back to the
 * last committed one (the snapshot before n). At most two batches are in flight per auction. A batch carrying a
 * close, and every batch of a Dutch auction or sealed round, waits for the ones in flight and goes alone.
 */
final class LaneWriter {

	private static final Logger log = LoggerFactory.getLogger(LaneWriter.class);

	/** The most batches of one auction in flight when commits overlap: one committing, the next waiting for it. */
	static final int IN_FLIGHT = 2;

	private final Auctioneer auctioneer;

	private final Auctions auctions;

	private final TransactionTemplate transactions;

	private final WriterConnections connections;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SealedValues sealedValues;

	private final WriterTimings timings;

	/** The overlapped batches' transactions, each on a thread of its own (a lane's writer decides meanwhile). */
	private final ExecutorService committers;

	/** Whether an English auction's batches commit overlapped (two in flight, in order). */
	volatile boolean overlap;

	/** How many batches were sent while the one before was still in flight. */
	final java.util.concurrent.atomic.AtomicLong overlapped = new java.util.concurrent.atomic.AtomicLong();

	/** For tests: runs in each batch's transaction once its statements are sent, before it (waits to) commit(s). */
	volatile Consumer<Batch> beforeCommit = b -> {
	};

	LaneWriter(Auctioneer auctioneer, Auctions auctions, TransactionTemplate transactions,
			WriterConnections connections, ApplicationEventPublisher events, Clock clock, SealedValues sealedValues,
			WriterTimings timings) {
		this.auctioneer = auctioneer;
		this.auctions = auctions;
		this.transactions = transactions;
		this.connections = connections;
		this.events = events;
		this.clock = clock;
		this.sealedValues = sealedValues;
		this.timings = timings;
		AtomicInteger n = new AtomicInteger();
		this.committers = Executors.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "auction-commit-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	void shutDown() {
		committers.shutdown();
	}

	/** One batch: its commands, what the writer decided, and (overlapped) how far its transaction got. */
	static final class Batch {

		final List<Pending> commands;

		final long taken = System.nanoTime();

		AuctionEngine.Snapshot before;

		AuctionEngine.Snapshot after;

		boolean sealedRound;

		final List<Auctions.Bid> accepted = new ArrayList<>();

		final List<Auctions.SealedPrice> sealed = new ArrayList<>();

		final List<AcceptedBid> audited = new ArrayList<>();

		final List<RefusedBid> refusals = new ArrayList<>();

		final Map<Pending, Outcome> outcomes = new HashMap<>();

		final Map<String, Replay> newKeys = new HashMap<>();

		Instant closeAt;

		final List<Pending> closers = new ArrayList<>();

		/** Its statements sent (or its transaction failed before): the next batch may send its own. */
		final CompletableFuture<Void> statementsDone = new CompletableFuture<>();

		/** Its commit returned (or failed): the next batch may commit (or must roll back). */
		final CompletableFuture<Void> committed = new CompletableFuture<>();

		Batch(List<Pending> commands) {
			this.commands = commands;
		}
	}

	// --- the drain ------------------------------------------------------------------------------------------------

	/** Drains the lane until its queue is empty (one writer at a time per lane: {@code lane.draining}). */
	void drain(Lane lane) {
		Deque<Batch> flight = new ArrayDeque<>();
		try {
			while (true) {
				while (!flight.isEmpty() && flight.peek().committed.isDone()) {
					finish(lane, flight);
				}
				List<Pending> commands = take(lane);
				if (commands.isEmpty()) {
					if (!flight.isEmpty()) {
						awaitOldestOrCommand(lane, flight.peek());
						continue;
					}
					lane.draining.set(false);
					if (lane.queue.isEmpty() || !lane.draining.compareAndSet(false, true)) {
						return;
					}
					continue;
				}
				if (!overlap || !(lane.engine instanceof EnglishAuction)
						|| commands.stream().anyMatch(p -> p.command() instanceof Close)) {
					while (!flight.isEmpty()) {
						finish(lane, flight);
					}
					alone(lane, commands);
					continue;
				}
				while (flight.size() >= IN_FLIGHT) {
					finish(lane, flight);
				}
				Batch batch = decide(lane, commands, flight);
				Batch previous = flight.peekLast();
				if (previous != null) {
					overlapped.incrementAndGet();
				}
				flight.add(batch);
				Thread writer = Thread.currentThread();
				batch.committed.whenComplete((v, e) -> LockSupport.unpark(writer));
				committers.execute(() -> commitAfter(lane, batch, previous));
			}
		}
		catch (RuntimeException | Error e) {
			log.error("Auction lane {} failed", lane.listing, e);
			// The batches in flight answered (or failed) before another writer may take the lane.
			while (!flight.isEmpty()) {
				try {
					finish(lane, flight);
				}
				catch (RuntimeException again) {
					log.error("Auction lane {}: a batch in flight could not be finished", lane.listing, again);
				}
			}
			lane.draining.set(false);
		}
	}

	private static List<Pending> take(Lane lane) {
		List<Pending> batch = new ArrayList<>(16);
		Pending next;
		while (batch.size() < Auctioneer.BATCH && (next = lane.queue.poll()) != null) {
			batch.add(next);
		}
		return batch;
	}

	/** Parks the lane's writer until the oldest batch in flight has committed or a command was queued. */
	private static void awaitOldestOrCommand(Lane lane, Batch oldest) {
		lane.waiting = Thread.currentThread();
		try {
			while (!oldest.committed.isDone() && lane.queue.isEmpty()) {
				LockSupport.park(lane);
			}
		}
		finally {
			lane.waiting = null;
		}
	}

	/** One batch on its own: decided, committed, answered, before the next is taken. */
	private void alone(Lane lane, List<Pending> commands) {
		Batch batch = decide(lane, commands, List.of());
		try {
			inTransaction(lane, () -> {
				write(lane, batch);
				beforeCommit.accept(batch);
			});
		}
		catch (RuntimeException e) {
			if (committedAnyway(lane, batch, e)) {
				apply(lane, batch, false);
				return;
			}
			lane.engine.restore(batch.before);
			log.error("Auction {}: a batch of {} commands failed to commit; none acknowledged", lane.listing,
					commands.size(), e);
			fail(batch, e);
			return;
		}
		timings.record(Stage.COMMIT, System.nanoTime() - statementsEnd.get());
		apply(lane, batch, false);
	}

	/** When the writer thread's last batch finished its statements (sequential batches). */
	private final ThreadLocal<Long> statementsEnd = ThreadLocal.withInitial(System::nanoTime);

	/** On a committer thread: the batch's transaction, its statements after the previous batch's, its commit after its commit. */
	private void commitAfter(Lane lane, Batch batch, Batch previous) {
		try {
			inTransaction(lane, () -> {
				try {
					if (previous != null) {
						// Its row lock first: PostgreSQL then holds this batch's statements until that one ends.
						previous.statementsDone.join();
					}
					write(lane, batch);
				}
				finally {
					batch.statementsDone.complete(null);
				}
				beforeCommit.accept(batch);
				if (previous != null) {
					// Throws (and so rolls this one back) if the batch before did not commit.
					previous.committed.join();
				}
			});
			timings.record(Stage.COMMIT, System.nanoTime() - statementsEnd.get());
			batch.committed.complete(null);
		}
		catch (RuntimeException | Error e) {
			batch.statementsDone.complete(null);
			batch.committed.completeExceptionally(e);
		}
	}

	/**
	 * Waits for the oldest batch in flight: answers it if it committed; if not, every batch after it fails too (each
	 * commits only after the one before), so all of them are failed and the state goes back to before the oldest.
	 */
	private void finish(Lane lane, Deque<Batch> flight) {
		Batch oldest = flight.poll();
		try {
			oldest.committed.join();
		}
		catch (CompletionException e) {
			Throwable cause = e.getCause() == null ? e : e.getCause();
			List<Batch> failed = new ArrayList<>(List.of(oldest));
			while (!flight.isEmpty()) {
				Batch later = flight.poll();
				later.committed.handle((v, x) -> null).join();
				failed.add(later);
			}
			if (committedAnyway(lane, oldest, cause)) {
				// The ones after it saw it fail and rolled back.
				failed.remove(oldest);
				lane.engine.restore(oldest.after);
				apply(lane, oldest, false);
				RuntimeException reason = cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
				failed.forEach(b -> fail(b, reason));
				return;
			}
			lane.engine.restore(oldest.before);
			log.error("Auction {}: a batch of {} commands failed to commit; it and the {} decided after it rolled back, "
					+ "none acknowledged", lane.listing, oldest.commands.size(), failed.size() - 1, cause);
			RuntimeException reason = cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
			failed.forEach(b -> fail(b, reason));
			return;
		}
		apply(lane, oldest, !flight.isEmpty());
	}

	/**
	 * After a commit reported failure: whether the batch committed all the same (the answer to its COMMIT lost, or a
	 * failure after the commit), which the auction's row says: its last sequence number is the batch's. Then the
	 * batch counts as committed and is answered; else a retry under the same key would be decided a second time (and
	 * refused by the bids' unique key, the lane stuck behind state it does not know). A batch that accepted nothing
	 * changed no state: it is failed either way. If the database cannot be asked, the batch is failed as before.
	 */
	private boolean committedAnyway(Lane lane, Batch batch, Throwable failure) {
		if (batch.after.lastSeq() == batch.before.lastSeq() || batch.sealedRound) {
			return false;
		}
		try {
			long stored = RegionScopes.callIn(RegionScope.of(lane.row.region()), () -> connections.call(() -> transactions
				.execute(status -> auctions.byId(lane.listing).map(Auctions.Row::lastSeq).orElse(-1L))));
			if (stored == batch.after.lastSeq()) {
				log.warn("Auction {}: a batch's commit reported a failure but it committed (the auction's row is at seq {}); "
						+ "its bids are answered as accepted", lane.listing, stored, failure);
				return true;
			}
			return false;
		}
		catch (RuntimeException e) {
			log.error("Auction {}: could not read whether a failed batch committed; it is failed", lane.listing, e);
			return false;
		}
	}

	private static void fail(Batch batch, RuntimeException e) {
		batch.commands.forEach(p -> p.result().completeExceptionally(e));
	}

	// --- decide, write, apply -------------------------------------------------------------------------------------

	/** Decides every command of the batch against the state in memory (which already holds the batches in flight). */
	private Batch decide(Lane lane, List<Pending> commands, Iterable<Batch> inFlight) {
		Batch b = new Batch(commands);
		timings.record(Stage.BATCH, commands.size());
		commands.forEach(p -> timings.record(Stage.QUEUED, b.taken - p.arrived()));
		b.before = lane.engine.snapshot();
		b.sealedRound = lane.engine instanceof SealedRound;
		for (Pending p : commands) {
			if (p.command() instanceof Close close) {
				b.closers.add(p);
				if (b.closeAt == null && lane.engine.isDue(close.at())) {
					b.closeAt = close.at();
				}
				continue;
			}
			PlaceBid bid = ((PlaceBid) p.command()).notBefore(lane.lastStamp);
			lane.lastStamp = bid.at();
			String keyId = bid.transferee() + "|" + bid.key();
			Replay seen = seen(lane, b, keyId, inFlight);
			if (seen != null) {
				boolean same = seen.amount() == null ? bid.amount() == null
						: bid.amount() != null && seen.amount().compareTo(bid.amount()) == 0;
				b.outcomes.put(p, same ? new Outcome(seen.receipt().replay(), null)
						: refuse(bid, BidRefusal.KEY_REUSED, b.refusals, b.sealedRound));
				continue;
			}
			AuctionEngine.Decision decision = b.closeAt != null ? new AuctionEngine.Decision(null, BidRefusal.ENDED)
					: lane.engine.offer(bid.bidderNumber(), bid.amount(), bid.at());
			if (decision.isAccepted() && b.sealedRound) {
				AuctionEngine.Accepted a = decision.accepted();
				String salt = java.util.HexFormat.of().formatHex(SealedPrices.randomBytes(16));
				String commitment = SealedPrices.commitment(lane.listing, bid.bidderNumber(), bid.amount(), salt);
				byte[] box = sealedValues.seal(SealedPrices.SEALED_PURPOSE, SealedPrices.sealContext(lane.listing, bid.transferee()),
						(bid.amount() + "|" + salt).getBytes(StandardCharsets.UTF_8));
				b.sealed.add(new Auctions.SealedPrice(lane.listing, a.seq(), lane.row.region(), bid.bidderNumber(),
						bid.transferee(), commitment, box, bid.at(), bid.key(), bid.actor().username()));
				BidReceipt receipt = new BidReceipt(lane.listing, a.seq(), bid.bidderNumber(), bid.amount(), bid.at(),
						a.endsAfter(), false, commitment, salt);
				b.newKeys.put(keyId, new Replay(bid.amount(), receipt));
				b.outcomes.put(p, new Outcome(receipt, null));
			}
			else if (decision.isAccepted()) {
				AuctionEngine.Accepted a = decision.accepted();
				// The engine's amount: a Dutch acceptance takes the price current at its stamp.
				b.accepted.add(new Auctions.Bid(lane.listing, a.seq(), lane.row.region(), bid.bidderNumber(),
						bid.transferee(), a.amount(), bid.at(), a.endsAfter(), bid.key()));
				b.audited.add(new AcceptedBid(a.seq(), bid.actor().username(), bid.bidderNumber(), a.amount(), bid.at()));
				BidReceipt receipt = new BidReceipt(lane.listing, a.seq(), bid.bidderNumber(), a.amount(), bid.at(),
						a.endsAfter(), false);
				b.newKeys.put(keyId, new Replay(bid.amount(), receipt));
				b.outcomes.put(p, new Outcome(receipt, null));
			}
			else {
				b.outcomes.put(p, refuse(bid, decision.refusal(), b.refusals, b.sealedRound));
			}
		}
		if (b.closeAt == null && lane.engine instanceof DutchAuction && lane.engine.leader() != null
				&& b.before.leader() == null) {
			// The first acceptance ends a Dutch auction at once.
			b.closeAt = lane.engine.endsAt();
		}
		b.after = lane.engine.snapshot();
		timings.record(Stage.DECIDED, System.nanoTime() - b.taken);
		return b;
	}

	/** What a key got before: in this batch, in a batch in flight (the latest first), or committed. */
	private static Replay seen(Lane lane, Batch batch, String keyId, Iterable<Batch> inFlight) {
		Replay seen = batch.newKeys.get(keyId);
		if (seen != null) {
			return seen;
		}
		if (inFlight instanceof Deque<Batch> deque) {
			for (Iterator<Batch> i = deque.descendingIterator(); i.hasNext();) {
				seen = i.next().newKeys.get(keyId);
				if (seen != null) {
					return seen;
				}
			}
		}
		return lane.keys.get(keyId);
	}

	/** A refused bid for the batch's audit entry; a sealed round's refused price is not written down either. */
	private static Outcome refuse(PlaceBid bid, BidRefusal reason, List<RefusedBid> refusals, boolean sealed) {
		refusals.add(new RefusedBid(bid.actor().username(), sealed || bid.amount() == null ? "" : bid.amount().toString(),
				reason, bid.at()));
		return new Outcome(null, reason);
	}

	private void inTransaction(Lane lane, Runnable work) {
		RegionScopes.runIn(RegionScope.of(lane.row.region()),
				() -> connections.run(() -> transactions.executeWithoutResult(status -> work.run())));
	}

	/** The batch's statements, in the transaction the caller opened. */
	private void write(Lane lane, Batch b) {
		long begun = System.nanoTime();
		if (b.sealedRound) {
			// Nothing goes to the audit log while the round runs, not even an entry per batch: its count would be a
			// lower bound on the prices. The close writes one entry for them all.
			auctions.commitSealed(b.sealed);
			auctions.addSealedRefusals(b.refusals.stream().map(r -> new Auctions.SealedRefusal(lane.listing,
					lane.row.region(), r.bidder(), r.reason(), r.at())).toList());
		}
		else {
			auctions.commitBids(b.accepted, b.after, lane.listing);
			if (!b.audited.isEmpty() || !b.refusals.isEmpty()) {
				events.publishEvent(new BidsCommitted(Actor.SYSTEM, lane.listing, b.before.lastSeq() + 1,
						b.after.lastSeq(), b.audited, b.refusals, b.after.endsAt(), lane.row.region(), clock.instant()));
			}
		}
		long done = System.nanoTime();
		statementsEnd.set(done);
		timings.record(Stage.STATEMENTS, done - begun);
	}

	/**
	 * After the batch committed: its keys, bids and view become the lane's, its bids are answered, the live pages
	 * told, and the auction closed if the batch closed it. {@code later} (overlapped): batches decided after it are
	 * in flight, so the engine is ahead of what committed; the view is taken from the batch's own state.
	 */
	private void apply(Lane lane, Batch b, boolean later) {
		lane.keys.putAll(b.newKeys);
		b.accepted.forEach(bid -> lane.record(bid.view()));
		if (later) {
			AuctionEngine.Snapshot ahead = lane.engine.snapshot();
			lane.engine.restore(b.after);
			lane.latest = lane.view(null, null);
			lane.engine.restore(ahead);
		}
		else {
			lane.latest = lane.view(null, null);
		}
		long answered = System.nanoTime();
		for (Pending p : b.commands) {
			Outcome outcome = b.outcomes.get(p);
			if (outcome != null) {
				p.result().answer(outcome);
				timings.record(Stage.ANSWERED, answered - p.arrived());
			}
		}
		if (!b.accepted.isEmpty()) {
			events.publishEvent(new LiveAuctionUpdated(lane.latest));
		}
		if (b.closeAt != null) {
			auctioneer.close(lane, b.closeAt);
		}
		b.closers.forEach(p -> p.result().complete(new Outcome(null, null)));
	}
}
