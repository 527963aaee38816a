package org.yiwang.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.audit.AuditEntry;
import org.yiwang.audit.AuditLog;
import org.yiwang.kernel.Money;
import org.yiwang.PlatformTest;
import org.yiwang.system.RegionScopes;
import org.yiwang.TestActor;

/**
 * The auction writer's overlapped commits ({@link LaneWriter}): a batch decided while the one before commits is
 * committed after it, answered after its own commit, and rolled back if the one before failed. Switched on for each
 * test on the shared context's writer (no context of its own) and back off after.
 */
@PlatformTest
class OverlappedCommitTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Auctioneer auctioneer;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	AuctionFixture fixture;

	AuctionHall hall;

	@BeforeEach
	void overlapOn() {
		fixture = new AuctionFixture(context);
		hall = fixture.hall;
		auctioneer.writer.overlap = true;
	}

	@AfterEach
	void overlapOff() {
		auctioneer.writer.overlap = false;
		auctioneer.writer.beforeCommit = b -> {
		};
	}

	record Bid(long seq, BigDecimal amount, String bidderNumber, String key) {
	}

	private List<Bid> stored(UUID listing) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc.sql(
				"select seq, amount, bidder_number, idempotency_key as key from auction.bids where listing_id = ? order by seq")
			.param(listing).query(Bid.class).list()));
	}

	@Test
	void overlapped_batches_commit_in_decision_order_and_every_answered_bid_is_durable() throws Exception {
		ListingView listing = fixture.published("O", "100000.00", "100000.00", "100.00", "10000.00");
		List<String> bidders = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			bidders.add(fixture.qualified(listing, "O" + i));
		}
		String latecomer = fixture.qualified(listing, "O4");
		fixture.concludeAfterPeriod(listing, 60);
		long overlappedBefore = auctioneer.writer.overlapped.get();
		AtomicLong price = new AtomicLong(100000);
		List<BidReceipt> receipts = Collections.synchronizedList(new ArrayList<>());
		AtomicLong refused = new AtomicLong();
		// At least one overlap, however the machine schedules the bidders (if every bidder's bid is in each batch, none
		// is decided while another commits): the first batch's commit waits until a latecomer's bid, sent meanwhile, was
		// decided as the next batch. The rest overlaps, or not, as it comes.
		ExecutorService late = Executors.newSingleThreadExecutor();
		AtomicBoolean held = new AtomicBoolean();
		List<Future<?>> lateRuns = Collections.synchronizedList(new ArrayList<>());
		auctioneer.writer.beforeCommit = batch -> {
			if (!held.compareAndSet(false, true)) {
				return;
			}
			lateRuns.add(late.submit(() -> fixture.as(latecomer, () -> {
				try {
					receipts.add(hall.bid(listing.id(), price.getAndAdd(100) + ".00", "ov-late"));
				}
				catch (org.yiwang.system.Refusal overtaken) {
					refused.incrementAndGet();
				}
				return null;
			})));
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (auctioneer.writer.overlapped.get() == overlappedBefore && System.nanoTime() < until) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
			}
		};
		ExecutorService pool = Executors.newFixedThreadPool(bidders.size());
		List<Future<?>> runs = new ArrayList<>();
		for (int t = 0; t < bidders.size(); t++) {
			String bidder = bidders.get(t);
			int me = t;
			// Signed in once, then bidding as fast as the answers come.
			runs.add(pool.submit(() -> fixture.as(bidder, () -> {
				for (int i = 0; i < 40; i++) {
					try {
						receipts.add(hall.bid(listing.id(), price.getAndAdd(100) + ".00", "ov-" + me + "-" + i));
					}
					catch (org.yiwang.system.Refusal overtaken) {
						refused.incrementAndGet();
					}
				}
				return null;
			})));
		}
		for (Future<?> run : runs) {
			run.get(120, TimeUnit.SECONDS);
		}
		for (Future<?> run : lateRuns) {
			run.get(120, TimeUnit.SECONDS);
		}
		pool.shutdown();
		late.shutdown();
		assertThat(auctioneer.writer.overlapped.get()).as("batches were decided while the one before committed")
			.isGreaterThan(overlappedBefore);

		List<Bid> stored = stored(listing.id());
		assertThat(receipts).as("every bid answered as accepted is stored, at its place, and nothing else is")
			.hasSize(stored.size());
		for (BidReceipt receipt : receipts) {
			Bid kept = stored.get((int) receipt.seq() - 1);
			assertThat(kept.seq()).isEqualTo(receipt.seq());
			assertThat(Money.of(kept.amount())).isEqualTo(receipt.amount());
			assertThat(kept.bidderNumber()).isEqualTo(receipt.bidderNumber());
		}
		for (int i = 0; i < stored.size(); i++) {
			assertThat(stored.get(i).seq()).as("no gap, no bid twice").isEqualTo(i + 1);
			if (i > 0) {
				assertThat(stored.get(i).amount()).isGreaterThan(stored.get(i - 1).amount());
			}
		}
		assertThat(stored).extracting(Bid::key).doesNotHaveDuplicates();
		assertThat(hall.auction(listing.id()).lastSeq()).isEqualTo(stored.size());

		// The audit log's order (its chain) is the decision order: the batches' ranges follow each other.
		List<AuditEntry> batches = new ArrayList<>(TestActor.cityStaff()
			.call(() -> audit.latest("listing:" + listing.id(), 500))
			.stream().filter(e -> e.action().equals("auction.bids.committed")).toList());
		Collections.reverse(batches);
		Pattern range = Pattern.compile("\"firstSeq\":(\\d+),\"lastSeq\":(\\d+)");
		long next = 1;
		long refusedInEntries = 0;
		for (AuditEntry entry : batches) {
			Matcher m = range.matcher(entry.payload());
			assertThat(m.find()).as(entry.payload()).isTrue();
			long first = Long.parseLong(m.group(1));
			long last = Long.parseLong(m.group(2));
			if (last >= first) {
				assertThat(first).as("the next batch in the chain starts where the one before ended").isEqualTo(next);
				next = last + 1;
			}
			refusedInEntries += entry.payload().split("BELOW_INCREMENT", -1).length - 1;
		}
		assertThat(next - 1).isEqualTo(stored.size());
		assertThat(refusedInEntries).as("every bid refused by the writer is in its batch's entry").isEqualTo(refused.get());

		Long published = RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc.sql(
				"select count(*) from event_publication where event_type like '%BidsCommitted%'").query(Long.class).single()));
		assertThat(published).as("a batch's audit entry is not stored again for module listeners").isZero();
	}

	@Test
	void a_batch_whose_predecessor_fails_to_commit_rolls_back_and_nothing_is_decided_twice() throws Exception {
		ListingView listing = fixture.published("R", "100000.00", "100000.00", "100.00", "10000.00");
		String first = fixture.qualified(listing, "R1");
		String second = fixture.qualified(listing, "R2");
		fixture.concludeAfterPeriod(listing, 60);
		BidReceipt opening = fixture.as(first, () -> hall.bid(listing.id(), "100000.00", "r-open"));
		AuctionView before = hall.auction(listing.id());

		CountDownLatch doomedWaiting = new CountDownLatch(1);
		AtomicBoolean once = new AtomicBoolean();
		long overlappedBefore = auctioneer.writer.overlapped.get();
		auctioneer.writer.beforeCommit = batch -> {
			boolean doomed = batch.commands.stream()
				.anyMatch(p -> p.command() instanceof Auctioneer.PlaceBid bid && "r-doomed".equals(bid.key()));
			if (!doomed || !once.compareAndSet(false, true)) {
				return;
			}
			doomedWaiting.countDown();
			// Until the next batch was decided and sent its statements (held by this one's row lock), then this
			// batch's backend dies before its commit: a real failure of PostgreSQL's connection.
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (auctioneer.writer.overlapped.get() == overlappedBefore && System.nanoTime() < until) {
				Thread.onSpinWait();
			}
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			jdbc.sql("select pg_terminate_backend(pg_backend_pid())").query().singleValue();
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		Future<BidReceipt> doomed = pool.submit(() -> fixture.as(first, () -> hall.bid(listing.id(), "100100.00", "r-doomed")));
		assertThat(doomedWaiting.await(30, TimeUnit.SECONDS)).isTrue();
		Future<BidReceipt> after = pool.submit(() -> fixture.as(second, () -> hall.bid(listing.id(), "100200.00", "r-after")));
		assertThatThrownBy(() -> doomed.get(60, TimeUnit.SECONDS)).hasMessageContaining("not accepted");
		assertThatThrownBy(() -> after.get(60, TimeUnit.SECONDS)).as("decided after the failed batch: rolled back")
			.hasMessageContaining("not accepted");
		pool.shutdown();
		assertThat(auctioneer.writer.overlapped.get()).as("the second batch was in flight behind the first")
			.isGreaterThan(overlappedBefore);

		assertThat(stored(listing.id())).extracting(Bid::key).as("neither batch committed").containsExactly("r-open");
		AuctionView restored = hall.auction(listing.id());
		assertThat(restored.lastSeq()).as("the state is back to the last commit").isEqualTo(before.lastSeq());
		assertThat(restored.price()).isEqualTo(before.price());
		assertThat(restored.leaderNumber()).isEqualTo(opening.bidderNumber());

		// The bidders retry with the same keys: decided once, in order, after the last committed bid.
		BidReceipt retried = fixture.as(first, () -> hall.bid(listing.id(), "100100.00", "r-doomed"));
		BidReceipt retriedAfter = fixture.as(second, () -> hall.bid(listing.id(), "100200.00", "r-after"));
		assertThat(retried.replayed()).isFalse();
		assertThat(retried.seq()).isEqualTo(2);
		assertThat(retriedAfter.seq()).isEqualTo(3);
		assertThat(stored(listing.id())).extracting(Bid::key).containsExactly("r-open", "r-doomed", "r-after");
		assertThat(fixture.as(first, () -> hall.bid(listing.id(), "100100.00", "r-doomed")).replayed()).isTrue();
	}

	@Test
	void a_batch_that_committed_though_its_commit_reported_a_failure_is_answered_and_its_retry_is_a_replay() {
		ListingView listing = fixture.published("L", "100000.00", "100000.00", "100.00", "10000.00");
		String bidder = fixture.qualified(listing, "L1");
		fixture.qualified(listing, "L2");
		fixture.concludeAfterPeriod(listing, 60);
		// The commit's answer lost: a failure raised after PostgreSQL committed (Spring passes on what an
		// after-commit callback throws), for the first batch carrying each "lost-" key.
		java.util.Set<String> lost = java.util.concurrent.ConcurrentHashMap.newKeySet();
		auctioneer.writer.beforeCommit = batch -> {
			if (batch.commands.stream().anyMatch(p -> p.command() instanceof Auctioneer.PlaceBid bid
					&& bid.key().startsWith("lost-") && lost.add(bid.key()))) {
				org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
						new org.springframework.transaction.support.TransactionSynchronization() {
							@Override
							public void afterCommit() {
								throw new IllegalStateException("the commit's answer was lost");
							}
						});
			}
		};
		long seq = 0;
		long amount = 100000;
		for (boolean overlapped : new boolean[] { false, true }) {
			auctioneer.writer.overlap = overlapped;
			String price = amount + ".00";
			String key = "lost-" + overlapped;
			BidReceipt receipt = fixture.as(bidder, () -> hall.bid(listing.id(), price, key));
			assertThat(receipt.seq()).as("answered as the accepted bid it is (overlapped: %s)", overlapped)
				.isEqualTo(++seq);
			BidReceipt retry = fixture.as(bidder, () -> hall.bid(listing.id(), price, key));
			assertThat(retry.replayed()).as("its retry is a replay, not a second decision").isTrue();
			assertThat(retry.seq()).isEqualTo(seq);
			amount += 100;
		}
		assertThat(stored(listing.id())).extracting(Bid::key).containsExactly("lost-false", "lost-true");
		assertThat(hall.auction(listing.id()).lastSeq()).isEqualTo(2);
	}
}
