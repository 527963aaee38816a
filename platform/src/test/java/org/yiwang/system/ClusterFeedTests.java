package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

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
			Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
				one.tell(topic, "a");
				return heardByTwo.contains(new ClusterNotified(topic, "a", "f1-" + run));
			});
			two.tell(topic, "b");
			Awaitility.await().atMost(Duration.ofSeconds(5))
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
}
