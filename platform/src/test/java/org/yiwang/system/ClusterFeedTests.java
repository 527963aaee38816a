package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.PlatformTest;

/**
 * Live feeds on every node (issue 25): what one node tells reaches the other node through PostgreSQL LISTEN/NOTIFY
 * (two feeds of their own, each with its connections, on the platform's database), and not the teller itself.
 */
@PlatformTest
class ClusterFeedTests {

	@Autowired
	DataSource dataSource;

	@Test
	void a_notice_told_on_one_node_is_heard_on_the_other_and_not_echoed() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<Object> heardByOne = new CopyOnWriteArrayList<>();
		List<Object> heardByTwo = new CopyOnWriteArrayList<>();
		ClusterFeed one = new ClusterFeed(dataSource, new ClusterNode("f1-" + run), heardByOne::add);
		ClusterFeed two = new ClusterFeed(dataSource, new ClusterNode("f2-" + run), heardByTwo::add);
		one.start();
		two.start();
		try {
			String topic = "test-" + run;
			// The listeners connect on threads of their own: tell until the other node hears (a notice before its
			// LISTEN is lost, as one while a node reconnects; the next notice carries the state again).
			Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
				one.tell(topic, "a");
				return heardByTwo.contains(new ClusterNotified(topic, "a", "f1-" + run));
			});
			two.tell(topic, "b");
			Awaitility.await().atMost(Duration.ofSeconds(30))
				.until(() -> heardByOne.contains(new ClusterNotified(topic, "b", "f2-" + run)));
			assertThat(heardByOne).as("a node does not hear itself")
				.noneMatch(e -> e instanceof ClusterNotified n && n.fromNode().equals("f1-" + run));
			assertThat(heardByTwo).noneMatch(e -> e instanceof ClusterNotified n && n.fromNode().equals("f2-" + run));
		}
		finally {
			one.stop();
			two.stop();
		}
	}

	@Test
	void a_lone_node_sends_nothing_and_a_node_that_joins_hears_what_was_held_back() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<Object> heardByTwo = new CopyOnWriteArrayList<>();
		// Whether another node listens, as the teller's look finds it (the platform's own feed always listens here).
		AtomicInteger others = new AtomicInteger();
		ClusterFeed one = new ClusterFeed(dataSource, new ClusterNode("f1-" + run), e -> {
		}) {

			@Override
			int otherListeners(Connection c) {
				return others.get();
			}
		};
		ClusterFeed two = new ClusterFeed(dataSource, new ClusterNode("f2-" + run), heardByTwo::add);
		one.start();
		two.start();
		try {
			String topic = "test-" + run;
			one.tell(topic, "first");
			// The first notice makes the sender look: nobody listens, so it is dropped, and no NOTIFY was sent.
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> one.looks.get() == 1);
			assertThat(one.heldBack.get()).isEqualTo(1);
			assertThat(one.sent.get()).as("alone: no NOTIFY, no transaction").isZero();
			// A node begins to listen after that look; a notice told before the next look is held back meanwhile, and
			// that look (within a second) finds the node and sends it; then every notice goes as it comes.
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> listening("f2-" + run));
			others.set(1);
			one.tell(topic, "held");
			assertThat(one.heldBack.get()).isEqualTo(2);
			Awaitility.await().atMost(Duration.ofSeconds(30))
				.until(() -> heardByTwo.contains(new ClusterNotified(topic, "held", "f1-" + run)));
			one.tell(topic, "next");
			Awaitility.await().atMost(Duration.ofSeconds(30))
				.until(() -> heardByTwo.contains(new ClusterNotified(topic, "next", "f1-" + run)));
			// the sender counts a batch once its NOTIFY returned, which may be after the other node heard it
			Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(one.sent.get())
				.as("the notice dropped before anyone listened is not sent").isEqualTo(2));
			assertThat(heardByTwo).noneMatch(e -> e.equals(new ClusterNotified(topic, "first", "f1-" + run)));
		}
		finally {
			one.stop();
			two.stop();
		}
	}

	@Test
	void a_node_counts_the_other_nodes_listening_on_its_database_not_itself() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		ClusterFeed one = new ClusterFeed(dataSource, new ClusterNode("f1-" + run), e -> {
		});
		ClusterFeed two = new ClusterFeed(dataSource, new ClusterNode("f2-" + run), e -> {
		});
		one.start();
		try (Connection c = dataSource.getConnection()) {
			// Other tests of this context may have left feeds listening, and the platform's own listens: the session
			// two counts and one does not is one's. Both look in one transaction, which sees one snapshot of
			// pg_stat_activity: an earlier test's feed session ending between two looks cannot change one count only.
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> listening("f1-" + run));
			c.setAutoCommit(false);
			try {
				assertThat(two.otherListeners(c) - one.otherListeners(c)).isEqualTo(1);
			}
			finally {
				c.rollback();
				c.setAutoCommit(true);
			}
		}
		finally {
			one.stop();
		}
	}

	/** Whether the node's feed has run its LISTEN (its session's last statement). */
	private boolean listening(String node) throws SQLException {
		try (Connection c = dataSource.getConnection(); var s = c.prepareStatement("""
				select count(*) from pg_stat_activity
				where datname = current_database() and application_name = ? and query like 'LISTEN%'
				""")) {
			s.setString(1, "yiwang " + node + " feed");
			try (var rs = s.executeQuery()) {
				rs.next();
				return rs.getInt(1) > 0;
			}
		}
	}
}
