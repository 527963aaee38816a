package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.PlatformTest;

/**
 * Scheduled work once across the cluster (issue 25): two nodes (two lock sessions of their own) on one database; the
 * job runs on one, and on the other once the first one stops (gives its jobs up) or its session is cut.
 */
@PlatformTest
class ClusterLocksTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void one_node_holds_a_job_and_another_takes_it_when_the_holder_stops() {
		String job = "test-job-" + run;
		try (ClusterLocks first = new ClusterLocks(dataSource, new ClusterNode("one-" + run));
				ClusterLocks second = new ClusterLocks(dataSource, new ClusterNode("two-" + run))) {
			assertThat(first.owns(job)).isTrue();
			assertThat(first.owns(job)).as("still the holder at its next tick").isTrue();
			assertThat(second.owns(job)).as("the other node skips the job").isFalse();
			assertThat(second.owns("other-" + job)).as("another job is free").isTrue();
			// Who holds what, as docs/cluster.md shows it to an operator.
			String holder = jdbc.sql("""
					select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
					where l.locktype = 'advisory' and l.classid = ? and l.objid = ?::oid""")
				.param(ClusterLocks.CLASS).param(Integer.toUnsignedLong(ClusterLocks.key(job)))
				.query(String.class).single();
			assertThat(holder).isEqualTo("yiwang one-" + run);

			first.close(); // the holder stops in order: it gives its jobs up before its session ends
			assertThat(second.owns(job)).as("the other node takes the job over at once").isTrue();
			assertThat(second.held()).containsExactlyInAnyOrder(job, "other-" + job);
			assertThat(first.owns(job)).as("a closed node runs nothing").isFalse();
		}
	}

	@Test
	void a_session_killed_by_the_database_gives_the_job_up() {
		String job = "test-killed-" + run;
		try (ClusterLocks first = new ClusterLocks(dataSource, new ClusterNode("k1-" + run));
				ClusterLocks second = new ClusterLocks(dataSource, new ClusterNode("k2-" + run))) {
			assertThat(first.owns(job)).isTrue();
			assertThat(second.owns(job)).isFalse();
			// The holder's connection is cut (a node frozen and its TCP connection reset), not closed by the node.
			Boolean killed = jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?")
				.param("yiwang k1-" + run).query(Boolean.class).single();
			assertThat(killed).isTrue();
			Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> second.owns(job));
			assertThat(first.owns(job)).as("the cut node notices it lost the job").isFalse();
		}
	}

	/** A ticker counting its runs. */
	static final class Counting extends Ticker {

		final AtomicInteger runs = new AtomicInteger();

		Counting(String job, ClusterLocks locks) {
			super(job, Duration.ofMillis(50), Duration.ZERO, locks);
		}

		@Override
		protected void tick() {
			runs.incrementAndGet();
		}
	}

	@Test
	void two_tickers_of_one_job_run_it_on_one_node_and_the_survivor_takes_over() {
		String job = "test-ticker-" + run;
		try (ClusterLocks one = new ClusterLocks(dataSource, new ClusterNode("t1-" + run));
				ClusterLocks two = new ClusterLocks(dataSource, new ClusterNode("t2-" + run))) {
			Counting first = new Counting(job, one);
			Counting second = new Counting(job, two);
			first.start();
			Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> first.runs.get() >= 3);
			second.start();
			Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> first.runs.get() >= 8);
			assertThat(second.runs.get()).as("the second node skipped every run").isZero();

			one.close(); // the first node's locks are gone; its ticker thread still ticks, now without the lock
			Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> second.runs.get() >= 3);
			int firstRuns = first.runs.get();
			Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> second.runs.get() >= 8);
			assertThat(first.runs.get()).as("the dead node runs nothing more").isEqualTo(firstRuns);
			first.stop();
			second.stop();
			assertThat(two.held()).as("a stopped ticker gives its job up").doesNotContain(job);
		}
	}
}
