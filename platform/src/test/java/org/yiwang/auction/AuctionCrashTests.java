package org.yiwang.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.TestActor;
import org.yiwang.audit.AuditLog;
import org.yiwang.kernel.Money;
import org.yiwang.system.Refusal;
import org.yiwang.system.RegionScopes;

/**
 * Kill the platform with SIGKILL while two bidders bid as fast as they can, start it again on the same data: every
 * acknowledged bid is there, in the same order, the auction runs on where it was, and its end moved by the outage
 * (recorded and audited).
 */
class AuctionCrashTests {

	@TempDir
	Path directory;

	record Ack(long seq, String amount, String bidder) {
	}

	@Test
	void every_acknowledged_bid_survives_a_kill_and_the_auction_resumes_extended_by_the_outage() throws Exception {
		killWhileBidding(false);
	}

	/**
	 * The same with overlapped commits and four threads bidding at once: killed while batches are in flight, no
	 * acknowledged bid is lost, none is stored twice, and the stored order (seq, rising prices) is the decision order.
	 * Tagged: overlapped commits are off by default (they did not pay on two cores), so the build does not pay this
	 * second kill (~26 s) every run; run it with {@code -DexcludedGroups=} before switching them on
	 * ({@code OverlappedCommitTests} runs always).
	 */
	@Test
	@Tag("overlap-commits")
	void with_overlapped_commits_every_acknowledged_bid_survives_a_kill_in_decision_order() throws Exception {
		killWhileBidding(true);
	}

	private void killWhileBidding(boolean overlap) throws Exception {
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-cp", System.getProperty("java.class.path"), AuctionCrashChild.class.getName(), directory.toString(),
				overlap ? "overlap" : "one-at-a-time")
			.redirectErrorStream(true)
			.start();
		UUID listing = null;
		String[] bidders = null;
		List<Ack> acks = new ArrayList<>();
		long overlapped = 0;
		try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
			String line;
			while ((line = out.readLine()) != null && acks.size() < 40) {
				if (line.startsWith("BIDDERS ")) {
					bidders = line.substring(8).trim().split(" ");
				}
				else if (line.startsWith("LISTING ")) {
					listing = UUID.fromString(line.substring(8).trim());
				}
				else if (line.startsWith("ACK ")) {
					String[] p = line.split(" ");
					acks.add(new Ack(Long.parseLong(p[1]), p[2], p[3]));
					overlapped = p.length > 4 ? Long.parseLong(p[4]) : 0;
				}
			}
			child.destroyForcibly(); // SIGKILL in the middle of bidding: no shutdown hook runs
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(listing).as("the child opened an auction").isNotNull();
		assertThat(acks).as("the child acknowledged bids before it was killed").hasSize(40);
		if (overlap) {
			assertThat(overlapped).as("batches were in flight together before the kill").isPositive();
		}

		try (ConfigurableApplicationContext restarted = AuctionCrashChild.start(directory)) {
			AuctionHall hall = restarted.getBean(AuctionHall.class);
			UUID id = listing;
			List<BidView> history = TestActor.cityStaff().call(() -> hall.bidHistory(id));
			assertThat(history.size()).as("nothing acknowledged is lost").isGreaterThanOrEqualTo(acks.size());
			for (Ack ack : acks) {
				BidView kept = history.get((int) ack.seq() - 1);
				assertThat(kept.seq()).isEqualTo(ack.seq());
				assertThat(kept.amount()).isEqualTo(Money.of(ack.amount()));
				assertThat(kept.bidderNumber()).isEqualTo(ack.bidder());
			}
			assertThat(acks).extracting(Ack::seq).as("no bid acknowledged twice").doesNotHaveDuplicates();
			for (int i = 1; i < history.size(); i++) {
				assertThat(history.get(i).seq()).isEqualTo(i + 1);
				assertThat(history.get(i).amount()).isGreaterThan(history.get(i - 1).amount());
			}
			AuctionView resumed = hall.auction(id);
			assertThat(resumed.status()).isEqualTo(AuctionStatus.RUNNING);
			assertThat(resumed.lastSeq()).isEqualTo(history.size());
			assertThat(resumed.price()).isEqualTo(history.get(history.size() - 1).amount());

			JdbcClient jdbc = restarted.getBean(JdbcClient.class);
			record Extension(java.sql.Timestamp lastAlive, java.sql.Timestamp resumedAt, java.sql.Timestamp oldEnd,
					java.sql.Timestamp newEnd) {
			}
			List<Extension> extensions = RegionScopes.callAsPlatform(() -> restarted.getBean(
					org.springframework.transaction.support.TransactionTemplate.class).execute(s -> jdbc.sql(
							"select last_alive, resumed_at, old_ends_at as old_end, new_ends_at as new_end from auction.extensions where listing_id = ?")
						.param(id).query(Extension.class).list()));
			assertThat(extensions).as("the outage extension is recorded").hasSize(1);
			Extension e = extensions.get(0);
			java.time.Duration outage = java.time.Duration.between(e.lastAlive().toInstant(), e.resumedAt().toInstant());
			assertThat(outage).isPositive();
			assertThat(java.time.Duration.between(e.oldEnd().toInstant(), e.newEnd().toInstant()))
				.as("the end moved by the outage").isEqualTo(outage);
			assertThat(resumed.endsAt()).isEqualTo(e.newEnd().toInstant());
			assertThat(TestActor.cityStaff().call(() -> restarted.getBean(AuditLog.class).latest("listing:" + id, 20)))
				.extracting(a -> a.action()).contains("auction.auction.resumed");

			AuctionFixture fixture = new AuctionFixture(restarted);
			String next = resumed.minimumBid().toString();
			// the auction's lane is back on this node a moment after its extension is recorded: until then a bid is
			// answered 503 "resuming" (retry; nothing decided), never refused, so the first bid may need a second try
			String first = bidders[0];
			BidReceipt after = Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
				.ignoreExceptionsMatching(thrown -> thrown instanceof Refusal r && r.messageKey().equals("auction.bid.resuming"))
				.until(() -> fixture.as(first, () -> hall.bid(id, next, "after-restart")), receipt -> receipt != null);
			assertThat(after.seq()).as("bidding goes on in the same order").isEqualTo(history.size() + 1);
			assertThat(after.amount()).isEqualTo(Money.of(next));
		}
	}
}
