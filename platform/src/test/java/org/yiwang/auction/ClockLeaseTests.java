package org.yiwang.auction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.PlatformTest;
import org.yiwang.pki.SealedValues;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * Live auctions across nodes (issue 25): two auctioneers of their own ("nodes") on the platform's database. One holds
 * the clock's lease and the lanes; the other holds none. The holder stops renewing (it died); once the lease expired
 * the other takes the clock over and the running auction's end moves by the outage, recorded like a restart's.
 */
@PlatformTest
class ClockLeaseTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Auctioneer auctioneer;

	@Autowired
	Auctions auctions;

	@Autowired
	Listings listings;

	@Autowired
	AuctionClosing closing;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	WriterConnections connections;

	@Autowired
	Clock clock;

	@Autowired
	SealedValues sealedValues;

	/** Longer than any stall between two steps of a test; the tests expire it themselves. */
	private static final Duration LEASE = Duration.ofSeconds(30);

	private Auctioneer node(String id, Duration lease) {
		return new Auctioneer(auctions, listings, closing, transactions, connections, context, clock, sealedValues,
				new ClockLease(jdbc, id, lease));
	}

	@Test
	void the_lease_goes_to_one_node_and_to_another_only_after_it_expired() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		auctioneer.stop(); // the context's own node gives the clock up
		try {
			// Leases far longer than the steps between them take (a loaded machine stalls for a second at times): the
			// test expires them itself rather than waiting for them to run out.
			ClockLease a = new ClockLease(jdbc, "la-" + run, LEASE);
			ClockLease b = new ClockLease(jdbc, "lb-" + run, LEASE);
			assertThat(a.hold()).isTrue();
			assertThat(b.hold()).as("held and not expired").isFalse();
			assertThat(a.hold()).as("renewed by its holder").isTrue();
			assertThat(a.holder()).hasValueSatisfying(h -> assertThat(h.node()).isEqualTo("la-" + run));
			expireLease(); // a stops renewing, and its lease runs out
			assertThat(b.hold()).as("expired: taken over").isTrue();
			assertThat(a.hold()).as("the old holder cannot take it back while it is held").isFalse();
			b.release();
			assertThat(a.hold()).as("given up: free at once").isTrue();
			a.release();
		}
		finally {
			auctioneer.start();
		}
	}

	@Test
	void another_node_takes_the_clock_over_and_extends_the_running_auction_by_the_outage() throws Exception {
		AuctionFixture fixture = new AuctionFixture(context);
		ListingView listing = fixture.published("CL", "1000000.00", "1200000.00", "10000.00", "100000.00");
		String bidder = fixture.qualified(listing, "1");
		fixture.qualified(listing, "2");
		fixture.concludeAfterPeriod(listing, 0);
		UUID id = listing.id();
		Auctioneer a = node("a-" + fixture.run, LEASE);
		Auctioneer b = node("b-" + fixture.run, LEASE);
		auctioneer.stop(); // the context's node leaves the clock to the two nodes of this test
		try {
			a.keepClock();
			b.keepClock();
			assertThat(a.ownsClock()).isTrue();
			assertThat(a.lane(id)).as("the holder runs the auction").isPresent();
			assertThat(b.ownsClock()).isFalse();
			assertThat(b.lane(id)).as("the other node holds no lane").isEmpty();
			// A bid reaching a node without the clock is passed on (503 through the proxy), never decided there.
			assertThatThrownBy(() -> fixture.as(bidder, () -> fixture.hall.bid(id, "1000000.00", "cl-" + fixture.run)))
				.isInstanceOf(Refusal.class)
				.satisfies(e -> assertThat(((Refusal) e).messageKey()).isEqualTo("auction.bid.servedElsewhere"));

			Instant endBefore = a.lane(id).orElseThrow().engine.endsAt();
			int extensionsBefore = extensions(id);
			a.keepClock(); // a's last renewal and heartbeat
			// a "died" a minute ago: its last heartbeat is then, and its lease has run out (set in the database, so
			// no wait and no race with the machine's speed)
			Instant lastAlive = clock.instant().minusSeconds(60).truncatedTo(ChronoUnit.MICROS);
			platform(() -> jdbc.sql("update auction.heartbeat set alive_at = ?").param(Timestamp.from(lastAlive)).update());
			expireLease();
			Instant takeoverFrom = clock.instant();
			b.keepClock();
			Instant takeoverTo = clock.instant();
			assertThat(b.ownsClock()).as("the other node took the clock over").isTrue();
			Instant endAfter = b.lane(id).orElseThrow().engine.endsAt();
			Duration moved = Duration.between(endBefore, endAfter);
			assertThat(moved).as("the end moved by the outage since the holder's last heartbeat, to the takeover")
				.isBetween(Duration.between(lastAlive, takeoverFrom), Duration.between(lastAlive, takeoverTo));
			assertThat(extensions(id)).as("the extension is recorded").isEqualTo(extensionsBefore + 1);

			a.keepClock(); // the old holder wakes up: it lost the lease and gives its lanes up
			assertThat(a.ownsClock()).isFalse();
			assertThat(a.lane(id)).isEmpty();
		}
		finally {
			a.stop();
			b.stop();
			a.shutDown();
			b.shutDown();
			auctioneer.start();
		}
		assertThat(auctioneer.ownsClock()).as("the context's node has the clock back").isTrue();
		assertThat(auctioneer.lane(id)).isPresent();
	}

	/** The lease's holder stopped renewing long enough ago: it expired a second ago. */
	private void expireLease() {
		jdbc.sql("update auction.clock_lease set expires_at = clock_timestamp() - interval '1 second'").update();
	}

	private void platform(Runnable work) {
		RegionScopes.runAsPlatform(() -> transactions.executeWithoutResult(s -> work.run()));
	}

	private int extensions(UUID listing) {
		return RegionScopes.callAsPlatform(() -> transactions.execute(s -> jdbc
			.sql("select count(*) from auction.extensions where listing_id = ?").param(listing).query(Integer.class).single()));
	}
}
