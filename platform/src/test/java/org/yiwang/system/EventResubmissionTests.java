package org.yiwang.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.PlatformTest;
import org.yiwang.TestActor;
import org.yiwang.registry.EntityKind;
import org.yiwang.registry.EntityRegistry;
import org.yiwang.registry.EntityRole;
import org.yiwang.registry.Registration;

/**
 * The publications a dead node left behind go back to their listeners on the node that holds the job; those a live
 * node is carrying out, and those that failed too often, do not.
 */
@PlatformTest
class EventResubmissionTests {

	@Autowired
	EventResubmission resubmission;

	@Autowired
	EntityRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	DataSource dataSource;

	@Autowired
	ClusterNode node;

	@Test
	void resubmits_stale_and_failed_publications_once_and_leaves_live_and_exhausted_ones() {
		String user = "org." + UUID.randomUUID().toString().substring(0, 8);
		registry.register(new Registration(EntityKind.ORGANIZATION, "重庆重投测试有限公司" + user,
				TestActor.creditCode(TestActor.YUZHONG), null, "张三", "李四", "023-12345678", "contact@example.cn",
				"重庆市渝中区解放碑", "150", TestActor.YUZHONG, Set.of(EntityRole.BIDDER), user, "Entity-pass-2026"));
		// A completed publication of a real event to a real listener (the analytics' registry facts: an entity's
		// registration records nothing there, so running it again changes nothing but the publication).
		UUID original = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select id from event_publication
				where listener_id like '%ObservedFacts%' and serialized_event like :user and completion_date is not null
				""").param("user", "%" + user + "%").query(UUID.class).optional().orElse(null), id -> id != null);

		Instant now = clock.instant();
		UUID deadNodes = copy(original, "PROCESSING", now, 1);
		UUID liveNodes = copy(original, "PROCESSING", now, 1);
		UUID failedOnce = copy(original, "FAILED", now.minus(Duration.ofSeconds(5)), 1);
		UUID exhausted = copy(original, "FAILED", now.minus(Duration.ofMinutes(30)), 5);

		// the watch's steps over this test's rows only: other tests of the context may have publications in flight
		long watchStart = System.nanoTime();
		assertThat(resubmission.markStaleFailed(watchStart, List.of(seen(deadNodes, "PROCESSING"),
				seen(liveNodes, "PROCESSING")))).as("nothing has been watched long enough").isZero();
		jdbc.sql("update event_publication set status = 'COMPLETED', completion_date = now() where id = :id")
			.param("id", liveNodes).update();
		UUID later = copy(original, "PUBLISHED", now, 1);
		assertThat(resubmission.markStaleFailed(watchStart + Duration.ofMinutes(10).toNanos(),
				List.of(seen(deadNodes, "PROCESSING"), seen(later, "PUBLISHED"))))
			.as("only the one still incomplete ten minutes later").isEqualTo(1);
		assertThat(row(deadNodes)).containsEntry("status", "FAILED");
		assertThat(row(later)).as("first seen just now").containsEntry("status", "PUBLISHED");

		resubmission.tick();

		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(row(deadNodes)).as("left by a dead node: resubmitted and completed")
				.containsEntry("status", "COMPLETED").containsEntry("completion_attempts", 2);
			assertThat(row(failedOnce)).as("failed: resubmitted and completed")
				.containsEntry("status", "COMPLETED").containsEntry("completion_attempts", 2);
		});
		assertThat(row(liveNodes)).as("completed by its node: not run again").containsEntry("completion_attempts", 1);
		assertThat(row(later)).as("watched for less than ten minutes").containsEntry("status", "PUBLISHED")
			.containsEntry("completion_attempts", 1);
		assertThat(row(exhausted)).as("five attempts: left for an operator").containsEntry("status", "FAILED")
			.containsEntry("completion_attempts", 5);
		jdbc.sql("delete from event_publication where id = :id").param("id", later).update();
	}

	@Test
	void at_a_lone_nodes_start_marks_failed_what_an_earlier_run_left() {
		UUID original = jdbc.sql("select id from event_publication where completion_date is not null limit 1")
			.query(UUID.class).single();
		// dated ten years back, older than anything another test of the context may have left incomplete
		Instant started = clock.instant().minus(Duration.ofDays(3650));
		UUID earlierRun = copy(original, "PROCESSING", started.minus(Duration.ofMinutes(2)), 1);
		UUID thisRun = copy(original, "PROCESSING", started.plusSeconds(1), 1);
		assertThat(resubmission.markFailed(started)).isEqualTo(1);
		assertThat(row(earlierRun)).containsEntry("status", "FAILED");
		assertThat(row(thisRun)).containsEntry("status", "PROCESSING");
		jdbc.sql("delete from event_publication where id in (:ids)").param("ids", List.of(earlierRun, thisRun))
			.update();
	}

	@Test
	void counts_only_other_nodes_of_this_database_as_alive() throws Exception {
		// other tests of this context may have left a second node's sessions open: count relative to now
		int before = resubmission.otherNodesAlive();
		assertThat(jdbc.sql("select count(*) from pg_stat_activity where application_name like :me")
			.param("me", "yiwang " + node.id() + "%").query(Integer.class).single())
			.as("this node's own lock and feed sessions, not counted").isPositive();
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		Properties p = new Properties();
		p.setProperty("user", pool.getUsername());
		p.setProperty("password", pool.getPassword());
		p.setProperty("ApplicationName", "yiwang node-" + UUID.randomUUID() + " feed");
		try (Connection otherNode = DriverManager.getConnection(pool.getJdbcUrl(), p)) {
			assertThat(resubmission.otherNodesAlive()).as("another node's feed session").isEqualTo(before + 1);
		}
	}

	private static EventResubmission.Seen seen(UUID id, String status) {
		return new EventResubmission.Seen(id, status, 1);
	}

	/** Each copy's event text differs by trailing blanks: Modulith may mark completions by listener and event text. */
	private int copies;

	private UUID copy(UUID original, String status, Instant published, int attempts) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				                               completion_attempts)
				select :id, listener_id, event_type, serialized_event || repeat(' ', :copy), :published, :status, :attempts
				from event_publication where id = :original
				""").param("id", id).param("copy", ++copies).param("original", original)
			.param("published", OffsetDateTime.ofInstant(published, ZoneOffset.UTC)).param("status", status)
			.param("attempts", attempts).update();
		return id;
	}

	private Map<String, Object> row(UUID id) {
		return jdbc.sql("select status, completion_attempts from event_publication where id = :id").param("id", id)
			.query().singleRow();
	}
}
