package org.yiwang.system;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the demo clock's offset in {@code system.demo_clock}, so the platform's time does not fall back to real time
 * at a restart (a deadline passed in a demo would come back, receipts would precede earlier ones). Attached when the
 * clock is made, before any other bean reads it.
 */
final class DemoClockStore {

	private final JdbcClient jdbc;

	DemoClockStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Restores the stored offset into the clock and keeps every later move. */
	DemoClock attach(DemoClock clock) {
		return attach(clock, Duration.ZERO);
	}

	/**
	 * Restores the stored offset into the clock and keeps every later move; with nothing stored (a fresh database) the
	 * clock starts {@code startBack} behind real time ({@link DemoClock#startBack}).
	 */
	DemoClock attach(DemoClock clock, Duration startBack) {
		boolean stored = jdbc.sql("select offset_millis, shown_at from system.demo_clock where id").query((rs, row) -> {
			clock.restore(Duration.ofMillis(rs.getLong("offset_millis")), rs.getTimestamp("shown_at").toInstant());
			return true;
		}).optional().isPresent();
		if (!stored && !startBack.isNegative() && !startBack.isZero()) {
			clock.startBack(startBack);
		}
		clock.keepIn(this::save);
		return clock;
	}

	private void save(Duration offset, Instant shownAt) {
		jdbc.sql("""
				insert into system.demo_clock (id, offset_millis, shown_at, moved_at) values (true, ?, ?, ?)
				on conflict (id) do update set offset_millis = greatest(system.demo_clock.offset_millis, excluded.offset_millis),
				  shown_at = greatest(system.demo_clock.shown_at, excluded.shown_at), moved_at = excluded.moved_at""")
			.params(offset.toMillis(), Timestamp.from(shownAt), Timestamp.from(Instant.now()))
			.update();
	}
}
