package org.yiwang.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

/**
 * Hands the event publications nobody is carrying out any more back to their listeners, on one node of the cluster.
 * <p>
 * Spring Modulith's registry keeps each event's publication to each listener until the listener has completed; one
 * that failed is {@code FAILED}; one whose node died stays {@code PUBLISHED}, {@code PROCESSING} or
 * {@code RESUBMITTED} for ever. Modulith's own "republish on restart" resubmits every incomplete publication at a
 * node's start, including those another live node is carrying out at that moment. Instead, every
 * {@code yiwang.events.resubmit-check-seconds} (60) the node that holds the job:
 * <ol>
 * <li>the first time it runs, if no other node of this database is alive (no other node's lock or feed session), marks
 * every incomplete publication dated before this node started as failed: they belonged to a run that is gone (the
 * usual restart of a single node resumes its events at once, as before);</li>
 * <li>marks failed the publications it has seen incomplete, neither resubmitted nor completed, for
 * {@code yiwang.events.stale-after} (10 minutes) of real time: their node died, or their listener hangs. The time is
 * the node's own watch, not the publications' dates: those follow the platform's clock, which a demo administrator
 * moves forward by months (every publication then looked stale at once); a node that takes the job over starts its
 * watch afresh, so a dead node's publications wait at most the period plus this time after the takeover;</li>
 * <li>resubmits the failed ones (Modulith claims each with a conditional update, so none is resubmitted twice) that
 * have had fewer than {@code yiwang.events.max-attempts} (5) attempts; the rest wait for an operator
 * (docs/operations.md says how to find them).</li>
 * </ol>
 * A listener may still run twice for one event (a slow one marked stale, a node that completed its work but died
 * before marking it): listeners are written to be idempotent (docs/cluster.md).
 */
@Component
class EventResubmission extends Ticker {

	private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

	private final JdbcClient jdbc;

	private final FailedEventPublications failed;

	private final ClusterNode node;

	private final Duration staleAfter;

	private final int maxAttempts;

	private final Instant started;

	private volatile boolean swept;

	/** When this node first saw each incomplete publication in its current state ({@link System#nanoTime()}). */
	private final Map<Seen, Long> watch = new HashMap<>();

	/** A publication in one state: resubmitted again, it is a new one to watch. */
	record Seen(UUID id, String status, Integer attempts) {
	}

	EventResubmission(JdbcClient jdbc, FailedEventPublications failed, Clock clock, ClusterNode node, ClusterLocks locks,
			@Value("${yiwang.events.resubmit-check-seconds:60}") long seconds,
			@Value("${yiwang.events.stale-after:10m}") Duration staleAfter,
			@Value("${yiwang.events.max-attempts:5}") int maxAttempts) {
		super("events-resubmission", seconds, locks);
		this.jdbc = jdbc;
		this.failed = failed;
		this.node = node;
		this.staleAfter = staleAfter;
		this.maxAttempts = maxAttempts;
		this.started = clock.instant();
	}

	@Override
	protected void tick() {
		if (!swept) {
			swept = true;
			if (otherNodesAlive() == 0) {
				report("left by an earlier run", markFailed(started));
			}
		}
		report("stale", markStaleFailed(System.nanoTime()));
		failed.resubmit(ResubmissionOptions.defaults().withBatchSize(1_000)
			.withFilter(p -> p.getCompletionAttempts() < maxAttempts));
	}

	private static void report(String which, int count) {
		if (count > 0) {
			log.warn("Resubmitting {} event publications {}", count, which);
		}
	}

	/** Other nodes' lock and feed sessions on this database ({@code yiwang <node id>[ feed]}). */
	int otherNodesAlive() {
		return jdbc.sql("""
				select count(*) from pg_stat_activity
				where datname = current_database() and application_name like 'yiwang %'
				  and split_part(application_name, ' ', 2) <> :node
				""").param("node", node.id()).query(Integer.class).single();
	}

	/** Marks failed the incomplete publications this node has watched, unchanged, for {@code staleAfter} or more. */
	int markStaleFailed(long now) {
		return markStaleFailed(now, jdbc.sql("""
				select id, status, completion_attempts from event_publication
				where completion_date is null and status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
				""").query((rs, i) -> new Seen(rs.getObject(1, UUID.class), rs.getString(2),
						(Integer) rs.getObject(3))).list());
	}

	/** The watch's step over the publications found incomplete now: those seen so for long enough are marked. */
	synchronized int markStaleFailed(long now, List<Seen> incomplete) {
		watch.keySet().retainAll(incomplete);
		incomplete.forEach(p -> watch.putIfAbsent(p, now));
		List<UUID> stale = watch.entrySet().stream().filter(e -> now - e.getValue() >= staleAfter.toNanos())
			.map(e -> e.getKey().id()).toList();
		if (stale.isEmpty()) {
			return 0;
		}
		watch.keySet().removeIf(p -> stale.contains(p.id()));
		return jdbc.sql("""
				update event_publication set status = 'FAILED'
				where id in (:ids) and completion_date is null and status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
				""").param("ids", stale).update();
	}

	/** Marks failed the incomplete publications neither published nor resubmitted since {@code before}. */
	int markFailed(Instant before) {
		return jdbc.sql("""
				update event_publication set status = 'FAILED'
				where completion_date is null and status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
				  and coalesce(last_resubmission_date, publication_date) < :before
				""").param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).update();
	}
}
